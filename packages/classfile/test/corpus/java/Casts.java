public class Casts {
  public static void main(String[] args) {
    double d = 1e20;
    float f = (float) d;
    long l = (long) d;
    int i = (int) d;
    short s = (short) 70000;
    byte b = (byte) 200;
    char c = (char) -1;
    int fromChar = c;
    long fromInt = i;
    double fromLong = Long.MAX_VALUE;
    int nan = (int) Double.NaN;
    long negInf = (long) Float.NEGATIVE_INFINITY;
    System.out.println(f + " " + l + " " + i + " " + s + " " + b + " " + fromChar + " " + fromInt);
    System.out.println(fromLong + " " + nan + " " + negInf);
    Object o = Integer.valueOf(3);
    if (o instanceof Number) System.out.println(((Number) o).doubleValue());
    Object[] arr = new String[] {"x"};
    System.out.println(arr instanceof String[]);
  }
}
