public class Arithmetic {
  static int mix(int a, int b) {
    return (a * 31 + b) / 7 - (a % 5) + (-b) + (a >> 2) + (a >>> 3) + (b << 4);
  }

  static long mixLong(long a, long b) {
    return (a * 31L + b) / 7L - (a % 5L) + (-b) + (a >> 2) + (a >>> 3) + (b << 4);
  }

  static double mixDouble(double a, float b) {
    return a * b / 3.0 - a % 2.5 + (double) (b - 1.5f);
  }

  public static void main(String[] args) {
    System.out.println(mix(12345, -678));
    System.out.println(mixLong(1L << 40, -99L));
    System.out.println(mixDouble(2.75, 1.25f));
    int i = Integer.MAX_VALUE;
    i++;
    System.out.println(i);
    System.out.println(Integer.MIN_VALUE / -1);
  }
}
