// Attributes as javap -v prints them (AttributeWriter). Attributes the model decodes are printed from
// their fields; those it keeps as raw bytes are decoded here by name when javap knows them, and dumped
// in hex otherwise, as javap does for an attribute it does not recognise or cannot read.
import { ACC_FINAL, ACC_MANDATED, ACC_STATIC, ACC_SYNTHETIC } from '../access-flags.js';
import { ClassFormatError } from '../errors.js';
import type { Attribute, CodeAttribute, ConstantPoolEntries, MemberInfo, StackMapFrame, VerificationType } from '../model.js';
import { assertNever } from '../io/assert-never.js';
import { AnnotationText } from './annotation-text.js';
import { writeExceptionTable, writeInstructions } from './code-text.js';
import type { ConstantText } from './constant-text.js';
import { descriptorFieldType, descriptorParameterCount } from './descriptor-text.js';
import { modifiers } from './flag-text.js';
import { javaName } from './java-text.js';
import type { LineWriter } from './line-writer.js';
import { isShown, type ResolvedOptions } from './options.js';
import {
  ACC_OPEN,
  ACC_STATIC_PHASE,
  ACC_TRANSITIVE,
  decodeAnnotationDefault,
  decodeAnnotations,
  decodeIndexList,
  decodeMethodParameters,
  decodeModelAttribute,
  decodeModule,
  decodeModuleHashes,
  decodeModuleResolution,
  decodeParameterAnnotations,
  decodeRecord,
  decodeSingleIndex,
  decodeTypeAnnotations,
  type ModuleAttribute,
  type RawAttributeInfo,
} from './raw-attributes.js';
import { parseSignature, typeToString } from './signature.js';

/** Outside a Code attribute an uninitialized-type offset can be anything a u2 holds. */
const NO_CODE = 0x10000;


export class AttributeText {
  private readonly annotations: AnnotationText;
  /** The length of the code whose attributes are being written, for a raw StackMapTable's offsets. */
  private codeLength = NO_CODE;

  constructor(
    private readonly out: LineWriter,
    private readonly constants: ConstantText,
    private readonly options: ResolvedOptions,
    private readonly pool: ConstantPoolEntries,
  ) {
    this.annotations = new AnnotationText(out, constants);
  }

  /** Writes one attribute. `method` is the method a Code attribute belongs to (for args_size). */
  write(attr: Attribute, method?: MemberInfo): void {
    const out = this.out;
    const c = this.constants;
    switch (attr.kind) {
      case 'Code':
        this.writeCode(attr, method);
        return;
      case 'ConstantValue':
        out.println(`ConstantValue: ${c.reference(attr.valueIndex)}`);
        return;
      case 'Exceptions':
        out.println('Exceptions:');
        out.indent(+1);
        out.println(`throws ${attr.exceptionIndexes.map((i) => javaName(c.rawClassName(i))).join(', ')}`);
        out.indent(-1);
        return;
      case 'LineNumberTable':
        out.println('LineNumberTable:');
        out.indent(+1);
        for (const e of attr.entries) out.println(`line ${e.lineNumber}: ${e.startPc}`);
        out.indent(-1);
        return;
      case 'LocalVariableTable':
      case 'LocalVariableTypeTable':
        out.println(`${attr.kind}:`);
        out.indent(+1);
        out.println('Start  Length  Slot  Name   Signature');
        for (const e of attr.entries) {
          const type = 'descriptorIndex' in e ? e.descriptorIndex : e.signatureIndex;
          out.println(
            `${String(e.startPc).padStart(5)} ${String(e.length).padStart(7)} ${String(e.index).padStart(5)} ${c.value(e.nameIndex).padStart(5)}   ${c.value(type)}`,
          );
        }
        out.indent(-1);
        return;
      case 'SourceFile':
        out.println(`SourceFile: "${c.rawUtf8(attr.sourceFileIndex)}"`);
        return;
      case 'InnerClasses':
        this.writeInnerClasses(attr);
        return;
      case 'EnclosingMethod':
        out.print(`EnclosingMethod: #${attr.classIndex}.#${attr.methodIndex}`);
        out.tab();
        out.print(`// ${javaName(c.rawClassName(attr.classIndex))}`);
        if (attr.methodIndex !== 0) out.print(`.${c.nameAndTypeName(attr.methodIndex)}`);
        out.println();
        return;
      case 'Signature':
        out.print(`Signature: #${attr.signatureIndex}`);
        out.tab();
        out.println(`// ${c.rawUtf8(attr.signatureIndex)}`);
        return;
      case 'StackMapTable':
        out.println(`StackMapTable: number_of_entries = ${attr.frames.length}`);
        out.indent(+1);
        for (const f of attr.frames) this.writeFrame(f);
        out.indent(-1);
        return;
      case 'BootstrapMethods':
        out.println('BootstrapMethods:');
        attr.methods.forEach((m, i) => {
          out.indent(+1);
          out.println(`${i}: #${m.methodRef} ${c.value(m.methodRef)}`);
          out.indent(+1);
          out.println('Method arguments:');
          out.indent(+1);
          for (const a of m.arguments) out.println(`#${a} ${c.value(a)}`);
          out.indent(-3);
        });
        return;
      case 'NestHost':
        out.println(`NestHost: ${c.reference(attr.hostClassIndex)}`);
        return;
      case 'NestMembers':
        out.println('NestMembers:');
        out.indent(+1);
        for (const m of attr.classes) out.println(c.value(m));
        out.indent(-1);
        return;
      case 'Raw':
        this.writeRaw({ nameIndex: attr.nameIndex, info: attr.info });
        return;
      default:
        assertNever(attr);
    }
  }

