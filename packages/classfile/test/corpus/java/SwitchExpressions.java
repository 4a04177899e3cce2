// corpus-min-release: 17
public class SwitchExpressions {
  enum Size { S, M, L, XL }

  static int weight(Size s) {
    return switch (s) {
      case S -> 1;
      case M, L -> 2;
      case XL -> {
        int base = 3;
        yield base * 2;
      }
    };
  }

  static String kind(String s) {
    return switch (s) {
      case "a", "e", "i", "o", "u" -> "vowel";
      case "y" -> "sometimes";
      default -> {
        if (s.length() != 1) yield "not a letter";
        yield "consonant";
      }
    };
  }

  static int days(int month) {
    int d = switch (month) {
      case 2:
        yield 28;
      case 4:
      case 6:
      case 9:
      case 11:
        yield 30;
      default:
        yield 31;
    };
    return d;
  }

  public static void main(String[] args) {
    for (Size s : Size.values()) System.out.println(s + " " + weight(s));
    for (String s : new String[] {"a", "y", "z", "zz"}) System.out.println(kind(s));
    System.out.println(days(2) + days(4) + days(5));
  }
}
