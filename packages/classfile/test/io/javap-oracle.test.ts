// HotSpot's own tools as the oracle for the reader: `javap -v` prints each class's header and constant
// pool, and the reader must agree with it entry by entry (kinds, references, integer and long values,
// strings). The round-trip test cannot catch a mistake the reader and writer make symmetrically; this can.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ClassFile, type CpEntry, readClassFile } from '@oakvm/classfile';
import { CORPUS_DIR, corpusFiles } from './corpus-files.js';

const hasJavap = spawnSync('javap', ['-version']).status === 0;
if (!hasJavap) console.warn('javap-oracle.test.ts: javap is not on the PATH, skipping the comparison with javap -v');

/** Two variants, the oldest and the newest target, keep the javap run to a couple of seconds. */
const VARIANTS = ['release8/', 'release17-g/'];

interface JavapClass {
  header: Map<string, string>;
  pool: Map<number, { kind: string; text: string }>;
}

function runJavap(names: string[]): Map<string, JavapClass> {
  const run = spawnSync('javap', ['-v', ...names.map((n) => join(CORPUS_DIR, n))], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, JAVA_TOOL_OPTIONS: '-Dstdout.encoding=UTF-8 -Dsun.stdout.encoding=UTF-8' },
  });
  if (run.status !== 0) throw new Error(`javap failed: ${run.stderr}`);
  const classes = new Map<string, JavapClass>();
  let current: JavapClass | undefined;
  for (const line of run.stdout.split('\n')) {
    const start = /^Classfile (.*)$/.exec(line);
    if (start) {
      current = { header: new Map(), pool: new Map() };
      classes.set(start[1]!.slice(CORPUS_DIR.length), current);
      continue;
    }
    if (current === undefined) continue;
    const header = /^ {2}(minor version|major version|flags|this_class|super_class|interfaces): (.*)$/.exec(line);
    if (header) current.header.set(header[1]!, header[2]!);
    // javap pads the kind to 18 columns plus a space; slicing there keeps a value's own leading spaces.
    const entry = /^ +#(\d+) = (\w+)/.exec(line);
    if (entry) current.pool.set(Number(entry[1]), { kind: entry[2]!, text: line.slice(entry[0].length - entry[2]!.length + 19) });
  }
  return classes;
}

/** How javap prints a Utf8 entry: escapes for quotes, backslashes and controls; '?' for a lone surrogate. */
function javapUtf8(s: string): string {
  const escapes: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r', '\b': '\\b', '\f': '\\f', '"': '\\"', '\\': '\\\\' };
  let out = '';
  for (const ch of s) {
    const u = ch.codePointAt(0)!;
    if (escapes[ch] !== undefined) out += escapes[ch];
    else if (u < 0x20 || (u >= 0x7f && u <= 0x9f)) out += `\\u${u.toString(16).padStart(4, '0')}`;
    else if (u >= 0xd800 && u <= 0xdfff) out += '?';
    else out += ch;
  }
  return out;
}

/** The operand column javap prints for an entry (before any `//` comment). */
function javapText(e: CpEntry): string | undefined {
  switch (e.kind) {
    case 'Utf8':
      return javapUtf8(e.value);
    case 'Integer':
      return String(e.value);
    case 'Long':
      return `${e.value.toString()}l`;
    case 'Float':
    case 'Double':
      return undefined; // Java's and JavaScript's shortest decimal forms differ; the round trip covers the bits.
    case 'Class':
    case 'Module':
    case 'Package':
      return `#${e.nameIndex}`;
    case 'String':
      return `#${e.stringIndex}`;
    case 'MethodType':
      return `#${e.descriptorIndex}`;
    case 'Fieldref':
    case 'Methodref':
    case 'InterfaceMethodref':
      return `#${e.classIndex}.#${e.nameAndTypeIndex}`;
    case 'NameAndType':
      return `#${e.nameIndex}:#${e.descriptorIndex}`;
    case 'MethodHandle':
      return `${e.referenceKind}:#${e.referenceIndex}`;
    case 'Dynamic':
    case 'InvokeDynamic':
      return `#${e.bootstrapMethodAttrIndex}:#${e.nameAndTypeIndex}`;
  }
}

function header(cf: ClassFile): Map<string, string> {
  return new Map([
    ['minor version', String(cf.minorVersion)],
    ['major version', String(cf.majorVersion)],
    ['flags', `(0x${cf.accessFlags.toString(16).padStart(4, '0')})`],
    ['this_class', `#${cf.thisClass}`],
    ['super_class', `#${cf.superClass}`],
    ['interfaces', `${cf.interfaces.length}, fields: ${cf.fields.length}, methods: ${cf.methods.length}, attributes: ${cf.attributes.length}`],
  ]);
}

describe.skipIf(!hasJavap)('the reader agrees with javap -v', () => {
  it('on the header and every constant-pool entry of two corpus variants', () => {
    const files = corpusFiles().filter((f) => VARIANTS.some((v) => f.name.startsWith(v)));
    const javap = runJavap(files.map((f) => f.name));
    expect(javap.size).toBe(files.length);
    let entries = 0;
    for (const { name, bytes } of files) {
      const cf = readClassFile(bytes);
      const expected = javap.get(name);
      expect(expected, name).toBeDefined();
      for (const [key, value] of header(cf)) {
        const printed = expected!.header.get(key) ?? '';
        expect(key === 'flags' || key === 'this_class' || key === 'super_class' ? printed.split(' ')[0] : printed, `${name} ${key}`).toBe(value);
      }
      const live = cf.constantPool.flatMap((e, i) => (e === undefined ? [] : [i]));
      expect([...expected!.pool.keys()], `${name} pool indexes`).toEqual(live);
      for (const i of live) {
        const e = cf.constantPool[i]!;
        const printed = expected!.pool.get(i)!;
        expect(printed.kind, `${name} #${i}`).toBe(e.kind);
        // javap drops trailing spaces from every line it prints.
        const text = javapText(e)?.replace(/ +$/, '');
        if (text === undefined) continue;
        // Utf8 lines have no comment; the others end in "// ..." after padding.
        const operand = e.kind === 'Utf8' ? printed.text : printed.text.replace(/ +\/\/.*$/, '');
        expect(operand, `${name} #${i}`).toBe(text);
        entries++;
      }
    }
    expect(entries).toBeGreaterThan(10_000);
  });
});
