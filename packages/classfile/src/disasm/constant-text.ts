// Constant-pool entries as text (javap's ConstantWriter): the `Constant pool:` listing of -v, the value
// of an entry as shown after `//` in comments, and the "tag value" form instructions refer to.
import type { ClassFile, CpEntry } from '../model.js';
import { assertNever } from '../io/assert-never.js';
import { checkName, escapeUtf8Value, javaDoubleToString, javaFloatToString } from './java-text.js';
import type { LineWriter } from './line-writer.js';

/** JVMS table 5.4.3.5-A, as javap names the reference kinds. */
const REFERENCE_KIND_NAMES: readonly string[] = [
  '',
  'REF_getField',
  'REF_getStatic',
  'REF_putField',
  'REF_putStatic',
  'REF_invokeVirtual',
  'REF_invokeStatic',
  'REF_invokeSpecial',
  'REF_newInvokeSpecial',
  'REF_invokeInterface',
];

export function referenceKindName(kind: number): string {
  return REFERENCE_KIND_NAMES[kind] ?? `REF_${kind}`;
}

/** The text javap shows for constant-pool entries of one class file. */
export class ConstantText {
  constructor(private readonly cf: ClassFile) {}

  /** The entry at `index`, or undefined for index 0, an index out of range or an unused slot. */
  entry(index: number): CpEntry | undefined {
    return Number.isInteger(index) && index > 0 ? this.cf.constantPool[index] : undefined;
  }

  /** The value of entry `index` as javap shows it after `//` (ConstantWriter.stringValue). */
  value(index: number): string {
    const e = this.entry(index);
    return e === undefined ? invalidIndex(index) : this.entryValue(e);
  }

  private utf8(index: number): string {
    const e = this.entry(index);
    return e?.kind === 'Utf8' ? e.value : invalidIndex(index);
  }

  /** The raw string of a Utf8 entry, or a marker when the index is bad. */
  rawUtf8(index: number): string {
    return this.utf8(index);
  }

  /** The internal name of a Class entry, unquoted ("java/lang/String"). */
  rawClassName(index: number): string {
    const e = this.entry(index);
    return e?.kind === 'Class' ? this.utf8(e.nameIndex) : invalidIndex(index);
  }

  /** The name part of a NameAndType entry, unquoted. */
  nameAndTypeName(index: number): string {
    const e = this.entry(index);
    return e?.kind === 'NameAndType' ? this.utf8(e.nameIndex) : invalidIndex(index);
  }

  /** The name of a Package entry ("java/util"). */
  rawPackageName(index: number): string {
    const e = this.entry(index);
    return e?.kind === 'Package' ? this.utf8(e.nameIndex) : invalidIndex(index);
  }

  /** The name of a Module entry ("java.base"). */
  rawModuleName(index: number): string {
    const e = this.entry(index);
    return e?.kind === 'Module' ? this.utf8(e.nameIndex) : invalidIndex(index);
  }

  entryValue(e: CpEntry): string {
    switch (e.kind) {
      case 'Utf8':
        return escapeUtf8Value(e.value);
      case 'Integer':
        return String(e.value);
      case 'Float':
        return `${javaFloatToString(e.value)}f`;
      case 'Long':
        return `${e.value.toString()}l`;
      case 'Double':
        return `${javaDoubleToString(e.value)}d`;
      case 'Class':
      case 'Module':
      case 'Package':
        return checkName(this.utf8(e.nameIndex));
      case 'String':
        return this.value(e.stringIndex);
      case 'Fieldref':
      case 'Methodref':
      case 'InterfaceMethodref':
        return `${this.className(e.classIndex)}.${this.value(e.nameAndTypeIndex)}`;
      case 'NameAndType':
        return `${checkName(this.utf8(e.nameIndex))}:${this.utf8(e.descriptorIndex)}`;
      case 'MethodHandle':
        return `${referenceKindName(e.referenceKind)} ${this.value(e.referenceIndex)}`;
      case 'MethodType':
        return this.utf8(e.descriptorIndex);
      case 'Dynamic':
      case 'InvokeDynamic':
        return `#${e.bootstrapMethodAttrIndex}:${this.value(e.nameAndTypeIndex)}`;
      default:
        return assertNever(e);
    }
  }

