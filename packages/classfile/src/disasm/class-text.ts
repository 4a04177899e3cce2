// A whole class file as javap prints it (ClassWriter): the header, the class declaration, fields and
// methods as Java declarations, and with -v the constant pool and every attribute.
import { ACC_ABSTRACT, ACC_INTERFACE, ACC_MODULE, ACC_PRIVATE, ACC_STATIC, ACC_VARARGS } from '../access-flags.js';
import { ClassFormatError } from '../errors.js';
import type { Attribute, ClassFile, MemberInfo } from '../model.js';
import { findAttribute } from '../io/constant-pool.js';
import { AttributeText } from './attribute-text.js';
import { writeExceptionTable, writeInstructions } from './code-text.js';
import { ConstantText } from './constant-text.js';
import { descriptorFieldType, descriptorParameterTypes, descriptorReturnType } from './descriptor-text.js';
import { flagsLine, modifiers } from './flag-text.js';
import { javaCharLiteral, javaName, javaStringLiteral } from './java-text.js';
import { LineWriter } from './line-writer.js';
import { resolveOptions, isShown, type DisassembleOptions, type ResolvedOptions } from './options.js';
import { ACC_OPEN, ACC_STATIC_PHASE, ACC_TRANSITIVE, decodeModule, type ModuleAttribute } from './raw-attributes.js';
import { JavaTypePrinter, parseSignature, typeToString, type SigType } from './signature.js';
import { sha256, toHexString } from './sha256.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** javap's default date format in the en_US locale ("Nov 26, 2026"), in local time. */
export function formatJavaDate(date: Date): string {
  return `${MONTHS[date.getMonth()]} ${date.getDate()}, ${date.getFullYear()}`;
}

/**
 * The text `javap` prints for one class file with the given options, every line ended by '\n'. The
 * result can contain lone surrogates from malformed strings; `encodeLikeJavap` turns it into the bytes
 * javap would write.
 */
export function disassemble(cf: ClassFile, options: DisassembleOptions = {}): string {
  const out = new LineWriter();
  new ClassText(cf, resolveOptions(options), out).write();
  return out.text();
}

class ClassText {
  private readonly constants: ConstantText;
  private readonly attributes: AttributeText;
  private readonly isInterface: boolean;

  constructor(
    private readonly cf: ClassFile,
    private readonly options: ResolvedOptions,
    private readonly out: LineWriter,
  ) {
    this.constants = new ConstantText(cf);
    this.attributes = new AttributeText(out, this.constants, options, cf.constantPool);
    this.isInterface = (cf.accessFlags & ACC_INTERFACE) !== 0;
  }

  write(): void {
    const { cf, out, options } = this;
    const c = this.constants;
    const showFile = options.sysInfo || options.verbose;
    if (showFile && options.file !== undefined) {
      const file = options.file;
      out.println(`Classfile ${file.path}`);
      out.indent(+1);
      const size = file.bytes.length;
      if (file.lastModified !== undefined) {
        out.println(`Last modified ${formatJavaDate(file.lastModified)}${size > 0 ? `; size ${size} bytes` : ''}`);
      } else if (size > 0) {
        out.println(`Size ${size} bytes`);
      }
      out.println(`SHA-256 checksum ${toHexString(sha256(file.bytes))}`);
    } else if (showFile) {
      out.indent(+1);
    }
    const sourceFile = findAttribute(cf.attributes, 'SourceFile');
    if (sourceFile !== undefined) out.println(`Compiled from "${c.rawUtf8(sourceFile.sourceFileIndex)}"`);
    if (showFile) out.indent(-1);

    for (const m of modifiers(cf.accessFlags, 'class')) out.print(`${m} `);
    if ((cf.accessFlags & ACC_MODULE) !== 0) this.writeModuleName();
    else {
      out.print(this.isInterface ? 'interface ' : 'class ');
      out.print(javaName(c.rawClassName(cf.thisClass)));
    }
    this.writeClassSignature();

    if (options.verbose) {
      out.println();
      out.indent(+1);
      out.println(`minor version: ${cf.minorVersion}`);
      out.println(`major version: ${cf.majorVersion}`);
      out.println(flagsLine(cf.accessFlags, 'class'));
      out.print(`this_class: #${cf.thisClass}`);
      if (cf.thisClass !== 0) {
        out.tab();
        out.print(`// ${c.value(cf.thisClass)}`);
      }
      out.println();
      out.print(`super_class: #${cf.superClass}`);
      if (cf.superClass !== 0) {
        out.tab();
        out.print(`// ${c.value(cf.superClass)}`);
      }
      out.println();
      out.println(
        `interfaces: ${cf.interfaces.length}, fields: ${cf.fields.length}, methods: ${cf.methods.length}, attributes: ${cf.attributes.length}`,
      );
      out.indent(-1);
      c.writePool(out);
    } else {
      out.print(' ');
    }

    out.println('{');
    out.indent(+1);
    if ((cf.accessFlags & ACC_MODULE) !== 0 && !options.verbose) this.writeDirectives();
    for (const f of cf.fields) this.writeField(f);
    for (const m of cf.methods) this.writeMethod(m);
    out.pendingNewline = false;
    out.indent(-1);
    out.println('}');

    if (options.verbose) for (const a of cf.attributes) this.attributes.write(a);
  }

