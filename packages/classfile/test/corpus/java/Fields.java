public class Fields implements java.io.Serializable {
  private static final long serialVersionUID = 42L;
  public static int publicStatic = 1;
  protected volatile long volatileLong = 2L;
  transient String transientString = "t";
  private final double finalDouble;
  char c = 'c';
  byte b = 1;
  short s = 2;
  boolean z = true;
  float f = 0.5f;
  int[] arr = {1, 2};
  Object ref;

  Fields(double d) {
    finalDouble = d;
  }

  public static void main(String[] args) {
    Fields x = new Fields(3.5);
    x.ref = x;
    publicStatic += 10;
    System.out.println(publicStatic + " " + x.volatileLong + " " + x.transientString + " " + x.finalDouble + " " + x.c);
    System.out.println(x.b + x.s + " " + x.z + " " + x.f + " " + x.arr.length + " " + (x.ref == x));
  }
}
