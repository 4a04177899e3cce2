// corpus-min-release: 17
public class InstanceofPattern {
  static String describe(Object o) {
    if (o instanceof String s && !s.isEmpty()) return "string of " + s.length();
    if (o instanceof Integer i) return "int " + (i + 1);
    if (!(o instanceof long[] arr)) return "other";
    return "long[] of " + arr.length;
  }

  public static void main(String[] args) {
    Object[] xs = {"abc", "", 41, new long[3], 2.0};
    for (Object x : xs) System.out.println(describe(x));
  }
}