  writeCode(code: CodeAttribute, method: MemberInfo | undefined): void {
    const out = this.out;
    this.codeLength = code.code.length;
    out.println('Code:');
    out.indent(+1);
    out.println(`stack=${code.maxStack}, locals=${code.maxLocals}, args_size=${this.argsSize(method)}`);
    writeInstructions(out, code, this.constants);
    writeExceptionTable(out, code, this.constants);
    for (const a of code.attributes) this.write(a, method);
    this.codeLength = NO_CODE;
    out.indent(-1);
  }

  private argsSize(method: MemberInfo | undefined): string {
    if (method === undefined) return '???';
    const descriptor = this.constants.entry(method.descriptorIndex);
    if (descriptor?.kind !== 'Utf8') return '???';
    try {
      return String(descriptorParameterCount(descriptor.value) + ((method.accessFlags & ACC_STATIC) === 0 ? 1 : 0));
    } catch {
      return '???';
    }
  }

  private writeInnerClasses(attr: Extract<Attribute, { kind: 'InnerClasses' }>): void {
    const out = this.out;
    const c = this.constants;
    let first = true;
    for (const info of attr.classes) {
      if (!isShown(info.innerClassAccessFlags, this.options.access)) continue;
      if (first) {
        out.println('InnerClasses:');
        out.indent(+1);
        first = false;
      }
      for (const m of modifiers(info.innerClassAccessFlags, 'innerClass')) out.print(`${m} `);
      if (info.innerNameIndex !== 0) out.print(`#${info.innerNameIndex}= `);
      out.print(`#${info.innerClassInfoIndex}`);
      if (info.outerClassInfoIndex !== 0) out.print(` of #${info.outerClassInfoIndex}`);
      out.print(';');
      out.tab();
      out.print('// ');
      if (info.innerNameIndex !== 0) out.print(`${c.rawUtf8(info.innerNameIndex)}=`);
      out.print(c.reference(info.innerClassInfoIndex));
      if (info.outerClassInfoIndex !== 0) out.print(` of ${c.reference(info.outerClassInfoIndex)}`);
      out.println();
    }
    if (!first) out.indent(-1);
  }

  private writeFrame(f: StackMapFrame): void {
    const out = this.out;
    const header = (extra: string): void => out.println(`frame_type = ${f.frameType} ${extra}`);
    switch (f.kind) {
      case 'same':
        header('/* same */');
        return;
      case 'same_locals_1_stack_item':
        header('/* same_locals_1_stack_item */');
        out.indent(+1);
        this.writeTypes('stack', f.stack);
        out.indent(-1);
        return;
      case 'same_locals_1_stack_item_extended':
        header('/* same_locals_1_stack_item_frame_extended */');
        out.indent(+1);
        out.println(`offset_delta = ${f.offsetDelta}`);
        this.writeTypes('stack', f.stack);
        out.indent(-1);
        return;
      case 'chop':
        header('/* chop */');
        out.indent(+1);
        out.println(`offset_delta = ${f.offsetDelta}`);
        out.indent(-1);
        return;
      case 'same_frame_extended':
        header('/* same_frame_extended */');
        out.indent(+1);
        out.println(`offset_delta = ${f.offsetDelta}`);
        out.indent(-1);
        return;
      case 'append':
        header('/* append */');
        out.indent(+1);
        out.println(`offset_delta = ${f.offsetDelta}`);
        this.writeTypes('locals', f.locals);
        out.indent(-1);
        return;
      case 'full_frame':
        header('/* full_frame */');
        out.indent(+1);
        out.println(`offset_delta = ${f.offsetDelta}`);
        this.writeTypes('locals', f.locals);
        this.writeTypes('stack', f.stack);
        out.indent(-1);
        return;
      default:
        assertNever(f);
    }
  }

