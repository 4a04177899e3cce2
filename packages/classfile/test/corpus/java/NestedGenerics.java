import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

public class NestedGenerics {
  static <K, V> Map<V, List<K>> invert(Map<K, V> in) {
    Map<V, List<K>> out = new HashMap<>();
    for (Map.Entry<K, V> e : in.entrySet()) {
      List<K> keys = out.get(e.getValue());
      if (keys == null) {
        keys = new ArrayList<>();
        out.put(e.getValue(), keys);
      }
      keys.add(e.getKey());
    }
    return out;
  }

  static <T, R> List<R> mapAll(List<T> xs, Function<? super T, ? extends R> f) {
    List<R> out = new ArrayList<>();
    for (T x : xs) out.add(f.apply(x));
    return out;
  }

  static class Pair<A, B> {
    final A first;
    final B second;

    Pair(A first, B second) {
      this.first = first;
      this.second = second;
    }

    <C> Pair<A, C> withSecond(C c) {
      return new Pair<>(first, c);
    }
  }

  public static void main(String[] args) {
    Map<String, Integer> m = new HashMap<>();
    m.put("a", 1);
    m.put("b", 2);
    m.put("c", 1);
    Map<Integer, List<String>> inv = invert(m);
    List<Integer> lens = mapAll(inv.get(1), String::length);
    Pair<String, List<Integer>> p = new Pair<>("x", lens);
    Pair<String, Double> q = p.withSecond(2.0);
    System.out.println(inv.get(1).size() + " " + lens + " " + q.first + q.second);
  }
}
