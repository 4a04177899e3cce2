import java.util.HashMap;
import java.util.Map;

public class StaticInit {
  static final Map<String, Integer> TABLE = new HashMap<>();
  static int counter;
  static final int COMPUTED;
  static final String GREETING;

  static {
    for (int i = 0; i < 5; i++) TABLE.put("k" + i, i * i);
    COMPUTED = TABLE.size() * 11;
  }

  static {
    GREETING = System.getProperty("no.such.property", "default");
    counter = COMPUTED + 1;
  }

  public static void main(String[] args) {
    System.out.println(TABLE.get("k3") + " " + COMPUTED + " " + GREETING + " " + counter);
  }
}
