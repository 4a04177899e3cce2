// What the `java` launcher does between the command line and main: create the main thread and its
// Thread object, load and check the main class (with the launcher's own error messages), run main,
// report an uncaught exception, wait for the other non-daemon threads, and decide the exit status.
import { JavaThrowable, VmInternalError } from './errors.js';
import type { Vm } from './vm.js';
import { endThread, isDaemon, reportUncaught } from '../threads/lifecycle.js';
import type { JThread } from '../threads/thread.js';
import type { RtClass } from './class-model.js';

function stderr(vm: Vm, text: string): void {
  vm.platform.writeStderr(new TextEncoder().encode(text));
}

async function createMainThreadObject(vm: Vm, t: JThread): Promise<void> {
  const threadCls = vm.bootClass('java/lang/Thread');
  const ex = await vm.initialize(t, threadCls);
  if (ex !== 0) throw new VmInternalError(`initialisation of java.lang.Thread failed (${vm.classOf(ex).javaName})`);
  const ctor = threadCls.findMethod('<init>', '(Ljava/lang/String;)V');
  if (ctor === undefined) throw new VmInternalError('java.lang.Thread lacks <init>(Ljava/lang/String;)V');
  const obj = vm.newObject(threadCls);
  // Held across a guest call, so in a persistent handle (stack handles are for synchronous code).
  const h = vm.persistentHandles.add(obj);
  const name = vm.newString('main');
  const out = await vm.call(t, ctor, [vm.persistentHandles.get(h), name]);
  if (out.exception !== 0) throw new VmInternalError(`new Thread("main") failed (${vm.classOf(out.exception).javaName})`);
  t.javaThread = vm.persistentHandles.get(h);
  vm.persistentHandles.free(h);
  for (const field of ['started', 'alive']) {
    const f = threadCls.findField(field, 'Z');
    if (f) vm.heap.i32[t.javaThread + f.offset] = 1;
  }
}

/** Loads the main class as the launcher does; prints the launcher's error and returns undefined on failure. */
function loadMainClass(vm: Vm, name: string): RtClass | undefined {
  const internal = name.replace(/\./g, '/');
  try {
    return vm.loaders.load(internal, 'app');
  } catch (e) {
    if (!(e instanceof JavaThrowable)) throw e;
    if (e.className === 'java/lang/NoClassDefFoundError' && (e.detail === internal || e.detail?.startsWith(`${internal} (wrong name`))) {
      const wrong = e.detail !== internal;
      stderr(vm, `Error: Could not find or load main class ${name}\nCaused by: ${wrong ? `java.lang.NoClassDefFoundError: ${e.detail}` : `java.lang.ClassNotFoundException: ${name}`}\n`);
      return undefined;
    }
    // HotSpot verifies when it links the main class, after loading it: a different launcher message.
    if (e.className === 'java/lang/VerifyError') {
      stderr(vm, `Error: Unable to initialize main class ${name}\nCaused by: ${e.message}\n`);
      return undefined;
    }
    stderr(vm, `Error: LinkageError occurred while loading main class ${name}\n\t${e.message}\n`);
    return undefined;
  }
}

/**
 * Runs `mainClass.main(args)` to completion and returns the exit status (1 after an uncaught exception
 * or a launcher error, the System.exit status if the program called it, else 0).
 */
export async function launch(vm: Vm, mainClass: string, args: readonly string[]): Promise<number> {
  const started = vm.platform.nanoTime();
  // -verbose:gc, in HotSpot's unified-logging format, on stdout. There is no collector yet, so the log
  // names the allocator and reports heap use at exit.
  const gcLog = (text: string): void => {
    if (!vm.verboseGc) return;
    const seconds = ((vm.platform.nanoTime() - started) / 1e9).toFixed(3);
    vm.platform.writeStdout(new TextEncoder().encode(`[${seconds}s][info][gc] ${text}\n`));
  };
  gcLog('Using bump-pointer allocation (no collector)');
  const status = await run(vm, mainClass, args);
  gcLog(`Heap: ${Math.ceil(vm.heap.usedBytes / 1024)}K used of ${Math.ceil((vm.heap.limitWords * 4) / 1024)}K maximum`);
  return status;
}

async function run(vm: Vm, mainClass: string, args: readonly string[]): Promise<number> {
  const t = vm.createThread('main');
  let status: number | undefined;
  let bodyDone = false;
  const body = async (): Promise<void> => {
    await createMainThreadObject(vm, t);
    const cls = loadMainClass(vm, mainClass);
    if (cls === undefined) {
      status = 1;
      return;
    }
    const main = cls.findMethod('main', '([Ljava/lang/String;)V');
    if (main === undefined || (main.flags & 0x0001) === 0) {
      stderr(vm, `Error: Main method not found in class ${mainClass}, please define the main method as:\n   public static void main(String[] args)\nor a JavaFX application class must extend javafx.application.Application\n`);
      status = 1;
      return;
    }
    if (!main.isStatic) {
      stderr(vm, `Error: Main method is not static in class ${mainClass}, please define the main method as:\n   public static void main(String[] args)\n`);
      status = 1;
      return;
    }
    let exception = await vm.initialize(t, cls);
    if (exception === 0) {
      const arr = vm.newArray(vm.arrayClassOf(vm.stringClass), args.length);
      const h = vm.handles.push(arr);
      args.forEach((a, i) => {
        const s = vm.newString(a);
        vm.heap.i32[vm.handles.get(h) + 4 + i] = s;
      });
      const argsRef = vm.handles.get(h);
      vm.handles.pop(h);
      const out = await vm.call(t, main, [argsRef]);
      exception = out.exception;
    }
    if (vm.halted !== undefined) return;
    if (exception !== 0) {
      status = 1;
      await reportUncaught(vm, t, exception);
    }
    if (vm.halted !== undefined) return;
    await endThread(vm, t);
  };
  body().then(
    () => {
      // Launcher errors end the main thread without running Thread.exit.
      t.status = 'terminated';
      bodyDone = true;
      vm.scheduler.wake();
    },
    (e: unknown) => vm.scheduler.fail(e),
  );
  await vm.scheduler.run(() => bodyDone && vm.threads.every((x) => x.status === 'terminated' || isDaemon(vm, x)));
  if (vm.halted !== undefined) return vm.halted;
  if (!bodyDone || vm.threads.some((x) => x.status !== 'terminated' && !isDaemon(vm, x))) {
    stderr(vm, 'Error: every thread is blocked: the program can never finish (deadlock)\n');
    return 1;
  }
  return status ?? 0;
}
