public class Enums {
  enum Planet {
    MERCURY(3.303e+23, 2.4397e6),
    EARTH(5.976e+24, 6.37814e6),
    JUPITER(1.9e+27, 7.1492e7);

    private final double mass;
    private final double radius;

    Planet(double mass, double radius) {
      this.mass = mass;
      this.radius = radius;
    }

    double surfaceGravity() {
      return 6.67300E-11 * mass / (radius * radius);
    }
  }

  enum Op {
    PLUS("+") {
      int apply(int a, int b) {
        return a + b;
      }
    },
    TIMES("*") {
      int apply(int a, int b) {
        return a * b;
      }
    };

    final String symbol;

    Op(String symbol) {
      this.symbol = symbol;
    }

    abstract int apply(int a, int b);
  }

  public static void main(String[] args) {
    for (Planet p : Planet.values()) System.out.printf("%s %.2f%n", p, p.surfaceGravity());
    for (Op op : Op.values()) System.out.println(op.symbol + " " + op.apply(6, 7));
  }
}
