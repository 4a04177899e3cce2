public class StringConcat {
  static String build(int i, long l, double d, char c, boolean b, Object o, String s) {
    return "i=" + i + " l=" + l + " d=" + d + " c=" + c + " b=" + b + " o=" + o + " s=" + s + " \u0001\u0002";
  }

  public static void main(String[] args) {
    System.out.println(build(1, 2L, 3.5, 'x', true, null, "str"));
    String acc = "";
    for (int i = 0; i < 5; i++) acc += i;
    System.out.println(acc);
    final String constant = "con" + "stant" + 42 + 'c' + 1.5;
    System.out.println(constant);
  }
}
