// The native methods the class library declares, as data: the contract between the library and the VM's
// native registry (docs/classlib.md says what each must do). A test checks it against the compiled
// library in both directions, so the VM can check its registry against it too.

/** A method or field of a library class, by JVM internal name, name and descriptor. */
export interface LibraryMember {
  readonly owner: string;
  readonly name: string;
  readonly descriptor: string;
}

/** The registry key of DESIGN decision 9: `java/lang/Math.sqrt(D)D`. */
export function memberKey(m: LibraryMember): string {
  return `${m.owner}.${m.name}${m.descriptor}`;
}

const MATH_UNARY = ['sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'exp', 'log', 'log10', 'sqrt', 'cbrt', 'sinh', 'cosh', 'tanh', 'expm1', 'log1p', 'floor', 'ceil', 'rint'];
const MATH_BINARY = ['atan2', 'pow', 'hypot', 'IEEEremainder'];

function mathNatives(owner: string): LibraryMember[] {
  return [
    ...MATH_UNARY.map((name) => ({ owner, name, descriptor: '(D)D' })),
    ...MATH_BINARY.map((name) => ({ owner, name, descriptor: '(DD)D' })),
  ];
}

function natives(owner: string, list: readonly (readonly [name: string, descriptor: string])[]): LibraryMember[] {
  return list.map(([name, descriptor]) => ({ owner, name, descriptor }));
}

/** Every native method of the library; nothing else in it is native. */
export const NATIVE_METHODS: readonly LibraryMember[] = [
  ...natives('java/lang/Object', [
    ['getClass', '()Ljava/lang/Class;'],
    ['hashCode', '()I'],
    ['clone', '()Ljava/lang/Object;'],
    ['notify', '()V'],
    ['notifyAll', '()V'],
    ['wait', '(J)V'],
  ]),
  ...natives('java/lang/System', [
    ['arraycopy', '(Ljava/lang/Object;ILjava/lang/Object;II)V'],
    ['currentTimeMillis', '()J'],
    ['nanoTime', '()J'],
    ['identityHashCode', '(Ljava/lang/Object;)I'],
  ]),
  ...natives('java/lang/Runtime', [
    ['halt0', '(I)V'],
    ['gc', '()V'],
    ['freeMemory', '()J'],
    ['totalMemory', '()J'],
    ['maxMemory', '()J'],
    ['availableProcessors', '()I'],
  ]),
  ...natives('java/lang/String', [['intern', '()Ljava/lang/String;']]),
  ...natives('java/lang/Float', [
    ['floatToRawIntBits', '(F)I'],
    ['intBitsToFloat', '(I)F'],
    ['toString', '(F)Ljava/lang/String;'],
    ['parseFloat0', '(Ljava/lang/String;)F'],
  ]),
  ...natives('java/lang/Double', [
    ['doubleToRawLongBits', '(D)J'],
    ['longBitsToDouble', '(J)D'],
    ['toString', '(D)Ljava/lang/String;'],
    ['parseDouble0', '(Ljava/lang/String;)D'],
  ]),
  ...mathNatives('java/lang/Math'),
  ...mathNatives('java/lang/StrictMath'),
  ...natives('java/lang/Class', [
    ['initClassName', '()Ljava/lang/String;'],
    ['isArray', '()Z'],
    ['isInterface', '()Z'],
    ['isPrimitive', '()Z'],
    ['getSuperclass', '()Ljava/lang/Class;'],
    ['getComponentType', '()Ljava/lang/Class;'],
    ['isInstance', '(Ljava/lang/Object;)Z'],
    ['isAssignableFrom', '(Ljava/lang/Class;)Z'],
    ['getModifiers', '()I'],
    ['forName0', '(Ljava/lang/String;)Ljava/lang/Class;'],
    ['getPrimitiveClass', '(Ljava/lang/String;)Ljava/lang/Class;'],
  ]),
  ...natives('java/lang/Thread', [
    ['currentThread', '()Ljava/lang/Thread;'],
    ['yield', '()V'],
    ['sleep0', '(J)V'],
    ['start0', '()V'],
    ['interrupt0', '()V'],
  ]),
  ...natives('java/lang/Throwable', [
    ['fillInStackTrace0', '()V'],
    ['getStackTrace0', '()[Ljava/lang/StackTraceElement;'],
  ]),
  ...natives('java/lang/reflect/Array', [['newArray', '(Ljava/lang/Class;I)Ljava/lang/Object;']]),
  ...natives('java/io/FileOutputStream', [['writeBytes', '(I[BII)V']]),
  ...natives('java/io/FileInputStream', [['readBytes', '(I[BII)I']]),
];

/** Fields the VM reads or writes by name (docs/classlib.md says how). */
export const VM_FIELDS: readonly LibraryMember[] = [
  { owner: 'java/lang/String', name: 'value', descriptor: '[C' },
  { owner: 'java/lang/String', name: 'hash', descriptor: 'I' },
  { owner: 'java/lang/Class', name: 'name', descriptor: 'Ljava/lang/String;' },
  { owner: 'java/lang/Class', name: 'classId', descriptor: 'I' },
  { owner: 'java/lang/Thread', name: 'name', descriptor: 'Ljava/lang/String;' },
  { owner: 'java/lang/Thread', name: 'priority', descriptor: 'I' },
  { owner: 'java/lang/Thread', name: 'daemon', descriptor: 'Z' },
  { owner: 'java/lang/Thread', name: 'tid', descriptor: 'J' },
  { owner: 'java/lang/Thread', name: 'interrupted', descriptor: 'Z' },
  { owner: 'java/lang/Thread', name: 'started', descriptor: 'Z' },
  { owner: 'java/lang/Thread', name: 'alive', descriptor: 'Z' },
  { owner: 'java/lang/Throwable', name: 'backtrace', descriptor: 'Ljava/lang/Object;' },
  { owner: 'java/lang/Throwable', name: 'detailMessage', descriptor: 'Ljava/lang/String;' },
  { owner: 'java/lang/Throwable', name: 'cause', descriptor: 'Ljava/lang/Throwable;' },
  { owner: 'java/lang/Throwable', name: 'stackTrace', descriptor: '[Ljava/lang/StackTraceElement;' },
  { owner: 'java/lang/StackTraceElement', name: 'declaringClass', descriptor: 'Ljava/lang/String;' },
  { owner: 'java/lang/StackTraceElement', name: 'methodName', descriptor: 'Ljava/lang/String;' },
  { owner: 'java/lang/StackTraceElement', name: 'fileName', descriptor: 'Ljava/lang/String;' },
  { owner: 'java/lang/StackTraceElement', name: 'lineNumber', descriptor: 'I' },
  { owner: 'java/lang/StackTraceElement', name: 'moduleName', descriptor: 'Ljava/lang/String;' },
];

/** Non-native methods the VM invokes itself (constructors it uses to create objects, thread life cycle). */
export const VM_METHODS: readonly LibraryMember[] = [
  { owner: 'java/lang/String', name: '<init>', descriptor: '([C)V' },
  { owner: 'java/lang/Thread', name: '<init>', descriptor: '(Ljava/lang/String;)V' },
  { owner: 'java/lang/Thread', name: 'run', descriptor: '()V' },
  { owner: 'java/lang/Thread', name: 'dispatchUncaughtException', descriptor: '(Ljava/lang/Throwable;)V' },
  { owner: 'java/lang/Thread', name: 'exit', descriptor: '()V' },
  { owner: 'java/lang/StackTraceElement', name: '<init>', descriptor: '(Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;I)V' },
  { owner: 'java/lang/ExceptionInInitializerError', name: '<init>', descriptor: '(Ljava/lang/Throwable;)V' },
];
