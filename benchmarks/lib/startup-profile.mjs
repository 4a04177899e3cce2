// Where start-up time goes: runs a command several times under `node --cpu-prof` and splits each CPU
// profile into phases. Every sample goes to the innermost frame on its stack that names a phase (so the
// class files the compiler reads count as class-file parsing, not as compiling), else to Node's own
// start-up. Used by `node benchmarks/startup.mjs --profile`; the numbers include the profiler's overhead.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTimed } from './process.mjs';

/** Phases in report order; `frames` are function names, `file` optionally narrows them to a file. */
export const PHASES = [
  { id: 'module', label: 'loading and compiling JavaScript (module loaders, code cache, V8 compile)', frames: ['compileSourceTextModule', 'compileForInternalLoader', 'loadAndTranslate', 'getModuleJobForImport', 'resolve', 'instantiate', 'Script', 'readCache', 'wrapSafe'] },
  { id: 'evaluate', label: 'evaluating module top levels', frames: ['evaluate'] },
  { id: 'image', label: 'runtime image: reading and indexing (CRC, entry table)', frames: ['readRuntimeImage'] },
  { id: 'classfile', label: 'class-file parsing (readClassFile)', frames: ['readClassFile'] },
  { id: 'link', label: 'class linking: define, quicken, layout, resolve', frames: ['define', 'quicken', 'layoutStatics', 'resolveField', 'resolveClassName'] },
  { id: 'compile', label: 'compiling Hello.oak in memory (lexer, parser, checker, code generator)', frames: ['compile'] },
  { id: 'interpret', label: 'interpreting (class initialisers and main)', frames: ['interpret', 'callNative'] },
  { id: 'vm', label: 'VM set-up (heap, natives, well-known classes)', frames: ['Vm', 'registerCoreNatives'] },
  { id: 'gc', label: 'V8 garbage collection', frames: ['(garbage collector)'] },
  { id: 'program', label: 'V8 outside JavaScript (lazy function compilation, native code)', frames: ['(program)'] },
];
const NODE_PHASE = { id: 'node', label: 'Node start-up and everything else' };

/**
 * @param {{ file: string, args: string[], cwd: string, runs: number, timeoutMs: number }} subject
 * @returns {{ runs: number, totalMs: number, phases: { id: string, label: string, ms: number }[] }} means per run
 */
export function profilePhases(subject) {
  const dir = mkdtempSync(join(tmpdir(), 'oak-startup-prof-'));
  try {
    const sums = new Map([...PHASES, NODE_PHASE].map((p) => [p.id, 0]));
    let total = 0;
    for (let i = 0; i < subject.runs; i++) {
      const out = join(dir, String(i));
      const run = runTimed(subject.file, ['--cpu-prof', '--cpu-prof-interval', '100', '--cpu-prof-dir', out, ...subject.args], {
        cwd: subject.cwd,
        timeoutMs: subject.timeoutMs,
      });
      if (run.failure !== null || run.status !== 0) throw new Error(`profiling run failed: ${run.failure ?? `exit ${run.status}`}`);
      const file = readdirSync(out).find((f) => f.endsWith('.cpuprofile'));
      if (file === undefined) throw new Error('node wrote no CPU profile');
      for (const [id, ms] of splitProfile(JSON.parse(readFileSync(join(out, file), 'utf8')))) {
        sums.set(id, (sums.get(id) ?? 0) + ms);
        total += ms;
      }
    }
    return {
      runs: subject.runs,
      totalMs: total / subject.runs,
      phases: [...PHASES, NODE_PHASE].map((p) => ({ id: p.id, label: p.label, ms: (sums.get(p.id) ?? 0) / subject.runs })),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Milliseconds per phase id in one V8 CPU profile (idle samples left out). */
function splitProfile(profile) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
  const phaseOfNode = new Map();
  const phaseOf = (id) => {
    const known = phaseOfNode.get(id);
    if (known !== undefined) return known;
    const frame = nodes.get(id).callFrame.functionName;
    const own = PHASES.find((p) => p.frames.includes(frame));
    const up = parent.get(id);
    const phase = own !== undefined ? own.id : up === undefined ? NODE_PHASE.id : phaseOf(up);
    phaseOfNode.set(id, phase);
    return phase;
  };
  const result = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    if (nodes.get(id).callFrame.functionName === '(idle)') continue;
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const phase = phaseOf(id);
    result.set(phase, (result.get(phase) ?? 0) + ms);
  }
  return result;
}
