// JavaScript twin of Fib.oak.
function fib(n) {
  if (n < 2) {
    return n;
  }
  return (fib(n - 1) + fib(n - 2)) | 0;
}

const n = process.argv.length > 2 ? parseInt(process.argv[2], 10) : 30;
console.log(`fib(${n}) = ${fib(n)}`);
