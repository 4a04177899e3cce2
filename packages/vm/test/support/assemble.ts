// Hand-assembled test classes: a class `T` whose static main the test writes with the code builder,
// plus helpers that print values through System.out.println.
import { ClassBuilder, Op, writeClassFile, type CodeBuilder } from '@oakvm/classfile';
import { runProgram, type ProgramRun } from './run-program.js';

export const PUBLIC_STATIC = 0x0009;

export class Assembler {
  readonly classes = new Map<string, Uint8Array>();

  /** Adds a class built by `fill`. */
  addClass(name: string, fill: (cb: ClassBuilder) => void, superName = 'java/lang/Object', interfaces: string[] = [], accessFlags = 0x0021): this {
    const cb = new ClassBuilder({ name, accessFlags, superName, interfaces, sourceFile: `${name}.oak` });
    fill(cb);
    this.classes.set(name, writeClassFile(cb.build()));
    return this;
  }

  /** Adds class T with `public static void main(String[])` whose body `body` emits (a return is appended). */
  main(body: (c: CodeBuilder) => void): this {
    return this.addClass('T', (cb) => {
      const c = cb.method(PUBLIC_STATIC, 'main', '([Ljava/lang/String;)V');
      body(c);
      c.emit(Op.return);
    });
  }

  run(options: { maxHeapBytes?: number; stackBytes?: number; verify?: boolean } = {}): Promise<ProgramRun> {
    return runProgram({ main: 'T', classes: this.classes, classPath: [], ...options });
  }
}

/** Emits `System.out.println(<value on top of stack>)` for a value of descriptor `d` (I, J, F, D, Z, C, Ljava/lang/String;). */
export function println(c: CodeBuilder, d: string, emitValue: () => void): void {
  c.field(Op.getstatic, 'java/lang/System', 'out', 'Ljava/io/PrintStream;');
  emitValue();
  const desc = d.startsWith('L') || d.startsWith('[') ? (d === 'Ljava/lang/String;' ? d : 'Ljava/lang/Object;') : d;
  c.invoke(Op.invokevirtual, 'java/io/PrintStream', 'println', `(${desc})V`);
}
