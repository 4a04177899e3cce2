public class LookupSwitch {
  static int sparse(int x) {
    switch (x) {
      case -1000000: return 1;
      case -5: return 2;
      case 7: return 3;
      case 1000: return 4;
      case 65536: return 5;
      case Integer.MAX_VALUE: return 6;
      case Integer.MIN_VALUE: return 7;
      default: return 0;
    }
  }

  static char code(char c) {
    switch (c) {
      case 'a': return 'z';
      case 'm': return 'n';
      case '\u20ac': return '$';
      default: return c;
    }
  }

  public static void main(String[] args) {
    int[] xs = {-1000000, -5, 7, 1000, 65536, Integer.MAX_VALUE, Integer.MIN_VALUE, 3};
    for (int x : xs) System.out.println(sparse(x));
    System.out.println("" + code('a') + code('m') + code('\u20ac') + code('q'));
  }
}
