import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

public class Annotations {
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.TYPE, ElementType.METHOD, ElementType.FIELD, ElementType.PARAMETER})
  @interface Info {
    String value() default "none";

    int priority() default 1;

    String[] tags() default {};

    ElementType kind() default ElementType.TYPE;

    Class<?> type() default Object.class;
  }

  @Retention(RetentionPolicy.CLASS)
  @interface Invisible {
    long id();
  }

  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.TYPE_USE)
  @interface NonNull {}

  @Info(value = "field", priority = 3)
  @Invisible(id = 7L)
  int annotatedField;

  @Info(value = "method", tags = {"a", "b"}, kind = ElementType.METHOD, type = String.class)
  @Deprecated
  void annotatedMethod(@Info("param") int x, @NonNull String s) {
    annotatedField = x + s.length();
  }

  @NonNull String typeUse() {
    return "t";
  }

  public static void main(String[] args) throws Exception {
    Info info = Annotations.class.getDeclaredMethod("annotatedMethod", int.class, String.class).getAnnotation(Info.class);
    System.out.println(info.value() + " " + info.tags().length + " " + info.kind() + " " + info.type().getSimpleName());
  }
}
