public class LongConstants {
  static final long ZERO = 0L;
  static final long ONE = 1L;
  static final long TWO = 2L;
  static final long MIN = Long.MIN_VALUE;
  static final long MAX = Long.MAX_VALUE;
  static final long MINUS_ONE = -1L;
  static final long BIG = 0x123456789ABCDEFL;
  static final int INT_MIN = Integer.MIN_VALUE;
  static final short SHORT = -12345;
  static final byte BYTE = -100;
  static final char CHAR = '\uFFFF';
  static final boolean FLAG = true;

  public static void main(String[] args) {
    long[] all = {ZERO, ONE, TWO, MIN, MAX, MINUS_ONE, BIG, INT_MIN, SHORT, BYTE, CHAR};
    long sum = 0;
    for (long v : all) {
      sum = sum * 31 + v;
      System.out.println(Long.toHexString(v));
    }
    System.out.println(sum + " " + FLAG);
  }
}
