// JavaScript twin of SpectralNorm.oak.
function a(i, j) {
  return 1.0 / ((((i + j) * (i + j + 1)) >> 1) + i + 1);
}

function multiplyAv(v, av) {
  const n = v.length;
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let j = 0; j < n; j++) {
      sum += a(i, j) * v[j];
    }
    av[i] = sum;
  }
}

function multiplyAtv(v, atv) {
  const n = v.length;
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let j = 0; j < n; j++) {
      sum += a(j, i) * v[j];
    }
    atv[i] = sum;
  }
}

function multiplyAtAv(v, out, tmp) {
  multiplyAv(v, tmp);
  multiplyAtv(tmp, out);
}

function format9(value) {
  const sign = value < 0 ? '-' : '';
  const scaled = Math.trunc(Math.abs(value) * 1e9 + 0.5);
  const whole = Math.trunc(scaled / 1000000000);
  return `${sign}${whole}.${String(scaled - whole * 1000000000).padStart(9, '0')}`;
}

const n = process.argv.length > 2 ? parseInt(process.argv[2], 10) : 100;
const u = new Float64Array(n).fill(1);
const v = new Float64Array(n);
const tmp = new Float64Array(n);
for (let i = 0; i < 10; i++) {
  multiplyAtAv(u, v, tmp);
  multiplyAtAv(v, u, tmp);
}
let vBv = 0;
let vv = 0;
for (let i = 0; i < n; i++) {
  vBv += u[i] * v[i];
  vv += v[i] * v[i];
}
console.log(format9(Math.sqrt(vBv / vv)));
