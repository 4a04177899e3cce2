public class CharOps {
  static char rot13(char c) {
    if (c >= 'a' && c <= 'z') return (char) ('a' + (c - 'a' + 13) % 26);
    if (c >= 'A' && c <= 'Z') return (char) ('A' + (c - 'A' + 13) % 26);
    return c;
  }

  public static void main(String[] args) {
    String s = "Hello, World!";
    char[] out = new char[s.length()];
    for (int i = 0; i < s.length(); i++) out[i] = rot13(s.charAt(i));
    System.out.println(new String(out));
    char c = 'A';
    c += 2;
    c++;
    System.out.println(c + " " + (int) Character.MAX_VALUE + " " + Character.isDigit('7') + " " + (char) 0x263A);
  }
}
