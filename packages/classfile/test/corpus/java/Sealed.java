// corpus-min-release: 17
public class Sealed {
  sealed interface Expr permits Num, Add, Mul, Neg {}

  record Num(int value) implements Expr {}

  record Add(Expr left, Expr right) implements Expr {}

  record Mul(Expr left, Expr right) implements Expr {}

  static final class Neg implements Expr {
    final Expr inner;

    Neg(Expr inner) {
      this.inner = inner;
    }
  }

  abstract static sealed class Animal permits Dog, Cat {}

  static final class Dog extends Animal {}

  static non-sealed class Cat extends Animal {}

  static int eval(Expr e) {
    if (e instanceof Num n) return n.value();
    if (e instanceof Add a) return eval(a.left()) + eval(a.right());
    if (e instanceof Mul m) return eval(m.left()) * eval(m.right());
    if (e instanceof Neg n) return -eval(n.inner);
    throw new AssertionError();
  }

  public static void main(String[] args) {
    Expr e = new Add(new Num(2), new Mul(new Num(3), new Neg(new Num(4))));
    System.out.println(eval(e));
    Animal a = new Cat();
    System.out.println(a instanceof Dog ? "dog" : "cat");
  }
}
