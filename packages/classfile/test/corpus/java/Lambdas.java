import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.IntBinaryOperator;
import java.util.function.Supplier;

public class Lambdas {
  private int field = 10;

  Supplier<Integer> capturingThis() {
    return () -> field * 2;
  }

  static Function<Integer, Integer> adder(int n) {
    return x -> x + n;
  }

  public static void main(String[] args) {
    IntBinaryOperator mul = (a, b) -> a * b;
    BiFunction<String, Integer, String> rep = (s, n) -> {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < n; i++) sb.append(s);
      return sb.toString();
    };
    Function<Integer, Function<Integer, Integer>> curried = a -> b -> a - b;
    System.out.println(mul.applyAsInt(6, 7));
    System.out.println(rep.apply("ab", 3));
    System.out.println(curried.apply(10).apply(3));
    System.out.println(adder(5).andThen(adder(1)).apply(1));
    System.out.println(new Lambdas().capturingThis().get());
    Runnable r = () -> System.out.println("run");
    r.run();
  }
}
