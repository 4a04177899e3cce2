public class TableSwitch {
  static String name(int day) {
    switch (day) {
      case 0: return "sun";
      case 1: return "mon";
      case 2: return "tue";
      case 3: return "wed";
      case 4: return "thu";
      case 5: return "fri";
      case 6: return "sat";
      default: return "?";
    }
  }

  static int fallThrough(int x) {
    int r = 0;
    switch (x) {
      case 10: r += 1;
      case 11: r += 2;
      case 12: r += 4; break;
      case 13: r += 8;
      case 15: r += 16; break;
      default: r = -1;
    }
    return r;
  }

  public static void main(String[] args) {
    for (int i = -1; i < 8; i++) System.out.println(name(i));
    for (int i = 9; i < 17; i++) System.out.println(fallThrough(i));
  }
}
