// The verifier plugged into the VM's loader: programs run with every application class verified, their
// methods' reference maps are kept, and a class that fails verification raises java.lang.VerifyError
// and the launcher prints what HotSpot prints.
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ACC_PUBLIC, ACC_STATIC, ClassBuilder, Op, writeClassFile } from '@oakvm/classfile';
import { launch } from '../../src/runtime/launcher.js';
import { Vm } from '../../src/runtime/vm.js';
import { CapturePlatform } from '../support/capture-platform.js';
import { NO_IMAGE_REASON, runtimeImage } from '../support/runtime-image.js';
import type { ReferenceMapTable } from '../../src/verifier/index.js';
import { byClassName, classFilesUnder, javacTwinsRoot } from './support/class-sources.js';

const image = runtimeImage();
if (image === undefined) console.warn(`vm-hook.test.ts: ${NO_IMAGE_REASON}`);

/** Runs `main` on a VM, which installs the verify hook itself (VmOptions.verify defaults to true). */
async function run(classes: ReadonlyMap<string, Uint8Array>, main: string): Promise<{ stdout: string; stderr: string; exitCode: number; vm: Vm; maps: ReferenceMapTable }> {
  const platform = new CapturePlatform(image);
  const vm = new Vm({ platform, classes });
  const exitCode = await launch(vm, main, []);
  return { stdout: platform.stdout, stderr: platform.stderr, exitCode, vm, maps: vm.referenceMaps };
}

/** A main class whose main method's body is `emit`. */
function mainClass(name: string, emit: Parameters<typeof emitInto>[1]): Map<string, Uint8Array> {
  const cb = new ClassBuilder({ name, accessFlags: ACC_PUBLIC | 0x20 });
  cb.field(ACC_STATIC, 'n', 'I');
  emitInto(cb, emit);
  return new Map([[name, writeClassFile(cb.build())]]);
}

function emitInto(cb: ClassBuilder, emit: (c: ReturnType<ClassBuilder['method']>) => void): void {
  emit(cb.method(ACC_PUBLIC | ACC_STATIC, 'main', '([Ljava/lang/String;)V'));
}

describe.skipIf(image === undefined)('the verify hook in the VM', () => {
  test('a javac-compiled program runs with its classes verified, and their maps are kept', async () => {
    const classes = byClassName(classFilesUnder(join(javacTwinsRoot, 'arrays', 'ArrayCovariance')));
    const result = await run(classes, 'ArrayCovariance');
    expect(result.exitCode).toBe(0);
    expect(result.stdout.length).toBeGreaterThan(0);
    const main = result.vm.loaders.findLoaded('ArrayCovariance', 'app')?.findMethod('main', '([Ljava/lang/String;)V');
    expect(main).toBeDefined();
    expect(result.maps.get(main!)?.indexOf(0)).toBe(0);
  });

  test('a main class that fails verification: the output HotSpot gives', async () => {
    const result = await run(
      mainClass('Bad', (c) => c.emit(Op.fconst_0).field(Op.putstatic, 'Bad', 'n', 'I').emit(Op.return)),
      'Bad',
    );
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe(
      'Error: Unable to initialize main class Bad\nCaused by: java.lang.VerifyError: (class: Bad, method: main signature: ([Ljava/lang/String;)V) Expecting to find integer on stack\n',
    );
  });

  // Verifying Base asks whether Derived is a Base, which loads Derived, whose superclass is Base: the
  // loader must record Base before verifying it (HotSpot verifies at link time), or this would end in
  // ClassCircularityError.
  test('a method of a class returning an instance of its own subclass', async () => {
    const base = new ClassBuilder({ name: 'Base', accessFlags: ACC_PUBLIC | 0x20 });
    base.method(ACC_PUBLIC, '<init>', '()V').load('reference', 0).invoke(Op.invokespecial, 'java/lang/Object', '<init>', '()V').emit(Op.return);
    base
      .method(ACC_PUBLIC | ACC_STATIC, 'make', '()LBase;')
      .typeInstruction(Op.new, 'Derived')
      .emit(Op.dup)
      .invoke(Op.invokespecial, 'Derived', '<init>', '()V')
      .emit(Op.areturn);
    base
      .method(ACC_PUBLIC | ACC_STATIC, 'main', '([Ljava/lang/String;)V')
      .field(Op.getstatic, 'java/lang/System', 'out', 'Ljava/io/PrintStream;')
      .invoke(Op.invokestatic, 'Base', 'make', '()LBase;')
      .invoke(Op.invokevirtual, 'java/lang/Object', 'getClass', '()Ljava/lang/Class;')
      .invoke(Op.invokevirtual, 'java/lang/Class', 'getName', '()Ljava/lang/String;')
      .invoke(Op.invokevirtual, 'java/io/PrintStream', 'println', '(Ljava/lang/String;)V')
      .emit(Op.return);
    const derived = new ClassBuilder({ name: 'Derived', accessFlags: ACC_PUBLIC | 0x20, superName: 'Base' });
    derived.method(ACC_PUBLIC, '<init>', '()V').load('reference', 0).invoke(Op.invokespecial, 'Base', '<init>', '()V').emit(Op.return);
    const classes = new Map([
      ['Base', writeClassFile(base.build())],
      ['Derived', writeClassFile(derived.build())],
    ]);
    const result = await run(classes, 'Base');
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('Derived\n');
  });
});
