public class NestMates {
  private int secret = 7;

  private static String hidden() {
    return "hidden";
  }

  static class Peer {
    private int peerSecret = 3;

    int peek(NestMates n) {
      return n.secret + peerSecret;
    }
  }

  class Member {
    private void poke() {
      secret++;
    }
  }

  interface Api {
    int call();
  }

  public static void main(String[] args) {
    NestMates n = new NestMates();
    Peer p = new Peer();
    n.new Member().poke();
    Api api = () -> n.secret * p.peerSecret;
    System.out.println(p.peek(n) + " " + hidden() + " " + api.call());
  }
}
