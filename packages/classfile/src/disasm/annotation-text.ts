// Annotations as javap prints them (AnnotationWriter): first with constant-pool indexes
// ("#83(#51=s#84)"), then, one level deeper, resolved ("Annotations$Info(" ... ")").
import { descriptorFieldType } from './descriptor-text.js';
import type { ConstantText } from './constant-text.js';
import type { LineWriter } from './line-writer.js';
import type { Annotation, ElementValue, TypeAnnotation, TypeAnnotationTarget, TypePathEntry } from './raw-attributes.js';

const TARGET_TYPE_NAMES: { readonly [code: number]: string } = {
  0x00: 'CLASS_TYPE_PARAMETER',
  0x01: 'METHOD_TYPE_PARAMETER',
  0x10: 'CLASS_EXTENDS',
  0x11: 'CLASS_TYPE_PARAMETER_BOUND',
  0x12: 'METHOD_TYPE_PARAMETER_BOUND',
  0x13: 'FIELD',
  0x14: 'METHOD_RETURN',
  0x15: 'METHOD_RECEIVER',
  0x16: 'METHOD_FORMAL_PARAMETER',
  0x17: 'THROWS',
  0x40: 'LOCAL_VARIABLE',
  0x41: 'RESOURCE_VARIABLE',
  0x42: 'EXCEPTION_PARAMETER',
  0x43: 'INSTANCEOF',
  0x44: 'NEW',
  0x45: 'CONSTRUCTOR_REFERENCE',
  0x46: 'METHOD_REFERENCE',
  0x47: 'CAST',
  0x48: 'CONSTRUCTOR_INVOCATION_TYPE_ARGUMENT',
  0x49: 'METHOD_INVOCATION_TYPE_ARGUMENT',
  0x4a: 'CONSTRUCTOR_REFERENCE_TYPE_ARGUMENT',
  0x4b: 'METHOD_REFERENCE_TYPE_ARGUMENT',
};

const PATH_KIND_NAMES: readonly string[] = ['ARRAY', 'INNER_TYPE', 'WILDCARD', 'TYPE_ARGUMENT'];

export class AnnotationText {
  constructor(
    private readonly out: LineWriter,
    private readonly constants: ConstantText,
  ) {}

  /** Both forms of an annotation; the caller ends the last line. */
  write(a: Annotation): void {
    this.annotation(a, false);
    this.out.println();
    this.out.indent(+1);
    this.annotation(a, true);
    this.out.indent(-1);
  }

  writeTypeAnnotation(t: TypeAnnotation): void {
    this.annotation(t.annotation, false);
    this.out.print(': ');
    this.position(t);
    this.out.println();
    this.out.indent(+1);
    this.annotation(t.annotation, true);
    this.out.indent(-1);
  }

  /** An AnnotationDefault value: both forms; the caller ends the last line. */
  writeElementValue(v: ElementValue): void {
    this.value(v, false);
    this.out.println();
    this.out.indent(+1);
    this.value(v, true);
    this.out.indent(-1);
  }

  private annotation(a: Annotation, resolve: boolean): void {
    const out = this.out;
    this.descriptor(a.typeIndex, resolve);
    if (resolve) {
      if (a.pairs.length > 0) {
        out.println('(');
        out.indent(+1);
      }
      for (const p of a.pairs) {
        this.index(p.nameIndex, true);
        out.print('=');
        this.value(p.value, true);
        out.println();
      }
      if (a.pairs.length > 0) {
        out.indent(-1);
        out.print(')');
      }
    } else {
      out.print('(');
      a.pairs.forEach((p, i) => {
        if (i > 0) out.print(',');
        this.index(p.nameIndex, false);
        out.print('=');
        this.value(p.value, false);
      });
      out.print(')');
    }
  }

  private descriptor(index: number, resolve: boolean): void {
    if (resolve) {
      const e = this.constants.entry(index);
      if (e?.kind === 'Utf8') {
        const type = tryFieldType(e.value);
        if (type !== undefined) {
          this.out.print(type);
          return;
        }
      }
    }
    this.out.print(`#${index}`);
  }

