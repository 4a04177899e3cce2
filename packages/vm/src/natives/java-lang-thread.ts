// Natives of java.lang.Thread.
import type { NativeRegistry } from './registry.js';
import { sleep } from './threading.js';
import { startGuestThread } from '../threads/lifecycle.js';

export function registerThreadNatives(r: NativeRegistry): void {
  r.registerClass('java/lang/Thread', {
    'currentThread()Ljava/lang/Thread;': ({ thread }) => thread.javaThread,
    'yield()V': ({ thread }) => {
      thread.yieldRequested = true;
    },
    'sleep0(J)V': (ctx, [ms]) => sleep(ctx, Number(ms)),
    'start0()V': ({ vm }, [self]) => {
      startGuestThread(vm, Number(self));
    },
    'interrupt0()V': ({ vm }, [self]) => {
      const target = vm.threads.find((t) => t.javaThread === Number(self) && t.status !== 'terminated');
      target?.interruptAction?.();
    },
  });
}
