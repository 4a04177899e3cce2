#!/usr/bin/env node
// Regenerates fixtures/jdk17-number-strings.txt: HotSpot's Double.toString and Float.toString of a
// seeded sample of values (random bit patterns, decimal fractions, integers, powers of two, subnormals,
// specials), one "D<hex bits> text" or "F<hex bits> text" per line. Needs JDK 17 (`java` runs the
// generator from source); later JDKs print some values differently.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const generator = `
import java.util.Random;
public class NumberStrings {
  static StringBuilder out = new StringBuilder();
  static void d(double v) { out.append('D').append(Long.toHexString(Double.doubleToRawLongBits(v))).append(' ').append(v).append('\\n'); }
  static void f(float v) { out.append('F').append(Integer.toHexString(Float.floatToRawIntBits(v))).append(' ').append(v).append('\\n'); }
  public static void main(String[] args) {
    Random r = new Random(2026);
    for (int i = 0; i < 800; i++) d(Double.longBitsToDouble(r.nextLong()));
    for (int i = 0; i < 400; i++) d(r.nextInt(1000000) / Math.pow(10, r.nextInt(9)));
    for (int i = 0; i < 200; i++) d(Double.longBitsToDouble(r.nextLong() & 0x000fffffffffffffL));
    for (int i = 0; i < 200; i++) d((double) (r.nextLong() >> r.nextInt(63)));
    for (int e = -1074; e <= 1023; e += 7) d(Math.scalb(1.0, e));
    for (int i = 0; i < 800; i++) f(Float.intBitsToFloat(r.nextInt()));
    for (int i = 0; i < 400; i++) f(r.nextInt(1000000) / (float) Math.pow(10, r.nextInt(9)));
    for (int i = 0; i < 200; i++) f(Float.intBitsToFloat(r.nextInt() & 0x007fffff));
    for (int e = -149; e <= 127; e += 3) f(Math.scalb(1.0f, e));
    double[] ds = {0.0, -0.0, 1.0, 0.1, 0.001, 1e7, 1e-3, 9999999.999, Double.MIN_VALUE, Double.MAX_VALUE, Double.MIN_NORMAL, 2.82879384806159E17, 1.0E23};
    for (double v : ds) d(v);
    float[] fs = {0.0f, -0.0f, 1.0f, 0.1f, 1e7f, Float.MIN_VALUE, Float.MAX_VALUE, Float.MIN_NORMAL, 3.3000002f};
    for (float v : fs) f(v);
    System.out.print(out);
  }
}
`;

const here = dirname(fileURLToPath(import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'oak-number-strings-'));
try {
  const source = join(work, 'NumberStrings.java');
  writeFileSync(source, generator);
  const text = execFileSync('java', [source], { encoding: 'utf8', maxBuffer: 1 << 26 });
  writeFileSync(join(here, 'fixtures', 'jdk17-number-strings.txt'), text);
  console.log(`wrote ${text.trim().split('\n').length} samples`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