  private index(index: number, resolve: boolean): void {
    this.out.print(resolve ? this.constants.value(index) : `#${index}`);
  }

  private value(v: ElementValue, resolve: boolean): void {
    const out = this.out;
    switch (v.tag) {
      case 'B':
      case 'C':
      case 'D':
      case 'F':
      case 'I':
      case 'J':
      case 'S':
      case 'Z':
      case 's':
        out.print(resolve ? this.primitive(v.tag, v.constIndex) : `${v.tag}#${v.constIndex}`);
        return;
      case 'e':
        if (resolve) {
          this.index(v.typeNameIndex, true);
          out.print('.');
          this.index(v.constNameIndex, true);
        } else {
          out.print(`e#${v.typeNameIndex}.#${v.constNameIndex}`);
        }
        return;
      case 'c':
        if (resolve) {
          out.print('class ');
          this.index(v.classInfoIndex, true);
        } else {
          out.print(`c#${v.classInfoIndex}`);
        }
        return;
      case '@':
        out.print('@');
        this.annotation(v.annotation, resolve);
        return;
      case '[':
        out.print('[');
        v.values.forEach((item, i) => {
          if (i > 0) out.print(',');
          this.value(item, resolve);
        });
        out.print(']');
        return;
    }
  }

  private primitive(tag: 'B' | 'C' | 'D' | 'F' | 'I' | 'J' | 'S' | 'Z' | 's', index: number): string {
    switch (tag) {
      case 'B':
        return `(byte) ${this.constants.value(index)}`;
      case 'C': {
        const e = this.constants.entry(index);
        return `'${e?.kind === 'Integer' ? String.fromCharCode(e.value & 0xffff) : `#${index}`}'`;
      }
      case 'D':
      case 'F':
      case 'I':
      case 'J':
        return this.constants.value(index);
      case 'S':
        return `(short) ${this.constants.value(index)}`;
      case 'Z': {
        const e = this.constants.entry(index);
        if (e?.kind === 'Integer' && (e.value === 0 || e.value === 1)) return e.value === 1 ? 'true' : 'false';
        return `#${index}`;
      }
      case 's':
        return `"${this.constants.value(index)}"`;
    }
  }

  private position(t: TypeAnnotation): void {
    const out = this.out;
    out.print(TARGET_TYPE_NAMES[t.targetType] ?? `0x${t.targetType.toString(16)}`);
    const target: TypeAnnotationTarget = t.target;
    switch (target.kind) {
      case 'offset':
        out.print(`, offset=${target.offset}`);
        break;
      case 'localVar':
        out.print(', {');
        target.table.forEach((r, i) => {
          if (i !== 0) out.print('; ');
          out.print(`start_pc=${r.startPc}, length=${r.length}, index=${r.index}`);
        });
        out.print('}');
        break;
      case 'catch':
        out.print(`, exception_index=${target.exceptionTableIndex}`);
        break;
      case 'empty':
        break;
      case 'typeParameter':
      case 'formalParameter':
        out.print(`, param_index=${target.index}`);
        break;
      case 'typeParameterBound':
        out.print(`, param_index=${target.index}, bound_index=${target.boundIndex}`);
        break;
      case 'supertype':
      case 'throws':
        out.print(`, type_index=${target.index}`);
        break;
      case 'typeArgument':
        out.print(`, offset=${target.offset}, type_index=${target.argumentIndex}`);
        break;
    }
    if (t.path.length > 0) out.print(`, location=[${t.path.map(pathEntryText).join(', ')}]`);
  }
}

function pathEntryText(p: TypePathEntry): string {
  const name = PATH_KIND_NAMES[p.kind] ?? `UNKNOWN(${p.kind})`;
  return p.kind === 3 ? `${name}(${p.argumentIndex})` : name;
}

function tryFieldType(descriptor: string): string | undefined {
  try {
    return descriptorFieldType(descriptor);
  } catch {
    return undefined;
  }
}
