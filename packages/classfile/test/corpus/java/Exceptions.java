public class Exceptions {
  static class AppException extends Exception {
    final int code;

    AppException(String message, int code) {
      super(message);
      this.code = code;
    }
  }

  static int risky(int x) throws AppException {
    if (x < 0) throw new AppException("negative " + x, x);
    if (x == 0) throw new IllegalStateException("zero");
    return 100 / x;
  }

  static String attempt(int x) {
    StringBuilder sb = new StringBuilder();
    try {
      sb.append(risky(x));
    } catch (AppException e) {
      sb.append("app:").append(e.getMessage()).append(e.code);
    } catch (IllegalStateException | ArithmeticException e) {
      sb.append("runtime:").append(e.getMessage());
    } finally {
      sb.append(";finally");
    }
    return sb.toString();
  }

  static int nested() {
    int r = 0;
    try {
      try {
        r += 1;
        throw new RuntimeException("inner");
      } finally {
        r += 10;
      }
    } catch (RuntimeException e) {
      r += 100;
    } finally {
      r += 1000;
    }
    return r;
  }

  @SuppressWarnings("finally")
  static int finallyReturns() {
    try {
      return 1;
    } finally {
      return 2;
    }
  }

  public static void main(String[] args) {
    for (int i = -1; i <= 2; i++) System.out.println(attempt(i));
    System.out.println(nested());
    System.out.println(finallyReturns());
    try {
      Object o = "s";
      Integer n = (Integer) o;
      System.out.println(n);
    } catch (ClassCastException e) {
      System.out.println("cce");
    }
  }
}
