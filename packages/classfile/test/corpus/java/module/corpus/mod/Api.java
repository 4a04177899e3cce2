// corpus-min-release: 11
package corpus.mod;

public class Api implements Runnable {
  @Override
  public void run() {
    System.out.println(corpus.mod.internal.Impl.message());
  }
}
