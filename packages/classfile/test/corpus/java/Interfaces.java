public class Interfaces {
  interface Shape {
    double PI_ISH = 3.14;

    double area();

    default String describe() {
      return name() + " with area " + area();
    }

    default String name() {
      return "shape";
    }

    static Shape unit() {
      return () -> 1.0;
    }
  }

  interface Named {
    String name();
  }

  static class Circle implements Shape, Named {
    final double r;

    Circle(double r) {
      this.r = r;
    }

    public double area() {
      return PI_ISH * r * r;
    }

    @Override
    public String name() {
      return "circle";
    }
  }

  public static void main(String[] args) {
    Shape s = new Circle(2);
    System.out.println(s.describe());
    System.out.println(Shape.unit().describe());
    Named n = new Circle(1);
    System.out.println(n.name());
  }
}
