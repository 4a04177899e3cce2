// JavaScript twin of BinaryTrees.oak.
class TreeNode {
  constructor(left, right) {
    this.left = left;
    this.right = right;
  }

  check() {
    if (this.left === null) {
      return 1;
    }
    return 1 + this.left.check() + this.right.check();
  }
}

function bottomUp(depth) {
  if (depth > 0) {
    return new TreeNode(bottomUp(depth - 1), bottomUp(depth - 1));
  }
  return new TreeNode(null, null);
}

const n = process.argv.length > 2 ? parseInt(process.argv[2], 10) : 10;
const minDepth = 4;
const maxDepth = Math.max(minDepth + 2, n);
const stretchDepth = maxDepth + 1;
console.log(`stretch tree of depth ${stretchDepth}\t check: ${bottomUp(stretchDepth).check()}`);
const longLived = bottomUp(maxDepth);
for (let depth = minDepth; depth <= maxDepth; depth += 2) {
  const iterations = 1 << (maxDepth - depth + minDepth);
  let check = 0;
  for (let i = 0; i < iterations; i++) {
    check += bottomUp(depth).check();
  }
  console.log(`${iterations}\t trees of depth ${depth}\t check: ${check}`);
}
console.log(`long lived tree of depth ${maxDepth}\t check: ${longLived.check()}`);
