public class InnerClasses {
  private int counter = 0;

  class Inner {
    int bump() {
      return ++counter;
    }

    class Deeper {
      int twice() {
        return bump() + bump();
      }
    }
  }

  static class StaticNested {
    static int value = 42;
  }

  Runnable anonymous() {
    return new Runnable() {
      @Override
      public void run() {
        counter += 100;
      }
    };
  }

  int local(final int base) {
    class Adder {
      int add(int x) {
        return base + x + counter;
      }
    }
    return new Adder().add(5);
  }

  public static void main(String[] args) {
    InnerClasses outer = new InnerClasses();
    InnerClasses.Inner inner = outer.new Inner();
    InnerClasses.Inner.Deeper deeper = inner.new Deeper();
    System.out.println(inner.bump());
    System.out.println(deeper.twice());
    outer.anonymous().run();
    System.out.println(outer.local(7));
    System.out.println(StaticNested.value);
  }
}
