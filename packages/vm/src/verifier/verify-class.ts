// The verifier's entry point: every method with code in a class is checked by the static pass, then by
// type inference (JVMS 4.10.2, the verifier HotSpot uses for class files before version 50). It is used
// for every class-file version: StackMapTable attributes are ignored, as that verifier ignores them.
import {
  ACC_STATIC,
  ClassFormatError,
  memberDescriptor,
  memberName,
  parseMethodDescriptor,
  type ClassFile,
  type CodeAttribute,
} from '@oakvm/classfile';
import { classInfoFromClassFile, type ClassHierarchy, type ClassInfo } from './class-hierarchy.js';
import { StaticCheckFailure, decodeMethod, splitParameters } from './decode-method.js';
import { isNonvirtualTargetAllowed, type MethodFacts } from './instruction-semantics.js';
import { inferTypes } from './method-verifier.js';
import type { ReferenceMaps } from './reference-maps.js';
import { MissingClass, TypeRelations } from './type-relations.js';
import { VerifyError, type VerifyErrorClass } from './verify-error.js';
import { TypePool } from './verification-type.js';

export interface VerifiedMethod {
  readonly name: string;
  readonly descriptor: string;
  /** The method's reference maps (DESIGN decision 4). */
  readonly maps: ReferenceMaps;
}

export interface VerifiedClass {
  /** Internal name. */
  readonly className: string;
  /** Parallel to the class file's `methods`: undefined for abstract and native methods. */
  readonly methods: readonly (VerifiedMethod | undefined)[];
}

/** The maps of the method with this name and descriptor, if it has code. */
export function mapsOf(verified: VerifiedClass, name: string, descriptor: string): ReferenceMaps | undefined {
  return verified.methods.find((m) => m?.name === name && m.descriptor === descriptor)?.maps;
}

/**
 * Verifies every method of `cf`. Throws VerifyError for the first method that fails; classes the
 * hierarchy is asked about are looked up (and may be loaded) on demand, and errors the hierarchy throws
 * (the VM's NoClassDefFoundError) pass through unchanged.
 */
export function verifyClass(cf: ClassFile, hierarchy: ClassHierarchy): VerifiedClass {
  const self = classInfoFromClassFile(cf);
  const className = self.name;
  const relations = new TypeRelations(withSelf(hierarchy, self), new TypePool());
  const methods = cf.methods.map((m): VerifiedMethod | undefined => {
    const code = m.attributes.find((a): a is CodeAttribute => a.kind === 'Code');
    if (code === undefined) return undefined;
    const name = memberName(cf, m);
    const descriptor = memberDescriptor(cf, m);
    const fail = (pc: number | undefined, reason: string, javaClass?: VerifyErrorClass): never => {
      throw new VerifyError({ className, methodName: name, descriptor, ...(pc === undefined ? {} : { bci: pc }) }, reason, javaClass);
    };
    try {
      parseMethodDescriptor(descriptor);
    } catch (e) {
      if (e instanceof ClassFormatError) fail(undefined, `Illegal signature ${descriptor}`);
      throw e;
    }
    const types = relations.types;
    const returnText = descriptor.slice(descriptor.indexOf(')') + 1);
    const facts: MethodFacts = {
      className,
      superName: self.superName,
      majorVersion: cf.majorVersion,
      isConstructor: name === '<init>',
      result: returnText === 'V' ? [] : types.fromDescriptor(returnText),
    };
    let decoded;
    try {
      decoded = decodeMethod(code, cf.constantPool, types, cf.majorVersion, {
        nonvirtualTargetAllowed: (target) => isNonvirtualTargetAllowed(facts, relations, target),
      });
    } catch (e) {
      if (e instanceof StaticCheckFailure) fail(e.pc, e.reason, e.formatError ? 'java/lang/ClassFormatError' : undefined);
      if (e instanceof MissingClass) fail(undefined, e.message);
      throw e;
    }
    const maps = inferTypes(
      {
        facts,
        isStatic: (m.accessFlags & ACC_STATIC) !== 0,
        parameters: splitParameters(descriptor).map((p) => types.fromDescriptor(p)),
        code,
        decoded,
      },
      relations,
      fail,
    );
    return { name, descriptor, maps };
  });
  return { className, methods };
}

/** The hierarchy, answering for the class being verified from its own file (it is not loaded yet). */
function withSelf(hierarchy: ClassHierarchy, self: ClassInfo): ClassHierarchy {
  return { lookup: (name) => (name === self.name ? self : hierarchy.lookup(name)) };
}
