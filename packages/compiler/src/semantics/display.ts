// How types and members appear in diagnostics: javac's messages use simple class names
// ("incompatible types: String cannot be converted to int", "method m(int,String)").
import { simpleName } from './check-context.js';
import type { MethodSymbol } from './symbols.js';
import type { Type } from './types.js';

export function displayType(type: Type): string {
  switch (type.kind) {
    case 'primitive':
      return type.name;
    case 'void':
      return 'void';
    case 'class':
      return simpleName(type.name);
    case 'array':
      return `${displayType(type.element)}[]`;
    case 'null':
      return '<null>';
    case 'error':
      return '<any>';
  }
}

export function displayTypes(types: readonly Type[]): string {
  return types.map(displayType).join(',');
}

/** "m(int,String)" or, for a constructor, "Main(int)". */
export function displayMethod(method: MethodSymbol): string {
  const name = method.name === '<init>' ? simpleName(method.owner.name) : method.name;
  return `${name}(${displayTypes(method.params)})`;
}

/** "class Main" or "interface Runnable", as javac's "location:" lines say. */
export function displayClassKind(isInterface: boolean, internalName: string): string {
  return `${isInterface ? 'interface' : 'class'} ${simpleName(internalName)}`;
}
