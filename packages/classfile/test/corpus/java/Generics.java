import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

public class Generics<T extends Comparable<T>> {
  private final List<T> items = new ArrayList<>();

  void add(T item) {
    items.add(item);
  }

  T max() {
    T best = null;
    for (T t : items) {
      if (best == null || t.compareTo(best) > 0) best = t;
    }
    return best;
  }

  static <E> E first(List<? extends E> list) {
    return list.isEmpty() ? null : list.get(0);
  }

  static double sum(Collection<? extends Number> nums) {
    double s = 0;
    for (Number n : nums) s += n.doubleValue();
    return s;
  }

  static void fill(List<? super Integer> sink, int n) {
    for (int i = 0; i < n; i++) sink.add(i);
  }

  static <K, V extends List<K>> int sizeOf(V values) {
    return values.size();
  }

  public static void main(String[] args) {
    Generics<String> g = new Generics<>();
    g.add("pear");
    g.add("apple");
    g.add("zucchini");
    System.out.println(g.max());
    List<Number> nums = new ArrayList<>();
    fill(nums, 5);
    System.out.println(sum(nums) + " " + first(nums) + " " + sizeOf(new ArrayList<String>()));
  }
}