  private className(classIndex: number): string {
    const c = this.entry(classIndex);
    return c?.kind === 'Class' ? checkName(this.utf8(c.nameIndex)) : invalidIndex(classIndex);
  }

  /**
   * An operand as instructions and attributes show it (ConstantWriter.write): "Method java/lang/Object.\"<init>\":()V",
   * with members of this class shown by name and type only.
   */
  reference(index: number): string {
    if (index === 0) return '#0';
    const e = this.entry(index);
    if (e === undefined) return `#${index}`;
    if ((e.kind === 'Fieldref' || e.kind === 'Methodref' || e.kind === 'InterfaceMethodref') && e.classIndex === this.cf.thisClass) {
      const nat = this.entry(e.nameAndTypeIndex);
      if (nat !== undefined) return `${tagName(e)} ${this.entryValue(nat)}`;
    }
    return `${tagName(e)} ${this.entryValue(e)}`;
  }

  /** The `Constant pool:` section of -v. */
  writePool(out: LineWriter): void {
    const pool = this.cf.constantPool;
    out.println('Constant pool:');
    out.indent(+1);
    const width = String(pool.length).length + 1;
    for (let i = 1; i < pool.length; i++) {
      const e = pool[i];
      if (e === undefined) continue;
      out.print(`#${i}`.padStart(width));
      out.print(` = ${e.kind.padEnd(18)} `);
      this.writePoolEntry(out, e);
    }
    out.indent(-1);
  }

  private writePoolEntry(out: LineWriter, e: CpEntry): void {
    const comment = (operands: string, separator = '// '): void => {
      out.print(operands);
      out.tab();
      out.println(separator + this.entryValue(e));
    };
    switch (e.kind) {
      case 'Utf8':
      case 'Integer':
      case 'Float':
      case 'Long':
      case 'Double':
        out.println(this.entryValue(e));
        return;
      case 'Class':
      case 'Module':
      case 'Package':
        return comment(`#${e.nameIndex}`);
      case 'String':
        return comment(`#${e.stringIndex}`);
      case 'Fieldref':
      case 'Methodref':
      case 'InterfaceMethodref':
        return comment(`#${e.classIndex}.#${e.nameAndTypeIndex}`);
      case 'NameAndType':
        return comment(`#${e.nameIndex}:#${e.descriptorIndex}`);
      case 'MethodHandle':
        return comment(`${e.referenceKind}:#${e.referenceIndex}`);
      case 'MethodType':
        return comment(`#${e.descriptorIndex}`, '//  ');
      case 'Dynamic':
      case 'InvokeDynamic':
        return comment(`#${e.bootstrapMethodAttrIndex}:#${e.nameAndTypeIndex}`);
      default:
        return assertNever(e);
    }
  }
}

/** The word javap puts before a referenced constant ("Method", "class", "String", "int"). */
export function tagName(e: CpEntry): string {
  switch (e.kind) {
    case 'Utf8':
      return 'Utf8';
    case 'Integer':
      return 'int';
    case 'Float':
      return 'float';
    case 'Long':
      return 'long';
    case 'Double':
      return 'double';
    case 'Class':
      return 'class';
    case 'String':
      return 'String';
    case 'Fieldref':
      return 'Field';
    case 'MethodHandle':
      return 'MethodHandle';
    case 'MethodType':
      return 'MethodType';
    case 'Methodref':
      return 'Method';
    case 'InterfaceMethodref':
      return 'InterfaceMethod';
    case 'InvokeDynamic':
      return 'InvokeDynamic';
    case 'Dynamic':
      return 'Dynamic';
    case 'NameAndType':
      return 'NameAndType';
    case 'Module':
      return '(unknown tag 19)';
    case 'Package':
      return '(unknown tag 20)';
    default:
      return assertNever(e);
  }
}

/** What javap shows where a constant-pool index does not lead to the expected entry. */
function invalidIndex(index: number): string {
  return `<invalid constant pool index #${index}>`;
}
