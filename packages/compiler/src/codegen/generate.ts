// The code generator's entry point: checked classes in, class-file bytes out (internal name -> bytes).
import type { ClassSymbol } from '../semantics/symbols.js';
import { generateClass } from './class-generator.js';
import type { GenerateOptions } from './generate-options.js';

export function generate(classes: readonly ClassSymbol[], options: GenerateOptions = {}): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  for (const cls of classes) out.set(cls.name, generateClass(cls, options));
  return out;
}
