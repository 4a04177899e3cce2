public class UnicodeStrings {
  static final String ASCII = "plain ascii";
  static final String NUL = "a\0b\0";
  static final String LATIN = "caf\u00e9 na\u00efve \u00fc\u00f1\u00ee\u00e7\u00f8d\u00e9";
  static final String CJK = "\u4e2d\u6587\u5b57\u7b26 \u65e5\u672c\u8a9e \ud55c\uad6d\uc5b4";
  static final String EMOJI = "\ud83d\ude00\ud83c\udf89\ud83d\ude80";
  static final String MATH = "\ud835\udd04\ud835\udd05 \u2200x\u2203y";
  static final String LONE_SURROGATES = "\ud800x\udc00";
  static final String EDGES = "\u0001\u007f\u0080\u07ff\u0800\uffff";
  static final String BOM = "\ufeff";
  static final char SNOWMAN = '\u2603';

  public static void main(String[] args) {
    String[] all = {ASCII, NUL, LATIN, CJK, EMOJI, MATH, LONE_SURROGATES, EDGES, BOM};
    for (String s : all) {
      int sum = 0;
      for (int i = 0; i < s.length(); i++) sum = sum * 31 + s.charAt(i);
      System.out.println(s.length() + " " + sum + " " + s.codePointCount(0, s.length()));
    }
    System.out.println((int) SNOWMAN);
  }
}
