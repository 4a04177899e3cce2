// Code shaped so that javac's StackMapTable uses every frame kind and verification type: a handler far
// from the previous frame (same_locals_1_stack_item_extended), `new` with a branch before its constructor
// runs (Uninitialized), a branch inside this(...) arguments (UninitializedThis), a null on the stack at a
// join (Null) and a dead wide local under a live one (Top).
public class FrameShapes {
  private final int value;

  FrameShapes(int v) {
    this(v > 0 ? v : -v, "delegated");
  }

  private FrameShapes(int v, String why) {
    value = v + why.length();
  }

  static int farHandler(int[] a) {
    try {
      return a[0] * a[1] + a[2] * a[3] - a[4] * a[5] + a[6] * a[7] - a[8] * a[9]
          ^ a[10] * a[11] + a[12] * a[13] - a[14] * a[15] + a[16] * a[17] - a[18] * a[19]
          ^ a[20] * a[21] + a[22] * a[23] - a[24] * a[25] + a[26] * a[27] - a[28] * a[29];
    } catch (ArrayIndexOutOfBoundsException e) {
      return -1;
    }
  }

  static FrameShapes uninitialized(boolean flag) {
    return new FrameShapes(flag ? 1 : 2);
  }

  static Object nullAtJoin(boolean flag) {
    Object o = flag ? null : null;
    return o;
  }

  static long topLocal(boolean flag) {
    long unassigned;
    int live = flag ? 1 : 2;
    if (live > 1) {
      unassigned = 5L;
      return unassigned;
    }
    return live;
  }

  public static void main(String[] args) {
    System.out.println(farHandler(new int[30]) + " " + farHandler(new int[3]) + " " + uninitialized(true).value);
    System.out.println(nullAtJoin(true) + " " + topLocal(true) + " " + topLocal(false));
  }
}
