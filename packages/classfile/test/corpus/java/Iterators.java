import java.util.Iterator;
import java.util.NoSuchElementException;

public class Iterators implements Iterable<Integer> {
  private final int from;
  private final int to;

  Iterators(int from, int to) {
    this.from = from;
    this.to = to;
  }

  @Override
  public Iterator<Integer> iterator() {
    return new Iterator<Integer>() {
      private int next = from;

      @Override
      public boolean hasNext() {
        return next < to;
      }

      @Override
      public Integer next() {
        if (!hasNext()) throw new NoSuchElementException();
        return next++;
      }
    };
  }

  public static void main(String[] args) {
    int sum = 0;
    for (int i : new Iterators(3, 9)) sum += i;
    System.out.println(sum);
  }
}
