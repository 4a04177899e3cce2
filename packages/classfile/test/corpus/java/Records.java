// corpus-min-release: 17
import java.util.List;

public class Records {
  record Point(int x, int y) {
    Point {
      if (x < 0) throw new IllegalArgumentException("x < 0");
    }

    Point scale(int k) {
      return new Point(x * k, y * k);
    }

    static Point origin() {
      return new Point(0, 0);
    }
  }

  record Named<T>(String name, List<T> values) implements Comparable<Named<T>> {
    public int compareTo(Named<T> other) {
      return name.compareTo(other.name);
    }
  }

  record Empty() {}

  public static void main(String[] args) {
    Point p = new Point(2, 3).scale(4);
    System.out.println(p + " " + p.x() + " " + p.equals(new Point(8, 12)) + " " + Point.origin().hashCode());
    Named<Integer> n = new Named<>("n", List.of(1, 2));
    System.out.println(n + " " + n.compareTo(new Named<>("m", List.of())) + " " + new Empty());
  }
}
