public class AbstractShapes {
  abstract static class Shape {
    private static int created;
    protected final String label;

    protected Shape(String label) {
      this.label = label;
      created++;
    }

    abstract double area();

    public String toString() {
      return label + "(" + area() + ")";
    }
  }

  static class Rect extends Shape {
    final double w;
    final double h;

    Rect(double w, double h) {
      super("rect");
      this.w = w;
      this.h = h;
    }

    double area() {
      return w * h;
    }
  }

  static final class Square extends Rect {
    Square(double side) {
      super(side, side);
    }

    @Override
    public String toString() {
      return "square:" + super.toString();
    }
  }

  public static void main(String[] args) {
    Shape[] shapes = {new Rect(2, 3), new Square(4)};
    for (Shape s : shapes) System.out.println(s);
    System.out.println(Shape.created);
  }
}
