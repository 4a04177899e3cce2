public class Conditionals {
  static String classify(int x, long y, double z, Object o) {
    String a = x > 0 ? "pos" : x < 0 ? "neg" : "zero";
    String b = y >= 10L ? "big" : "small";
    String c = z != z ? "nan" : z <= 0.5 ? "low" : "high";
    String d = o == null ? "null" : o instanceof String ? "string" : "other";
    boolean e = (x > 1 && y < 5) || !(z > 2.0);
    return a + b + c + d + e;
  }

  public static void main(String[] args) {
    System.out.println(classify(5, 20L, Double.NaN, "s"));
    System.out.println(classify(-1, 0L, 0.25, null));
    System.out.println(classify(0, 3L, 9.0, 1));
    float f = Float.NaN;
    System.out.println((f < 1.0f) + " " + (f > 1.0f) + " " + (f == f));
  }
}
