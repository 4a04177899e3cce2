public class Synchronized {
  private final Object lock = new Object();
  private int count;

  synchronized void incrementMethod() {
    count++;
  }

  void incrementBlock() {
    synchronized (lock) {
      count++;
      if (count > 1000) throw new IllegalStateException("too many");
    }
  }

  static synchronized int staticLocked(int x) {
    return x + 1;
  }

  public static void main(String[] args) throws InterruptedException {
    Synchronized s = new Synchronized();
    Thread t = new Thread(() -> {
      for (int i = 0; i < 100; i++) s.incrementBlock();
    });
    t.start();
    for (int i = 0; i < 100; i++) s.incrementMethod();
    t.join();
    System.out.println(s.count + " " + staticLocked(1));
  }
}
