// Natives of java.io.FileOutputStream and java.io.FileInputStream on the standard file descriptors.
import { ARRAY_DATA } from '../heap/layout.js';
import { JavaThrowable } from '../runtime/errors.js';
import type { NativeRegistry } from './registry.js';

export function registerIoNatives(r: NativeRegistry): void {
  r.registerClass('java/io/FileOutputStream', {
    'writeBytes(I[BII)V': ({ vm }, [fd, bytes, off, len]) => {
      const start = (Number(bytes) + ARRAY_DATA) * 4 + Number(off);
      const chunk = vm.heap.u8.slice(start, start + Number(len));
      if (fd === 1) vm.platform.writeStdout(chunk);
      else if (fd === 2) vm.platform.writeStderr(chunk);
      else throw new JavaThrowable('java/io/IOException', 'Bad file descriptor');
    },
  });
  r.registerClass('java/io/FileInputStream', {
    'readBytes(I[BII)I': async ({ vm }, [fd, bytes, off, len]) => {
      if (fd !== 0) throw new JavaThrowable('java/io/IOException', 'Bad file descriptor');
      const h = vm.persistentHandles.add(Number(bytes));
      const data = await vm.platform.readStdin(Number(len));
      const arr = vm.persistentHandles.get(h);
      vm.persistentHandles.free(h);
      if (data.length === 0) return -1;
      vm.heap.u8.set(data, (arr + ARRAY_DATA) * 4 + Number(off));
      return data.length;
    },
  });
}
