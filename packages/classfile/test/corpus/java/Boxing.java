import java.util.ArrayList;
import java.util.List;

public class Boxing {
  static Integer boxed(int x) {
    return x;
  }

  static int unboxed(Integer x) {
    return x;
  }

  public static void main(String[] args) {
    List<Integer> ints = new ArrayList<>();
    for (int i = 0; i < 5; i++) ints.add(i * 100);
    int total = 0;
    for (int v : ints) total += v;
    Long l = 5L;
    Double d = 2.5;
    Character c = 'q';
    Boolean flag = Boolean.TRUE;
    Byte by = (byte) 3;
    Short sh = (short) 4;
    Float fl = 1.5f;
    System.out.println(total + " " + (l + d) + " " + c + " " + flag + " " + (by + sh) + " " + fl);
    Integer a = 127, b = 127, x = 1000, y = 1000;
    System.out.println((a == b) + " " + x.equals(y) + " " + unboxed(boxed(9)));
  }
}
