// JavaScript twin of LongArith.oak: Java's long is BigInt wrapped to 64 bits after every operation.
const wrap = (x) => BigInt.asIntN(64, x);
const ushr = (x, k) => BigInt.asUintN(64, x) >> k;

function mix(z) {
  z = wrap((z ^ ushr(z, 33n)) * -49064778989728563n);
  z = wrap((z ^ ushr(z, 33n)) * -4265267296055464877n);
  return wrap(z ^ ushr(z, 33n));
}

const n = process.argv.length > 2 ? parseInt(process.argv[2], 10) : 10000;
let seed = 42n;
let sum = 0n;
let xor = 0n;
let quotients = 0n;
let narrow = 0;
for (let i = 0; i < n; i++) {
  seed = wrap(seed * 6364136223846793005n + 1442695040888963407n);
  const h = mix(seed);
  sum = wrap(sum + h);
  xor = wrap(xor ^ wrap(h << BigInt(i & 15)));
  quotients = wrap(quotients + h / 1000003n + (h % 977n));
  narrow = (narrow + Number(BigInt.asIntN(32, h >> 17n))) | 0;
}
console.log(`seed ${seed}`);
console.log(`sum ${sum}`);
console.log(`xor ${BigInt.asUintN(64, xor).toString(16)}`);
console.log(`quotients ${quotients}`);
console.log(`narrow ${narrow}`);
