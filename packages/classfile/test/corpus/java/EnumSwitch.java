public class EnumSwitch {
  enum Color { RED, GREEN, BLUE, ALPHA }

  static String describe(Color c) {
    switch (c) {
      case RED: return "warm";
      case GREEN:
      case BLUE: return "cool";
      default: return "none";
    }
  }

  public static void main(String[] args) {
    for (Color c : Color.values()) System.out.println(c + " " + c.ordinal() + " " + describe(c));
    System.out.println(Color.valueOf("BLUE").compareTo(Color.RED));
  }
}