  private writeTypes(name: string, types: readonly VerificationType[]): void {
    let s = `${name} = [`;
    types.forEach((t, i) => {
      s += ` ${this.verificationType(t)}`;
      s += i === types.length - 1 ? ' ' : ',';
    });
    this.out.println(`${s}]`);
  }

  private verificationType(t: VerificationType): string {
    switch (t.tag) {
      case 'Top':
        return 'top';
      case 'Integer':
        return 'int';
      case 'Float':
        return 'float';
      case 'Long':
        return 'long';
      case 'Double':
        return 'double';
      case 'Null':
        return 'null';
      case 'UninitializedThis':
        return 'this';
      case 'Object':
        return this.constants.reference(t.classIndex);
      case 'Uninitialized':
        return `uninitialized ${t.offset}`;
      default:
        return assertNever(t);
    }
  }

  /** An attribute the model keeps as bytes: decoded when javap knows its name, else dumped in hex. */
  writeRaw(attr: RawAttributeInfo): void {
    const nameEntry = this.constants.entry(attr.nameIndex);
    const name = nameEntry?.kind === 'Utf8' ? nameEntry.value : undefined;
    try {
      if (name !== undefined && this.writeKnownRaw(name, attr.info)) return;
      this.writeHex(attr, undefined);
    } catch (e) {
      if (!(e instanceof ClassFormatError)) throw e;
      this.writeHex(attr, e.message);
    }
  }

