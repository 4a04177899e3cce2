public class Varargs {
  static int count(Object... items) {
    return items.length;
  }

  static String join(String sep, String... parts) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) sb.append(sep);
      sb.append(parts[i]);
    }
    return sb.toString();
  }

  static long sum(long... xs) {
    long s = 0;
    for (long x : xs) s += x;
    return s;
  }

  public static void main(String[] args) {
    System.out.println(count() + " " + count(1, "two", 3.0) + " " + count((Object[]) new String[] {"a", "b"}));
    System.out.println(join(", ", "x", "y", "z") + " " + sum(1, 2, 3, Long.MAX_VALUE));
    System.out.println(String.format("%d-%s", 5, "five"));
  }
}
