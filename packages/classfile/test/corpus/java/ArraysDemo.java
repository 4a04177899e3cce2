public class ArraysDemo {
  public static void main(String[] args) {
    int[][] grid = new int[3][4];
    for (int i = 0; i < 3; i++) for (int j = 0; j < 4; j++) grid[i][j] = i * j;
    long[][][] cube = new long[2][2][];
    cube[1][1] = new long[] {1L, 2L, 3L};
    String[][] jag = {{"a"}, {"b", "c"}, {}};
    byte[] bytes = {1, -2, 127, -128};
    char[] chars = {'x', '\u00ff'};
    short[] shorts = {32767, -32768};
    boolean[] flags = new boolean[5];
    float[] floats = {1.5f, -0.0f};
    double[] doubles = new double[] {Math.PI, Math.E};
    Object[] objs = {grid, cube, jag, bytes};
    System.out.println(grid[2][3] + " " + cube[1][1][2] + " " + jag[1][1] + " " + bytes[3] + " " + (int) chars[1]);
    System.out.println(shorts[1] + " " + flags.length + " " + floats[0] + " " + doubles[1] + " " + objs.length);
    int[] copy = grid[2].clone();
    System.out.println(copy.length + " " + (copy != grid[2]));
  }
}
