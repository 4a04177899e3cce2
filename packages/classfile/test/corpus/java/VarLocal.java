// corpus-min-release: 11
import java.util.List;
import java.util.function.BiFunction;

public class VarLocal {
  public static void main(String[] args) {
    var list = List.of("one", "two", "three");
    var total = 0;
    for (var s : list) total += s.length();
    BiFunction<Integer, Integer, Integer> add = (var a, var b) -> a + b;
    var text = "a".repeat(3) + " " + "  pad  ".strip() + " " + "".isBlank();
    System.out.println(total + " " + add.apply(2, 3) + " " + text);
  }
}
