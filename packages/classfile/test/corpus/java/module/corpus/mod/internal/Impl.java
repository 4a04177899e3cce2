// corpus-min-release: 11
package corpus.mod.internal;

public final class Impl {
  private Impl() {}

  public static String message() {
    return "from a module";
  }
}
