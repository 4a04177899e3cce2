import java.util.Comparator;

public class Bridges {
  interface Transformer<A, B> {
    B transform(A a);
  }

  static class Length implements Transformer<String, Integer> {
    public Integer transform(String s) {
      return s.length();
    }
  }

  static class Base {
    Object value() {
      return "base";
    }
  }

  static class Derived extends Base {
    @Override
    String value() {
      return "derived";
    }
  }

  static class ByLength implements Comparator<String> {
    public int compare(String a, String b) {
      return Integer.compare(a.length(), b.length());
    }
  }

  public static void main(String[] args) {
    Transformer<String, Integer> t = new Length();
    Base b = new Derived();
    System.out.println(t.transform("hello") + " " + b.value() + " " + new ByLength().compare("aa", "b"));
  }
}
