// JavaScript twin of Exceptions.oak. JavaScript neither checks array bounds nor traps integer division
// by zero, so the twin checks and throws where the JVM would.
class BenchFailure extends Error {
  constructor(message, code) {
    super(message);
    this.code = code;
  }
}

class IndexOutOfBounds extends Error {}
class DivisionByZero extends Error {}

function descend(depth, i) {
  if (depth === 0) {
    if (i % 3 === 0) {
      throw new BenchFailure(`failure ${i}`, i % 100);
    }
    return i & 255;
  }
  return descend(depth - 1, i) + 1;
}

function addAt(array, index, value) {
  if (index >= array.length) {
    throw new IndexOutOfBounds(`Index ${index} out of bounds for length ${array.length}`);
  }
  array[index] = (array[index] + value) | 0;
}

function divide(a, b) {
  if (b === 0) {
    throw new DivisionByZero('/ by zero');
  }
  return (a / b) | 0;
}

const n = process.argv.length > 2 ? parseInt(process.argv[2], 10) : 10000;
const small = new Int32Array(4);
let sum = 0;
let caught = 0;
let finallies = 0;
let bounds = 0;
let divisions = 0;
let lastMessage = '';
for (let i = 0; i < n; i++) {
  try {
    sum = (sum + descend(i % 6, i)) | 0;
  } catch (e) {
    if (!(e instanceof BenchFailure)) throw e;
    sum = (sum + e.code) | 0;
    caught++;
    lastMessage = e.message;
  } finally {
    finallies++;
  }
  try {
    addAt(small, i % 5, i);
  } catch (e) {
    if (!(e instanceof IndexOutOfBounds)) throw e;
    bounds++;
    if (bounds === 1) {
      console.log(e.message);
    }
  }
  try {
    sum = (sum + divide(1000, i % 7)) | 0;
  } catch (e) {
    if (!(e instanceof DivisionByZero)) throw e;
    divisions++;
    if (divisions === 1) {
      console.log(e.message);
    }
  }
}
console.log(`sum ${sum}`);
console.log(`caught ${caught}, last: ${lastMessage}`);
console.log(`finally ${finallies}`);
console.log(`bounds ${bounds}, divisions ${divisions}`);
console.log(`small ${small[0]} ${small[1]} ${small[2]} ${small[3]}`);
