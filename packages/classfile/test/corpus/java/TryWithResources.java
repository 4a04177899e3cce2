public class TryWithResources {
  static final class Res implements AutoCloseable {
    private final String name;

    Res(String name) {
      this.name = name;
      System.out.println("open " + name);
    }

    @Override
    public void close() throws Exception {
      System.out.println("close " + name);
      if (name.startsWith("bad")) throw new Exception("close failed: " + name);
    }
  }

  public static void main(String[] args) throws Exception {
    try (Res a = new Res("a"); Res b = new Res("b")) {
      System.out.println("body");
    }
    try (Res c = new Res("bad-c")) {
      throw new IllegalStateException("body failed");
    } catch (IllegalStateException e) {
      System.out.println(e.getMessage() + " suppressed=" + e.getSuppressed().length);
    }
  }
}