  /** Writes a raw attribute javap decodes by name; false when it is not one of them. */
  private writeKnownRaw(name: string, info: Uint8Array): boolean {
    const out = this.out;
    const c = this.constants;
    switch (name) {
      case 'RuntimeVisibleAnnotations':
      case 'RuntimeInvisibleAnnotations': {
        const list = decodeAnnotations(info, name);
        out.println(`${name}:`);
        out.indent(+1);
        list.forEach((a, i) => {
          out.print(`${i}: `);
          this.annotations.write(a);
          out.println();
        });
        out.indent(-1);
        return true;
      }
      case 'RuntimeVisibleTypeAnnotations':
      case 'RuntimeInvisibleTypeAnnotations': {
        const list = decodeTypeAnnotations(info, name);
        out.println(`${name}:`);
        out.indent(+1);
        list.forEach((a, i) => {
          out.print(`${i}: `);
          this.annotations.writeTypeAnnotation(a);
          out.println();
        });
        out.indent(-1);
        return true;
      }
      case 'RuntimeVisibleParameterAnnotations':
      case 'RuntimeInvisibleParameterAnnotations': {
        const params = decodeParameterAnnotations(info, name);
        out.println(`${name}:`);
        out.indent(+1);
        params.forEach((list, p) => {
          out.println(`parameter ${p}: `);
          out.indent(+1);
          list.forEach((a, i) => {
            out.print(`${i}: `);
            this.annotations.write(a);
            out.println();
          });
          out.indent(-1);
        });
        out.indent(-1);
        return true;
      }
      case 'AnnotationDefault': {
        const value = decodeAnnotationDefault(info);
        out.println('AnnotationDefault:');
        out.indent(+1);
        out.print('default_value: ');
        this.annotations.writeElementValue(value);
        out.indent(-1);
        out.println();
        return true;
      }
      case 'Deprecated':
      case 'Synthetic':
        if (info.length !== 0) throw new ClassFormatError(`${name} attribute is not empty`);
        out.println(`${name}: true`);
        return true;
      case 'MethodParameters': {
        const params = decodeMethodParameters(info);
        out.println('MethodParameters:');
        out.indent(+1);
        out.println(`${'Name'.padEnd(31)}Flags`);
        for (const p of params) {
          const paramName = p.nameIndex !== 0 ? c.value(p.nameIndex) : '<no name>';
          const flags =
            ((p.flags & ACC_FINAL) !== 0 ? 'final ' : '') +
            ((p.flags & ACC_MANDATED) !== 0 ? 'mandated ' : '') +
            ((p.flags & ACC_SYNTHETIC) !== 0 ? 'synthetic' : '');
          out.println(`${paramName.padEnd(31)}${flags}`);
        }
        out.indent(-1);
        return true;
      }
      case 'Record':
        this.writeRecord(info);
        return true;
      case 'PermittedSubclasses': {
        const classes = decodeIndexList(info, name);
        out.println('PermittedSubclasses:');
        out.indent(+1);
        for (const i of classes) out.println(c.value(i));
        out.indent(-1);
        return true;
      }
      case 'Module':
        this.writeModule(decodeModule(info));
        return true;
      case 'ModulePackages': {
        const packages = decodeIndexList(info, name);
        out.println('ModulePackages: ');
        out.indent(+1);
        for (const p of packages) {
          out.print(`#${p}`);
          out.tab();
          out.println(`// ${javaName(c.rawPackageName(p))}`);
        }
        out.indent(-1);
        return true;
      }
      case 'ModuleMainClass': {
        const index = decodeSingleIndex(info, name);
        out.print(`ModuleMainClass: #${index}`);
        out.tab();
        out.println(`// ${javaName(c.rawClassName(index))}`);
        return true;
      }
      case 'ModuleTarget': {
        const index = decodeSingleIndex(info, name);
        out.println('ModuleTarget:');
        out.indent(+1);
        out.print(`target_platform: #${index}`);
        if (index !== 0) {
          out.tab();
          out.print(`// ${c.rawUtf8(index)}`);
        }
        out.println();
        out.indent(-1);
        return true;
      }
      case 'ModuleResolution': {
        const flags = decodeModuleResolution(info);
        out.println('ModuleResolution:');
        out.indent(+1);
        out.print(flags.toString(16));
        out.tab();
        out.print('// ');
        if ((flags & 0x1) !== 0) out.print(' DO_NOT_RESOLVE_BY_DEFAULT');
        if ((flags & 0x2) !== 0) out.print(' WARN_DEPRECATED');
        if ((flags & 0x4) !== 0) out.print(' WARN_DEPRECATED_FOR_REMOVAL');
        if ((flags & 0x8) !== 0) out.print(' WARN_INCUBATING');
        out.println();
        out.indent(-1);
        return true;
      }
      case 'ModuleHashes': {
        const hashes = decodeModuleHashes(info);
        out.println('ModuleHashes:');
        out.indent(+1);
        out.print(`algorithm: #${hashes.algorithmIndex}`);
        out.tab();
        out.println(`// ${c.rawUtf8(hashes.algorithmIndex)}`);
        out.print(hashes.hashes.length);
        out.tab();
        out.println('// hashes');
        for (const h of hashes.hashes) {
          out.print(`#${h.moduleIndex}`);
          out.tab();
          out.println(`// ${c.rawModuleName(h.moduleIndex)}`);
          out.println(`hash_length: ${h.hash.length}`);
          out.println(`hash: [${Array.from(h.hash, (b) => b.toString(16).padStart(2, '0')).join('')}]`);
        }
        out.indent(-1);
        return true;
      }
      case 'SourceDebugExtension': {
        out.println('SourceDebugExtension:');
        out.indent(+1);
        for (const line of new TextDecoder().decode(info).split(/[\r\n]+/)) out.println(line);
        out.indent(-1);
        return true;
      }
      default: {
        const decoded = decodeModelAttribute(name, 0, info, this.pool, this.codeLength);
        if (decoded === undefined) return false;
        this.write(decoded);
        return true;
      }
    }
  }

  private writeRecord(info: Uint8Array): void {
    const out = this.out;
    const c = this.constants;
    const components = decodeRecord(info);
    out.println('Record:');
    out.indent(+1);
    for (const component of components) {
      const signature = component.attributes.find((a) => c.rawUtf8(a.nameIndex) === 'Signature');
      out.print(this.componentType(component.descriptorIndex, signature?.info));
      out.print(` ${c.rawUtf8(component.nameIndex)};`);
      out.println();
      out.indent(+1);
      if (this.options.descriptors) out.println(`descriptor: ${c.rawUtf8(component.descriptorIndex)}`);
      if (this.options.allAttributes) {
        for (const a of component.attributes) this.writeRaw(a);
        out.println();
      }
      out.indent(-1);
    }
    out.indent(-1);
  }

  private componentType(descriptorIndex: number, signature: Uint8Array | undefined): string {
    if (signature !== undefined) {
      try {
        return javaName(typeToString(parseSignature(this.constants.rawUtf8(decodeSingleIndex(signature, 'Signature')))));
      } catch (e) {
        if (!(e instanceof ClassFormatError)) throw e;
      }
    }
    try {
      return descriptorFieldType(this.constants.rawUtf8(descriptorIndex));
    } catch {
      return '???';
    }
  }

