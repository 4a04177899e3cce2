// JavaScript twin of StringBuilding.oak. Java's String.hashCode is computed as Java does it.
function javaHash(s) {
  let h = 0;
  for (let i = 0; i < s.length; i++) {
    h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  }
  return h;
}

const n = process.argv.length > 2 ? parseInt(process.argv[2], 10) : 1000;
let hash = 0;
let totalLength = 0;
let found = 0;
for (let i = 0; i < n; i++) {
  const parts = ['item', String(i), ':', String((i * 7919) % 100003), ' ['];
  for (let j = 0; j < 8; j++) {
    parts.push(String.fromCharCode(97 + ((i + j) % 26)));
  }
  parts.push(']');
  const line = parts.join('');
  const joined = `#${i}/${line.length}=${line.substring(4, line.indexOf(':'))}`;
  hash = (Math.imul(hash, 31) + javaHash(line)) | 0;
  hash = (Math.imul(hash, 31) + javaHash(joined)) | 0;
  totalLength += line.length + joined.length;
  if (line.indexOf('xyz') >= 0) {
    found++;
  }
  if (i % (Math.trunc(n / 4) + 1) === 0) {
    console.log(`${line} ${joined}`);
  }
}
let concat = '';
for (let i = 0; i < 200; i++) {
  concat = concat + String.fromCharCode(65 + (i % 26));
}
console.log(`hash ${hash}`);
console.log(`length ${totalLength}`);
console.log(`found ${found}`);
console.log(`concat ${concat.length} ${javaHash(concat)} ${concat.substring(190)}`);
