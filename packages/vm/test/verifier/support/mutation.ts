// Random damage to one method of a class, for the robustness tests: a few bytes of its code replaced,
// or its max_stack or max_locals lowered. Deterministic for a given random source.
import type { ClassFile, CodeAttribute } from '@oakvm/classfile';

/** xorshift32: small, fast and the same everywhere. */
export function random(seed: number): () => number {
  let x = seed | 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 0x100000000;
  };
}

/** A copy of `cf` with one method (chosen among those `eligible` accepts) damaged. */
export function mutate(cf: ClassFile, next: () => number, eligible: (index: number) => boolean = () => true): ClassFile {
  const methods = cf.methods.map((m) => ({ ...m, attributes: [...m.attributes] }));
  const withCode = methods.filter((m, i) => eligible(i) && m.attributes.some((a) => a.kind === 'Code'));
  const method = withCode[Math.floor(next() * withCode.length)];
  if (method === undefined) return cf;
  const at = method.attributes.findIndex((a) => a.kind === 'Code');
  const code = method.attributes[at] as CodeAttribute;
  const bytes = code.code.slice();
  let { maxStack, maxLocals } = code;
  const kind = next();
  if (kind < 0.7) {
    const flips = 1 + Math.floor(next() * 3);
    for (let i = 0; i < flips; i++) bytes[Math.floor(next() * bytes.length)] = Math.floor(next() * 256);
  } else if (kind < 0.85) {
    maxStack = Math.floor(next() * (maxStack + 1));
  } else {
    maxLocals = Math.floor(next() * (maxLocals + 1));
  }
  method.attributes[at] = { ...code, code: bytes, maxStack, maxLocals };
  return { ...cf, methods };
}