  private writeModule(m: ModuleAttribute): void {
    const out = this.out;
    const c = this.constants;
    out.println('Module:');
    out.indent(+1);
    out.print(`#${m.nameIndex},${m.flags.toString(16)}`);
    out.tab();
    out.print(`// ${c.value(m.nameIndex)}`);
    if ((m.flags & ACC_OPEN) !== 0) out.print(' ACC_OPEN');
    if ((m.flags & ACC_MANDATED) !== 0) out.print(' ACC_MANDATED');
    if ((m.flags & ACC_SYNTHETIC) !== 0) out.print(' ACC_SYNTHETIC');
    out.println();
    out.print(`#${m.versionIndex}`);
    if (m.versionIndex !== 0) {
      out.tab();
      out.print(`// ${c.value(m.versionIndex)}`);
    }
    out.println();

    out.print(m.requires.length);
    out.tab();
    out.println('// requires');
    out.indent(+1);
    for (const r of m.requires) {
      out.print(`#${r.index},${r.flags.toString(16)}`);
      out.tab();
      out.print(`// ${c.value(r.index)}`);
      if ((r.flags & ACC_TRANSITIVE) !== 0) out.print(' ACC_TRANSITIVE');
      if ((r.flags & ACC_STATIC_PHASE) !== 0) out.print(' ACC_STATIC_PHASE');
      if ((r.flags & ACC_SYNTHETIC) !== 0) out.print(' ACC_SYNTHETIC');
      if ((r.flags & ACC_MANDATED) !== 0) out.print(' ACC_MANDATED');
      out.println();
      out.print(`#${r.versionIndex}`);
      if (r.versionIndex !== 0) {
        out.tab();
        out.print(`// ${c.value(r.versionIndex)}`);
      }
      out.println();
    }
    out.indent(-1);

    for (const [what, entries] of [
      ['exports', m.exports],
      ['opens', m.opens],
    ] as const) {
      out.print(entries.length);
      out.tab();
      out.println(`// ${what}`);
      out.indent(+1);
      for (const e of entries) {
        out.print(`#${e.index},${e.flags.toString(16)}`);
        out.tab();
        out.print(`// ${c.value(e.index)}`);
        if ((e.flags & ACC_MANDATED) !== 0) out.print(' ACC_MANDATED');
        if ((e.flags & ACC_SYNTHETIC) !== 0) out.print(' ACC_SYNTHETIC');
        if (e.to.length === 0) {
          out.println();
        } else {
          out.println(` to ... ${e.to.length}`);
          out.indent(+1);
          for (const to of e.to) {
            out.print(`#${to}`);
            out.tab();
            out.println(`// ... to ${c.value(to)}`);
          }
          out.indent(-1);
        }
      }
      out.indent(-1);
    }

    out.print(m.uses.length);
    out.tab();
    out.println('// uses');
    out.indent(+1);
    for (const u of m.uses) {
      out.print(`#${u}`);
      out.tab();
      out.println(`// ${c.value(u)}`);
    }
    out.indent(-1);

    out.print(m.provides.length);
    out.tab();
    out.println('// provides');
    out.indent(+1);
    for (const p of m.provides) {
      out.print(`#${p.index}`);
      out.tab();
      out.print(`// ${c.value(p.index)}`);
      out.println(` with ... ${p.with.length}`);
      out.indent(+1);
      for (const w of p.with) {
        out.print(`#${w}`);
        out.tab();
        out.println(`// ... with ${c.value(w)}`);
      }
      out.indent(-1);
    }
    out.indent(-1);
    out.indent(-1);
  }

  /** javap's dump of an attribute it does not know or could not read: its length, then 16 bytes a line. */
  private writeHex(attr: RawAttributeInfo, reason: string | undefined): void {
    const out = this.out;
    const nameEntry = this.constants.entry(attr.nameIndex);
    out.print('  ');
    out.print(nameEntry?.kind === 'Utf8' ? nameEntry.value : `attribute name = #${attr.nameIndex}`);
    out.print(': ');
    out.print(`length = 0x${attr.info.length.toString(16).toUpperCase()}`);
    if (reason !== undefined) out.print(` (${reason})`);
    out.println();
    out.print('   ');
    let column = 0;
    for (const b of attr.info) {
      out.print(b.toString(16).toUpperCase().padStart(2, '0'));
      column++;
      if (column === 16) {
        out.println();
        out.print('   ');
        column = 0;
      } else {
        out.print(' ');
      }
    }
    out.println();
  }
}