  /** The Module attribute, or undefined when there is none or it does not decode (javap then falls back). */
  private moduleAttribute(): ModuleAttribute | undefined {
    const raw = this.rawAttribute(this.cf.attributes, 'Module');
    if (raw === undefined) return undefined;
    try {
      return decodeModule(raw);
    } catch (e) {
      if (e instanceof ClassFormatError) return undefined;
      throw e;
    }
  }

  private writeModuleName(): void {
    const out = this.out;
    const c = this.constants;
    const m = this.moduleAttribute();
    if (m === undefined) {
      out.print(`class ${javaName(c.rawClassName(this.cf.thisClass))}`);
      return;
    }
    const nameEntry = c.entry(m.nameIndex);
    const name = nameEntry?.kind === 'Module' ? c.rawModuleName(m.nameIndex) : c.rawUtf8(m.nameIndex);
    if ((m.flags & ACC_OPEN) !== 0) out.print('open ');
    out.print(`module ${javaName(name)}`);
    if (m.versionIndex !== 0) out.print(`@${c.rawUtf8(m.versionIndex)}`);
  }

  private rawAttribute(attrs: readonly Attribute[], name: string): Uint8Array | undefined {
    for (const a of attrs) {
      if (a.kind === 'Raw' && this.constants.entry(a.nameIndex)?.kind === 'Utf8' && this.constants.rawUtf8(a.nameIndex) === name) {
        return a.info;
      }
    }
    return undefined;
  }

  private writeClassSignature(): void {
    const { cf, out, options } = this;
    const c = this.constants;
    const signature = findAttribute(cf.attributes, 'Signature');
    const parsed = signature === undefined ? undefined : this.trySignature(signature.signatureIndex);
    if (parsed === undefined) {
      if (!this.isInterface && cf.superClass !== 0) {
        const superName = javaName(c.rawClassName(cf.superClass));
        if (superName !== 'java.lang.Object') out.print(` extends ${superName}`);
      }
      cf.interfaces.forEach((i, n) => {
        out.print(n === 0 ? (this.isInterface ? ' extends ' : ' implements ') : ',');
        out.print(javaName(c.rawClassName(i)));
      });
      return;
    }
    const printer = new JavaTypePrinter(this.isInterface, options.verbose);
    if (parsed.kind === 'classSig') out.print(printer.print(parsed));
    else if (printer.showsPlainSuperclass(parsed)) out.print(` extends ${printer.print(parsed)}`);
  }

  private trySignature(index: number): SigType | undefined {
    try {
      return parseSignature(this.constants.rawUtf8(index));
    } catch (e) {
      if (e instanceof ClassFormatError) return undefined;
      throw e;
    }
  }

  private writeDirectives(): void {
    const out = this.out;
    const c = this.constants;
    const m = this.moduleAttribute();
    if (m === undefined) return;
    const moduleName = (i: number): string => (c.entry(i)?.kind === 'Module' ? c.rawModuleName(i) : c.rawUtf8(i));
    const packageName = (i: number): string => javaName(c.entry(i)?.kind === 'Package' ? c.rawPackageName(i) : c.rawUtf8(i));
    for (const r of m.requires) {
      out.print('requires');
      if ((r.flags & ACC_STATIC_PHASE) !== 0) out.print(' static');
      if ((r.flags & ACC_TRANSITIVE) !== 0) out.print(' transitive');
      out.print(' ');
      out.print(moduleName(r.index));
      out.println(';');
    }
    for (const [keyword, entries] of [
      ['exports', m.exports],
      ['opens', m.opens],
    ] as const) {
      for (const e of entries) {
        out.print(`${keyword} `);
        out.print(packageName(e.index));
        let first = true;
        for (const to of e.to) {
          if (first) {
            out.println(' to');
            out.indent(+1);
            first = false;
          } else {
            out.println(',');
          }
          out.print(moduleName(to));
        }
        out.println(';');
        if (!first) out.indent(-1);
      }
    }
    for (const u of m.uses) {
      out.print(`uses ${javaName(c.rawClassName(u))}`);
      out.println(';');
    }
    for (const p of m.provides) {
      out.print(`provides  ${javaName(c.rawClassName(p.index))}`);
      let first = true;
      for (const w of p.with) {
        if (first) {
          out.println(' with');
          out.indent(+1);
          first = false;
        } else {
          out.println(',');
        }
        out.print(javaName(c.rawClassName(w)));
      }
      out.println(';');
      if (!first) out.indent(-1);
    }
  }

