// JavaScript twin of Fannkuch.oak.
let checksum = 0;

function fannkuch(n) {
  const perm = new Int32Array(n);
  const perm1 = new Int32Array(n);
  const count = new Int32Array(n);
  let maxFlips = 0;
  let permCount = 0;
  checksum = 0;
  for (let i = 0; i < n; i++) {
    perm1[i] = i;
  }
  let r = n;
  for (;;) {
    while (r !== 1) {
      count[r - 1] = r;
      r--;
    }
    for (let i = 0; i < n; i++) {
      perm[i] = perm1[i];
    }
    let flips = 0;
    let k = perm[0];
    while (k !== 0) {
      let lo = 0;
      let hi = k;
      while (lo < hi) {
        const t = perm[lo];
        perm[lo] = perm[hi];
        perm[hi] = t;
        lo++;
        hi--;
      }
      flips++;
      k = perm[0];
    }
    if (flips > maxFlips) {
      maxFlips = flips;
    }
    checksum = (checksum + (permCount % 2 === 0 ? flips : -flips)) | 0;
    for (;;) {
      if (r === n) {
        return maxFlips;
      }
      const perm0 = perm1[0];
      for (let i = 0; i < r; i++) {
        perm1[i] = perm1[i + 1];
      }
      perm1[r] = perm0;
      count[r]--;
      if (count[r] > 0) {
        break;
      }
      r++;
    }
    permCount++;
  }
}

const n = process.argv.length > 2 ? parseInt(process.argv[2], 10) : 7;
const flips = fannkuch(n);
console.log(checksum);
console.log(`Pfannkuchen(${n}) = ${flips}`);
