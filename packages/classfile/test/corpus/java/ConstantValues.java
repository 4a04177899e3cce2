public class ConstantValues {
  static final int M1 = -1, Z = 0, FIVE = 5, BYTE_MAX = 127, BYTE_PAST = 128, SHORT_MAX = 32767, SHORT_PAST = 32768;
  static final int INT_MIN = -2147483648;
  static final long L0 = 0L, L1 = 1L, L2 = 2L;
  static final float F0 = 0f, F1 = 1f, F2 = 2f, F3 = 3f;
  static final double D0 = 0d, D1 = 1d, D2 = 2d;
  static final String S = "constant";
  static final String EMPTY = "";
  static final boolean T = true;
  static final char C = 'x';
  final int instanceConst = 99;

  public static void main(String[] args) {
    int[] ints = {M1, Z, FIVE, BYTE_MAX, BYTE_PAST, SHORT_MAX, SHORT_PAST, INT_MIN, -129, -32769, 1 << 20};
    long sum = 0;
    for (int i : ints) sum += i;
    System.out.println(sum + L0 + L1 + L2 + " " + (F0 + F1 + F2 + F3) + " " + (D0 + D1 + D2) + S + EMPTY + T + C);
    System.out.println(new ConstantValues().instanceConst);
  }
}