  private writeField(f: MemberInfo): void {
    const { out, options } = this;
    const c = this.constants;
    if (!isShown(f.accessFlags, options.access)) return;
    for (const m of modifiers(f.accessFlags, 'field')) out.print(`${m} `);
    const descriptor = c.rawUtf8(f.descriptorIndex);
    const signature = findAttribute(f.attributes, 'Signature');
    const generic = signature === undefined ? undefined : this.trySignature(signature.signatureIndex);
    out.print(generic !== undefined ? javaName(typeToString(generic)) : orUnknown(() => descriptorFieldType(descriptor)));
    out.print(' ');
    out.print(c.rawUtf8(f.nameIndex));
    if (options.constants) {
      const value = findAttribute(f.attributes, 'ConstantValue');
      if (value !== undefined) out.print(` = ${this.constantValue(descriptor, value.valueIndex)}`);
    }
    out.print(';');
    out.println();
    out.indent(+1);
    if (options.descriptors) out.println(`descriptor: ${descriptor}`);
    if (options.verbose) out.println(flagsLine(f.accessFlags, 'field'));
    if (options.allAttributes) for (const a of f.attributes) this.attributes.write(a);
    out.indent(-1);
    if (options.allAttributes || options.code || options.lines) out.println();
  }

  /** A field's ConstantValue as -constants shows it: chars and booleans by the field's type, strings quoted. */
  private constantValue(descriptor: string, index: number): string {
    const e = this.constants.entry(index);
    if (e === undefined) return `#${index}`;
    if (e.kind === 'Integer') {
      if (descriptor === 'C') return javaCharLiteral(e.value);
      if (descriptor === 'Z') return String(e.value === 1);
      return String(e.value);
    }
    if (e.kind === 'String') {
      const s = this.constants.entry(e.stringIndex);
      return s?.kind === 'Utf8' ? javaStringLiteral(s.value) : `#${index}`;
    }
    return this.constants.entryValue(e);
  }

  private writeMethod(m: MemberInfo): void {
    const { cf, out, options } = this;
    const c = this.constants;
    if (!isShown(m.accessFlags, options.access)) return;
    const descriptor = c.rawUtf8(m.descriptorIndex);
    const signature = findAttribute(m.attributes, 'Signature');
    const parsed = signature === undefined ? undefined : this.trySignature(signature.signatureIndex);
    const methodType = parsed?.kind === 'method' ? parsed : undefined;

    const mods = modifiers(m.accessFlags, 'method');
    const name = c.rawUtf8(m.nameIndex);
    if (this.isInterface && (m.accessFlags & ACC_ABSTRACT) === 0 && name !== '<clinit>' && cf.majorVersion >= 52) {
      if ((m.accessFlags & (ACC_STATIC | ACC_PRIVATE)) === 0) mods.push('default');
    }
    for (const mod of mods) out.print(`${mod} `);
    if (methodType !== undefined) out.print(new JavaTypePrinter(false, options.verbose).typeParams(methodType.typeParams));

    const params = (): string => {
      const text =
        methodType !== undefined
          ? javaName(`(${methodType.params.map(typeToString).join(', ')})`)
          : orUnknown(() => descriptorParameterTypes(descriptor));
      return adjustVarargs(m.accessFlags, text);
    };
    switch (name) {
      case '<init>':
        out.print(javaName(c.rawClassName(cf.thisClass)));
        out.print(params());
        break;
      case '<clinit>':
        out.print('{}');
        break;
      default:
        out.print(methodType !== undefined ? javaName(typeToString(methodType.returnType)) : orUnknown(() => descriptorReturnType(descriptor)));
        out.print(` ${name}`);
        out.print(params());
    }

    const exceptions = findAttribute(m.attributes, 'Exceptions');
    if (exceptions !== undefined) {
      out.print(' throws ');
      if (methodType !== undefined && methodType.throws.length > 0) out.print(methodType.throws.map(typeToString).join(', '));
      else out.print(exceptions.exceptionIndexes.map((i) => javaName(c.rawClassName(i))).join(', '));
    }
    out.println(';');

    out.indent(+1);
    if (options.descriptors) out.println(`descriptor: ${descriptor}`);
    if (options.verbose) out.println(flagsLine(m.accessFlags, 'method'));
    const code = findAttribute(m.attributes, 'Code');
    if (options.allAttributes) {
      for (const a of m.attributes) this.attributes.write(a, m);
    } else if (code !== undefined) {
      if (options.code) {
        out.println('Code:');
        writeInstructions(out, code, c);
        writeExceptionTable(out, code, c);
      }
      if (options.lines) {
        const lines = findAttribute(code.attributes, 'LineNumberTable');
        if (lines !== undefined) this.attributes.write(lines);
        const locals = findAttribute(code.attributes, 'LocalVariableTable');
        if (locals !== undefined) this.attributes.write(locals);
      }
    }
    out.indent(-1);
    out.pendingNewline = options.code || options.allAttributes || options.descriptors || options.lines || options.verbose;
  }
}

/** javap shows a varargs method's last array parameter as "...". */
function adjustVarargs(flags: number, params: string): string {
  if ((flags & ACC_VARARGS) === 0) return params;
  const i = params.lastIndexOf('[]');
  return i > 0 ? `${params.slice(0, i)}...${params.slice(i + 2)}` : params;
}

/** javap prints "???" where a descriptor cannot be read. */
function orUnknown(f: () => string): string {
  try {
    return f();
  } catch (e) {
    if (e instanceof ClassFormatError) return '???';
    throw e;
  }
}
