// What the java launcher does around main, for the interpreter: create the main Thread object, find and
// initialise the main class, run main, hand an uncaught exception to the thread's
// dispatchUncaughtException (which prints HotSpot's format), run Thread.exit, and decide the exit status.
import { ACC_PUBLIC } from '@oakvm/classfile';
import { InternalError } from './internal-error.js';
import type { Interpreter } from './interpreter.js';
import type { RtClass } from './runtime-class.js';
import { ExitSignal, JavaThrow, Unsupported, type JObject, type JRef, type Value } from './values.js';

/** Runs `main(String[])` of `mainClass` (internal name); returns the exit status. */
export function launch(vm: Interpreter, mainClass: string, args: readonly string[]): number {
  try {
    return runMain(vm, mainClass, args);
  } catch (e) {
    if (e instanceof ExitSignal) return e.status;
    if (e instanceof Unsupported) {
      vm.writeStderr(new TextEncoder().encode(`oaki: ${e.message}\n`));
      return 1;
    }
    throw e;
  } finally {
    vm.flush();
  }
}

function runMain(vm: Interpreter, mainClass: string, args: readonly string[]): number {
  const threadCls = vm.classNamed('java/lang/Thread');
  const thread = vm.construct(threadCls, '(Ljava/lang/String;)V', [vm.str('main')]);
  thread.fields[vm.instanceSlot(threadCls, 'started')] = true;
  thread.fields[vm.instanceSlot(threadCls, 'alive')] = true;
  vm.mainThread = thread;
  const enc = new TextEncoder();
  if (!vm.hasClass(mainClass)) {
    vm.writeStderr(enc.encode(`Error: Could not find or load main class ${mainClass.replace(/\//g, '.')}\n`));
    return 1;
  }
  const cls = vm.classNamed(mainClass);
  const main = cls.declared.get('main([Ljava/lang/String;)V');
  if (main === undefined || !main.isStatic || (main.sym.accessFlags & ACC_PUBLIC) === 0) {
    vm.writeStderr(
      enc.encode(
        `Error: Main method not found in class ${cls.javaName}, please define the main method as:\n   public static void main(String[] args)\nor a JavaFX application class must extend javafx.application.Application\n`,
      ),
    );
    return 1;
  }
  let status = 0;
  try {
    vm.initialize(cls);
    const argv = vm.newArray(vm.arrayOf(vm.stringClass), args.length);
    args.forEach((a, i) => ((argv.data as (JRef | null)[])[i] = vm.str(a)));
    const locals = new Array<Value>(Math.max(1, main.localCount)).fill(null);
    locals[0] = argv;
    vm.invoke(main, null, locals);
  } catch (e) {
    if (!(e instanceof JavaThrow)) throw e;
    status = 1;
    callQuietly(vm, threadCls, thread, 'dispatchUncaughtException', '(Ljava/lang/Throwable;)V', [e.exception]);
  }
  callQuietly(vm, threadCls, thread, 'exit', '()V', []);
  return status;
}

/** Calls a library method on the thread object, ignoring any exception it throws (as the launcher does). */
function callQuietly(vm: Interpreter, cls: RtClass, self: JObject, name: string, descriptor: string, args: Value[]): void {
  const m = vm.declaredMethod(cls, name, descriptor);
  if (m === undefined) throw new InternalError(`${cls.name} lacks ${name}${descriptor}`);
  const locals = new Array<Value>(Math.max(m.localCount, args.length)).fill(null);
  args.forEach((a, i) => (locals[i] = a));
  try {
    vm.invoke(m, self, locals);
  } catch (e) {
    if (!(e instanceof JavaThrow)) throw e;
  }
}
