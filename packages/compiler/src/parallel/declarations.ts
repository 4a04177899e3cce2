// Declaration-only copies of syntax trees: what one thread of a split compilation sends the other about
// the classes it compiles. The checker needs every class's supertypes, field types, method and
// constructor signatures and modifiers, and the field initialisers too, since constants fold across
// classes. Bodies are what make trees large and are not needed, so each becomes an empty block with the
// same span (a body stays present or absent, which the declaration checks look at).
import type { Block, ClassDecl, CompilationUnit, Member } from '../syntax/ast.js';

/** The unit with every class's method, constructor and initialiser bodies emptied; the input is unchanged. */
export function declarationsOnly(unit: CompilationUnit): CompilationUnit {
  return { ...unit, types: unit.types.map(classDeclarations) };
}

/** The class with its bodies emptied; fields and signatures are shared with the input, not copied. */
export function classDeclarations(decl: ClassDecl): ClassDecl {
  return { ...decl, members: decl.members.map(memberDeclaration) };
}

function memberDeclaration(member: Member): Member {
  switch (member.kind) {
    case 'Field':
      return member;
    case 'Method':
      return { ...member, body: member.body === null ? null : emptied(member.body) };
    case 'Constructor':
    case 'Initializer':
      return { ...member, body: emptied(member.body) };
  }
}

function emptied(body: Block): Block {
  return { kind: 'Block', statements: [], span: body.span };
}
