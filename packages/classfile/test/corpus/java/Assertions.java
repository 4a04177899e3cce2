public class Assertions {
  static int checked(int x) {
    assert x >= 0 : "negative: " + x;
    assert x != 13;
    return x * 2;
  }

  public static void main(String[] args) {
    System.out.println(checked(4));
    System.out.println(checked(-1));
  }
}
