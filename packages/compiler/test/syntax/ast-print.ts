// Prints syntax trees as compact s-expressions so tests can state the expected shape in one line.
import type { Expr, LiteralValue, Stmt, Super, TypeNode, VoidTypeNode } from '../../src/syntax/ast.js';
import { parse } from '../../src/syntax/parser.js';

export function typeText(t: TypeNode | VoidTypeNode): string {
  switch (t.kind) {
    case 'PrimitiveType':
      return t.name;
    case 'ClassType':
      return t.name.text;
    case 'ArrayType':
      return `${typeText(t.element)}[]`;
    case 'VoidType':
      return 'void';
  }
}

function literalText(v: LiteralValue): string {
  switch (v.kind) {
    case 'int':
      return `${v.value}`;
    case 'long':
      return `${v.value}L`;
    case 'float':
      return `${v.value}f`;
    case 'double':
      return `${v.value}d`;
    case 'char':
      return `'${String.fromCharCode(v.value)}'`;
    case 'string':
      return JSON.stringify(v.value);
    case 'boolean':
      return `${v.value}`;
    case 'null':
      return 'null';
  }
}

export function sexpr(e: Expr | Super): string {
  switch (e.kind) {
    case 'Literal':
      return literalText(e.value);
    case 'Name':
      return e.name;
    case 'This':
      return 'this';
    case 'Super':
      return 'super';
    case 'FieldAccess':
      return `(. ${sexpr(e.target)} ${e.name.name})`;
    case 'MethodCall':
      return `(call ${e.target === null ? '_' : sexpr(e.target)} ${e.name.name}${e.args.map((a) => ` ${sexpr(a)}`).join('')})`;
    case 'ArrayAccess':
      return `([] ${sexpr(e.array)} ${sexpr(e.index)})`;
    case 'New':
      return `(new ${e.classType.name.text}${e.args.map((a) => ` ${sexpr(a)}`).join('')})`;
    case 'NewArray':
      return `(newarray ${typeText(e.elementType)} [${e.dimensions.map(sexpr).join(' ')}] ${e.extraDimensions}${e.initializer === null ? '' : ` ${sexpr(e.initializer)}`})`;
    case 'ArrayLiteral':
      return `{${e.elements.map(sexpr).join(' ')}}`;
    case 'Unary':
      return `(${e.operator} ${sexpr(e.operand)})`;
    case 'Binary':
      return `(${e.operator} ${sexpr(e.left)} ${sexpr(e.right)})`;
    case 'Assign':
      return `(${e.operator} ${sexpr(e.target)} ${sexpr(e.value)})`;
    case 'IncDec':
      return e.prefix ? `(${e.operator}pre ${sexpr(e.operand)})` : `(post${e.operator} ${sexpr(e.operand)})`;
    case 'Cast':
      return `(cast ${typeText(e.targetType)} ${sexpr(e.expr)})`;
    case 'InstanceOf':
      return `(instanceof ${sexpr(e.expr)} ${typeText(e.targetType)})`;
    case 'Conditional':
      return `(? ${sexpr(e.condition)} ${sexpr(e.whenTrue)} ${sexpr(e.whenFalse)})`;
  }
}

export function stmtText(s: Stmt): string {
  switch (s.kind) {
    case 'Block':
      return `{${s.statements.map((x) => ` ${stmtText(x)}`).join('')} }`;
    case 'LocalVar':
      return `(var${s.modifiers.items.map((m) => ` ${m.name}`).join('')}${s.declarators
        .map((d) => ` [${typeText(d.type)} ${d.name.name}${d.init === null ? '' : ` ${sexpr(d.init)}`}]`)
        .join('')})`;
    case 'ExprStmt':
      return sexpr(s.expr);
    case 'If':
      return `(if ${sexpr(s.condition)} ${stmtText(s.thenStmt)}${s.elseStmt === null ? '' : ` ${stmtText(s.elseStmt)}`})`;
    case 'While':
      return `(while ${sexpr(s.condition)} ${stmtText(s.body)})`;
    case 'DoWhile':
      return `(do ${stmtText(s.body)} ${sexpr(s.condition)})`;
    case 'For':
      return `(for [${s.init.map(stmtText).join(' ')}] ${s.condition === null ? '_' : sexpr(s.condition)} [${s.update.map(stmtText).join(' ')}] ${stmtText(s.body)})`;
    case 'ForEach':
      return `(foreach ${typeText(s.variable.type)} ${s.variable.name.name} ${sexpr(s.iterable)} ${stmtText(s.body)})`;
    case 'Labeled':
      return `(label ${s.label.name} ${stmtText(s.body)})`;
    case 'Break':
      return s.label === null ? '(break)' : `(break ${s.label.name})`;
    case 'Continue':
      return s.label === null ? '(continue)' : `(continue ${s.label.name})`;
    case 'Return':
      return s.value === null ? '(return)' : `(return ${sexpr(s.value)})`;
    case 'Switch':
      return `(switch ${sexpr(s.selector)}${s.cases
        .map(
          (c) =>
            ` [${c.labels.map((l) => (l.kind === 'Default' ? 'default' : `case ${sexpr(l.value)}`)).join(', ')}:${c.body.map((b) => ` ${stmtText(b)}`).join('')}]`,
        )
        .join('')})`;
    case 'Throw':
      return `(throw ${sexpr(s.expr)})`;
    case 'Try':
      return `(try ${stmtText(s.block)}${s.catches
        .map((c) => ` (catch ${c.types.map((t) => t.name.text).join('|')} ${c.name.name} ${stmtText(c.body)})`)
        .join('')}${s.finallyBlock === null ? '' : ` (finally ${stmtText(s.finallyBlock)})`})`;
    case 'Synchronized':
      return `(sync ${sexpr(s.lock)} ${stmtText(s.body)})`;
    case 'Empty':
      return ';';
    case 'ExplicitConstructorCall':
      return `(${s.call}${s.args.map((a) => ` ${sexpr(a)}`).join('')})`;
  }
}

/** Parses `body` as the statements of a method and returns them, failing on any diagnostic. */
export function statements(body: string): readonly Stmt[] {
  const { unit, diagnostics } = parse({ path: 'T.oak', text: `class T { void m() { ${body} } }` });
  if (diagnostics.length > 0) throw new Error(`unexpected diagnostics: ${diagnostics.map((d) => `${d.column}: ${d.message}`).join('; ')}`);
  const method = unit.types[0]?.members[0];
  if (method === undefined || method.kind !== 'Method' || method.body === null) throw new Error('no method parsed');
  return method.body.statements;
}

/** Parses one expression (as the initialiser of a local) and prints it. */
export function expr(text: string): string {
  const [first] = statements(`Object x = ${text};`);
  if (first === undefined || first.kind !== 'LocalVar') throw new Error('no declaration parsed');
  const init = first.declarators[0]?.init;
  if (init === undefined || init === null) throw new Error('no initialiser parsed');
  return sexpr(init);
}

export function stmts(body: string): string {
  return statements(body).map(stmtText).join(' ');
}
