public class Bitwise {
  static int popcount(long x) {
    int n = 0;
    while (x != 0) {
      x &= x - 1;
      n++;
    }
    return n;
  }

  public static void main(String[] args) {
    int a = 0b1011_0110;
    int b = 0x0F0F_F0F0;
    long c = 0xFFFF_0000_FFFF_0000L;
    System.out.println((a & b) + " " + (a | b) + " " + (a ^ b) + " " + (~a));
    System.out.println((c >>> 17) + " " + (c >> 17) + " " + (c << 3) + " " + popcount(c));
    System.out.println((-1 >>> 28) + " " + (-1 >> 28) + " " + (1 << 33) + " " + (1L << 65));
    System.out.println(Integer.rotateLeft(a, 5) + " " + Long.numberOfTrailingZeros(c));
  }
}
