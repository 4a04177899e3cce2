// corpus-min-release: 17
public class TextBlocks {
  static final String JSON = """
      {
        "name": "oak",
        "tags": ["vm", "\u00e9t\u00e9"],
        "emoji": "\ud83c\udf33"
      }
      """;

  static final String JOINED = """
      one \
      line \
      only\
      """;

  public static void main(String[] args) {
    System.out.print(JSON);
    System.out.println(JOINED + "|" + """
        trailing\s
        spaces\ttab""".length());
  }
}
