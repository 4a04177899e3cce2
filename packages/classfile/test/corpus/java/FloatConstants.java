public class FloatConstants {
  static final float F_NAN = Float.NaN;
  static final float F_POS_INF = Float.POSITIVE_INFINITY;
  static final float F_NEG_INF = Float.NEGATIVE_INFINITY;
  static final float F_NEG_ZERO = -0.0f;
  static final float F_MIN = Float.MIN_VALUE;
  static final float F_MAX = Float.MAX_VALUE;
  static final float F_ODD = 3.1415927f;
  static final double D_NAN = Double.NaN;
  static final double D_POS_INF = Double.POSITIVE_INFINITY;
  static final double D_NEG_INF = Double.NEGATIVE_INFINITY;
  static final double D_NEG_ZERO = -0.0;
  static final double D_MIN = Double.MIN_VALUE;
  static final double D_MAX = Double.MAX_VALUE;
  static final double D_SUBNORMAL = 4.9e-300 / 1e10;
  static final double D_ODD = 2.718281828459045;

  public static void main(String[] args) {
    double[] ds = {D_NAN, D_POS_INF, D_NEG_INF, D_NEG_ZERO, D_MIN, D_MAX, D_SUBNORMAL, D_ODD, 0.0, 1.0, 2.0, 0.1};
    float[] fs = {F_NAN, F_POS_INF, F_NEG_INF, F_NEG_ZERO, F_MIN, F_MAX, F_ODD, 0.0f, 1.0f, 2.0f, 0.1f};
    for (double d : ds) System.out.println(d);
    for (float f : fs) System.out.println(f);
    System.out.println(1.0 / D_NEG_ZERO);
    System.out.println(D_NAN == D_NAN);
  }
}
