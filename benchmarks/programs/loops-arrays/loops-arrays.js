// JavaScript twin of LoopsArrays.oak.
const n = process.argv.length > 2 ? parseInt(process.argv[2], 10) : 100;
const a = new Int32Array(n * n);
const b = new Int32Array(n * n);
const c = new Int32Array(n * n);
for (let i = 0; i < n * n; i++) {
  a[i] = ((i * 7 + 3) % 101) - 50;
  b[i] = ((i * 13 + 5) % 97) - 48;
}
for (let i = 0; i < n; i++) {
  for (let j = 0; j < n; j++) {
    let s = 0;
    for (let k = 0; k < n; k++) {
      s = (s + Math.imul(a[i * n + k], b[k * n + j])) | 0;
    }
    c[i * n + j] = s;
  }
}
let sum = 0;
let mix = 0;
for (let i = 0; i < c.length; i++) {
  sum += c[i];
  mix ^= Math.imul(c[i], i + 1);
}
const grid = [];
for (let i = 0; i < n; i++) {
  grid.push(new Int32Array(n));
}
for (let i = 0; i < n; i++) {
  for (let j = 0; j < n; j++) {
    let v = c[i * n + j] & 1023;
    if (i > 0) {
      v += grid[i - 1][j];
    }
    if (j > 0) {
      v += grid[i][j - 1];
    }
    if (i > 0 && j > 0) {
      v -= grid[i - 1][j - 1];
    }
    grid[i][j] = v;
  }
}
const sorted = Int32Array.from(c).sort();
console.log(`sum ${sum}`);
console.log(`mix ${mix}`);
console.log(`prefix ${grid[n - 1][n - 1]} ${grid[n >> 1][Math.trunc(n / 3)]}`);
console.log(`sorted ${sorted[0]} ${sorted[sorted.length >> 1]} ${sorted[sorted.length - 1]}`);
