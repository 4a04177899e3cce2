import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;

public class MethodRefs {
  private final String prefix;

  MethodRefs(String prefix) {
    this.prefix = prefix;
  }

  String tag(String s) {
    return prefix + s;
  }

  static int twice(int x) {
    return 2 * x;
  }

  public static void main(String[] args) {
    Function<Integer, Integer> staticRef = MethodRefs::twice;
    Function<String, Integer> unbound = String::length;
    Function<String, String> bound = new MethodRefs("#")::tag;
    Supplier<List<String>> ctor = ArrayList::new;
    Function<String, MethodRefs> ctorArg = MethodRefs::new;
    IntFunction<int[]> arrayCtor = int[]::new;
    BiFunction<String, String, Boolean> eq = String::equals;
    List<String> list = ctor.get();
    list.addAll(Arrays.asList("c", "a", "b"));
    list.sort(String::compareTo);
    list.forEach(System.out::println);
    System.out.println(staticRef.apply(21) + " " + unbound.apply("four") + " " + bound.apply("x"));
    System.out.println(ctorArg.apply("!").tag("y") + " " + arrayCtor.apply(3).length + " " + eq.apply("a", "a"));
  }
}
