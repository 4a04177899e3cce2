// JavaScript twin of NBody.oak.
const PI = 3.141592653589793;
const SOLAR_MASS = 4 * PI * PI;
const DAYS_PER_YEAR = 365.24;

class Body {
  constructor(x, y, z, vx, vy, vz, mass) {
    this.x = x;
    this.y = y;
    this.z = z;
    this.vx = vx * DAYS_PER_YEAR;
    this.vy = vy * DAYS_PER_YEAR;
    this.vz = vz * DAYS_PER_YEAR;
    this.mass = mass * SOLAR_MASS;
  }
}

const jupiter = () =>
  new Body(4.8414314424647209, -1.16032004402742839, -1.03622044471123109e-1, 1.66007664274403694e-3,
    7.69901118419740425e-3, -6.90460016972063023e-5, 9.54791938424326609e-4);
const saturn = () =>
  new Body(8.34336671824457987, 4.12479856412430479, -4.03523417114321381e-1, -2.76742510726862411e-3,
    4.99852801234917238e-3, 2.30417297573763929e-5, 2.85885980666130812e-4);
const uranus = () =>
  new Body(1.2894369562139131e1, -1.51111514016986312e1, -2.23307578892655734e-1, 2.96460137564761618e-3,
    2.3784717395948095e-3, -2.96589568540237556e-5, 4.36624404335156298e-5);
const neptune = () =>
  new Body(1.53796971148509165e1, -2.59193146099879641e1, 1.79258772950371181e-1, 2.68067772490389322e-3,
    1.62824170038242295e-3, -9.5159225451971587e-5, 5.15138902046611451e-5);
const sun = () => new Body(0, 0, 0, 0, 0, 0, 1);

function makeSystem() {
  const bodies = [sun(), jupiter(), saturn(), uranus(), neptune()];
  let px = 0.0;
  let py = 0.0;
  let pz = 0.0;
  for (const body of bodies) {
    px += body.vx * body.mass;
    py += body.vy * body.mass;
    pz += body.vz * body.mass;
  }
  bodies[0].vx = -px / SOLAR_MASS;
  bodies[0].vy = -py / SOLAR_MASS;
  bodies[0].vz = -pz / SOLAR_MASS;
  return bodies;
}

function advance(b, dt) {
  for (let i = 0; i < b.length; i++) {
    const iBody = b[i];
    for (let j = i + 1; j < b.length; j++) {
      const jBody = b[j];
      const dx = iBody.x - jBody.x;
      const dy = iBody.y - jBody.y;
      const dz = iBody.z - jBody.z;
      const dSquared = dx * dx + dy * dy + dz * dz;
      const distance = Math.sqrt(dSquared);
      const mag = dt / (dSquared * distance);
      iBody.vx -= dx * jBody.mass * mag;
      iBody.vy -= dy * jBody.mass * mag;
      iBody.vz -= dz * jBody.mass * mag;
      jBody.vx += dx * iBody.mass * mag;
      jBody.vy += dy * iBody.mass * mag;
      jBody.vz += dz * iBody.mass * mag;
    }
  }
  for (const body of b) {
    body.x += dt * body.vx;
    body.y += dt * body.vy;
    body.z += dt * body.vz;
  }
}

function energy(bodies) {
  let e = 0.0;
  for (let i = 0; i < bodies.length; i++) {
    const iBody = bodies[i];
    e += 0.5 * iBody.mass * (iBody.vx * iBody.vx + iBody.vy * iBody.vy + iBody.vz * iBody.vz);
    for (let j = i + 1; j < bodies.length; j++) {
      const jBody = bodies[j];
      const dx = iBody.x - jBody.x;
      const dy = iBody.y - jBody.y;
      const dz = iBody.z - jBody.z;
      const distance = Math.sqrt(dx * dx + dy * dy + dz * dz);
      e -= (iBody.mass * jBody.mass) / distance;
    }
  }
  return e;
}

function format9(value) {
  const sign = value < 0 ? '-' : '';
  const scaled = Math.trunc(Math.abs(value) * 1e9 + 0.5);
  const whole = Math.trunc(scaled / 1000000000);
  return `${sign}${whole}.${String(scaled - whole * 1000000000).padStart(9, '0')}`;
}

const n = process.argv.length > 2 ? parseInt(process.argv[2], 10) : 1000;
const system = makeSystem();
console.log(format9(energy(system)));
for (let i = 0; i < n; i++) {
  advance(system, 0.01);
}
console.log(format9(energy(system)));
