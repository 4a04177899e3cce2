// corpus-min-release: 11
public class PrivateInterfaceMethods {
  interface Greeter {
    default String greet(String name) {
      return decorate("Hello, " + name);
    }

    static Greeter standard() {
      return new Greeter() {};
    }

    private String decorate(String s) {
      return "<" + s + ">" + suffix();
    }

    private static String suffix() {
      return "!";
    }
  }

  public static void main(String[] args) {
    System.out.println(Greeter.standard().greet("world"));
  }
}
