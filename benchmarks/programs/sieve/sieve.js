// JavaScript twin of Sieve.oak.
const LIMIT = 100000;

function sieve(composite) {
  let count = 0;
  for (let i = 0; i < composite.length; i++) {
    composite[i] = 0;
  }
  for (let i = 2; i < composite.length; i++) {
    if (!composite[i]) {
      count++;
      for (let j = i + i; j < composite.length; j += i) {
        composite[j] = 1;
      }
    }
  }
  return count;
}

const rounds = process.argv.length > 2 ? parseInt(process.argv[2], 10) : 10;
const composite = new Uint8Array(LIMIT + 1);
let total = 0;
let count = 0;
for (let r = 0; r < rounds; r++) {
  count = sieve(composite);
  total = (total + count) | 0;
}
let last = LIMIT;
while (composite[last]) {
  last--;
}
console.log(`primes up to ${LIMIT}: ${count}`);
console.log(`largest: ${last}`);
console.log(`total over ${rounds} rounds: ${total}`);
