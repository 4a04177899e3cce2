import java.io.IOException;

public class CheckedExceptions {
  static class ParseException extends Exception {
    ParseException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  static class FatalError extends Error {
    FatalError(String message) {
      super(message);
    }
  }

  interface Parser {
    int parse(String s) throws ParseException, IOException;
  }

  static int parseOrThrow(String s) throws ParseException, IOException, InterruptedException {
    if (s == null) throw new IOException("null input");
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw new ParseException("bad number: " + s, e);
    }
  }

  public static void main(String[] args) throws Exception {
    Parser p = CheckedExceptions::parseOrThrow2;
    System.out.println(p.parse("12"));
    try {
      parseOrThrow("x1");
    } catch (ParseException e) {
      System.out.println(e.getMessage() + " / " + e.getCause().getClass().getSimpleName());
    }
    try {
      throw new FatalError("fatal");
    } catch (Error e) {
      System.out.println(e.getMessage());
    }
  }

  static int parseOrThrow2(String s) throws ParseException, IOException {
    try {
      return parseOrThrow(s);
    } catch (InterruptedException e) {
      throw new IOException(e);
    }
  }
}
