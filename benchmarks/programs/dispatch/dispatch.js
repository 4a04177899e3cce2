// JavaScript twin of Dispatch.oak. JavaScript has no interfaces: the interface calls are plain method calls.
class Shape {
  constructor(size) {
    this.size = size;
  }

  scaled(k) {
    return Math.imul(this.area(), k);
  }

  base() {
    return this.size;
  }
}

class Square extends Shape {
  area() { return Math.imul(this.size, this.size); }
  measure(x) { return (x + 4 * this.size) | 0; }
  tag() { return 1; }
}

class Rect extends Shape {
  constructor(size, width) { super(size); this.width = width; }
  area() { return Math.imul(this.size, this.width); }
  measure(x) { return (x + 2 * (this.size + this.width)) | 0; }
  tag() { return 2; }
}

class Triangle extends Shape {
  area() { return (Math.imul(this.size, this.size) / 2) | 0; }
  measure(x) { return (x + 3 * this.size) | 0; }
  tag() { return 3; }
}

class Circle extends Shape {
  area() { return Math.imul(3 * this.size, this.size); }
  measure(x) { return (x + 6 * this.size) | 0; }
  tag() { return 4; }
}

class Hexagon extends Shape {
  area() { return (Math.imul(5 * this.size, this.size) / 2) | 0; }
  measure(x) { return (x + 6 * this.size) | 0; }
  tag() { return 5; }
  scaled(k) { return (super.scaled(k) + 1) | 0; }
}

class Cube extends Square {
  area() { return Math.imul(6, super.area()); }
  measure(x) { return Math.imul(super.measure(x), 3); }
  tag() { return 6; }
}

const n = process.argv.length > 2 ? parseInt(process.argv[2], 10) : 100000;
const shapes = [new Square(3), new Rect(2, 5), new Triangle(7), new Circle(4), new Hexagon(2), new Cube(3)];
const measured = shapes.slice();
const named = shapes.slice();
let virtualSum = 0;
let interfaceSum = 0;
let finalSum = 0;
for (let i = 0; i < n; i++) {
  const k = i % shapes.length;
  const s = shapes[k];
  virtualSum = (Math.imul(virtualSum, 31) + s.area() + s.scaled(i & 7)) | 0;
  interfaceSum = (Math.imul(interfaceSum, 17) + measured[k].measure(i) + named[(i >> 3) % shapes.length].tag()) | 0;
  finalSum = (finalSum + s.base()) | 0;
}
console.log(`virtual ${virtualSum}`);
console.log(`interface ${interfaceSum}`);
console.log(`final ${finalSum}`);
