import { ACC_PUBLIC, ACC_STATIC, ACC_SUPER, ClassBuilder, Op, writeClassFile } from '@oakvm/classfile';

/** public class Hello { public static void main(String[] args) { for (int i = 0; i < 3; i++) System.out.println("Hello " + i); } } */
export function buildHello(): Uint8Array {
  const cb = new ClassBuilder({ name: 'Hello', accessFlags: ACC_PUBLIC | ACC_SUPER, sourceFile: 'Hello.oak' });

  const init = cb.method(ACC_PUBLIC, '<init>', '()V');
  init.load('reference', 0).invoke(Op.invokespecial, 'java/lang/Object', '<init>', '()V').returnValue('void');

  const main = cb.method(ACC_PUBLIC | ACC_STATIC, 'main', '([Ljava/lang/String;)V');
  const start = main.here();
  main.lineNumber(3, start);
  main.pushInt(0).store('int', 1);
  const test = main.newLabel();
  main.branch(Op.goto, test);
  const body = main.here();
  main.lineNumber(4, body);
  main.field(Op.getstatic, 'java/lang/System', 'out', 'Ljava/io/PrintStream;');
  main.typeInstruction(Op.new, 'java/lang/StringBuilder').emit(Op.dup);
  main.invoke(Op.invokespecial, 'java/lang/StringBuilder', '<init>', '()V');
  main.pushString('Hello ').invoke(Op.invokevirtual, 'java/lang/StringBuilder', 'append', '(Ljava/lang/String;)Ljava/lang/StringBuilder;');
  main.load('int', 1).invoke(Op.invokevirtual, 'java/lang/StringBuilder', 'append', '(I)Ljava/lang/StringBuilder;');
  main.invoke(Op.invokevirtual, 'java/lang/StringBuilder', 'toString', '()Ljava/lang/String;');
  main.invoke(Op.invokevirtual, 'java/io/PrintStream', 'println', '(Ljava/lang/String;)V');
  main.iinc(1, 1);
  main.place(test).load('int', 1).pushInt(3).branch(Op.if_icmplt, body);
  main.returnValue('void');
  const end = main.here();
  main.localVariable('args', '[Ljava/lang/String;', 0, start, end);

  return writeClassFile(cb.build());
}
