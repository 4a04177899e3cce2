public class StringSwitch {
  static int score(String s) {
    switch (s) {
      case "alpha": return 1;
      case "beta": return 2;
      case "gamma": return 3;
      case "Aa": return 4;
      case "BB": return 5;
      case "": return 6;
      case "\u00e9t\u00e9": return 7;
      default: return -1;
    }
  }

  public static void main(String[] args) {
    String[] words = {"alpha", "beta", "gamma", "Aa", "BB", "", "\u00e9t\u00e9", "delta"};
    for (String w : words) System.out.println(w + " -> " + score(w));
  }
}
