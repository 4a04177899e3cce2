public class WideLocals {
  static long many(int seed) {
    int a0 = seed, a1 = a0 + 1, a2 = a1 + 1, a3 = a2 + 1, a4 = a3 + 1, a5 = a4 + 1, a6 = a5 + 1, a7 = a6 + 1;
    long b0 = a7, b1 = b0 * 3, b2 = b1 * 3, b3 = b2 * 3, b4 = b3 * 3, b5 = b4 * 3, b6 = b5 * 3, b7 = b6 * 3;
    double c0 = b7, c1 = c0 / 2, c2 = c1 / 2, c3 = c2 / 2, c4 = c3 / 2, c5 = c4 / 2, c6 = c5 / 2, c7 = c6 / 2;
    long d0 = b7, d1 = d0 + 1, d2 = d1 + 1, d3 = d2 + 1, d4 = d3 + 1, d5 = d4 + 1, d6 = d5 + 1, d7 = d6 + 1;
    long e0 = d7, e1 = e0 + 1, e2 = e1 + 1, e3 = e2 + 1, e4 = e3 + 1, e5 = e4 + 1, e6 = e5 + 1, e7 = e6 + 1;
    long f0 = e7, f1 = f0 + 1, f2 = f1 + 1, f3 = f2 + 1, f4 = f3 + 1, f5 = f4 + 1, f6 = f5 + 1, f7 = f6 + 1;
    long g0 = f7, g1 = g0 + 1, g2 = g1 + 1, g3 = g2 + 1, g4 = g3 + 1, g5 = g4 + 1, g6 = g5 + 1, g7 = g6 + 1;
    long h0 = g7, h1 = h0 + 1, h2 = h1 + 1, h3 = h2 + 1, h4 = h3 + 1, h5 = h4 + 1, h6 = h5 + 1, h7 = h6 + 1;
    double i0 = h7, i1 = i0 + 1, i2 = i1 + 1, i3 = i2 + 1, i4 = i3 + 1, i5 = i4 + 1, i6 = i5 + 1, i7 = i6 + 1;
    double j0 = i7, j1 = j0 + 1, j2 = j1 + 1, j3 = j2 + 1, j4 = j3 + 1, j5 = j4 + 1, j6 = j5 + 1, j7 = j6 + 1;
    double k0 = j7, k1 = k0 + 1, k2 = k1 + 1, k3 = k2 + 1, k4 = k3 + 1, k5 = k4 + 1, k6 = k5 + 1, k7 = k6 + 1;
    double l0 = k7, l1 = l0 + 1, l2 = l1 + 1, l3 = l2 + 1, l4 = l3 + 1, l5 = l4 + 1, l6 = l5 + 1, l7 = l6 + 1;
    long m0 = (long) l7, m1 = m0 + 1, m2 = m1 + 1, m3 = m2 + 1, m4 = m3 + 1, m5 = m4 + 1, m6 = m5 + 1, m7 = m6 + 1;
    long n0 = m7, n1 = n0 + 1, n2 = n1 + 1, n3 = n2 + 1, n4 = n3 + 1, n5 = n4 + 1, n6 = n5 + 1, n7 = n6 + 1;
    long o0 = n7, o1 = o0 + 1, o2 = o1 + 1, o3 = o2 + 1, o4 = o3 + 1, o5 = o4 + 1, o6 = o5 + 1, o7 = o6 + 1;
    long p0 = o7, p1 = p0 + 1, p2 = p1 + 1, p3 = p2 + 1, p4 = p3 + 1, p5 = p4 + 1, p6 = p5 + 1, p7 = p6 + 1;
    long q0 = p7, q1 = q0 + 1, q2 = q1 + 1, q3 = q2 + 1, q4 = q3 + 1, q5 = q4 + 1, q6 = q5 + 1, q7 = q6 + 1;
    long r0 = q7, r1 = r0 + 1, r2 = r1 + 1, r3 = r2 + 1, r4 = r3 + 1, r5 = r4 + 1, r6 = r5 + 1, r7 = r6 + 1;
    int last = (int) r7;
    last += 1000;
    last -= 200000;
    int[] arr = {last};
    Object obj = arr;
    float fl = last;
    return r7 + last + a0 + (long) c7 + (long) i3 + ((int[]) obj)[0] + (long) fl;
  }

  public static void main(String[] args) {
    System.out.println(many(3));
  }
}
