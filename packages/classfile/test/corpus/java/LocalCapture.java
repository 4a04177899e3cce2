import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

public class LocalCapture {
  interface Counter {
    int next();
  }

  static Counter counterFrom(final int start, final String label) {
    class LocalCounter implements Counter {
      private int current = start;

      public int next() {
        System.out.println(label + current);
        return current++;
      }
    }
    return new LocalCounter();
  }

  public static void main(String[] args) {
    Counter c = counterFrom(5, "#");
    c.next();
    c.next();
    List<IntSupplier> suppliers = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      final int captured = i * i;
      suppliers.add(() -> captured + 1);
      suppliers.add(new IntSupplier() {
        public int getAsInt() {
          return captured - 1;
        }
      });
    }
    for (IntSupplier s : suppliers) System.out.println(s.getAsInt());
  }
}
