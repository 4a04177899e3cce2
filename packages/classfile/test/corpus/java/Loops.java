public class Loops {
  public static void main(String[] args) {
    int sum = 0;
    for (int i = 0; i < 10; i++) sum += i;
    int j = 0;
    while (j < 5) j += 2;
    int k = 100;
    do {
      k /= 3;
    } while (k > 1);
    outer:
    for (int a = 0; a < 5; a++) {
      for (int b = 0; b < 5; b++) {
        if (b == 3) continue outer;
        if (a == 4) break outer;
        sum += a * b;
      }
    }
    int count = 0;
    for (;;) {
      if (++count > 7) break;
    }
    long big = 0;
    for (long l = 0; l < 1_000L; l += 7) big ^= l;
    System.out.println(sum + " " + j + " " + k + " " + count + " " + big);
  }
}
