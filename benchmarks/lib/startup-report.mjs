// The start-up section of RESULTS.md, between the STARTUP markers that the main harness keeps when it
// rewrites the report. A hand-written analysis between the STARTUP_ANALYSIS markers survives each rewrite
// of the section by startup.mjs.
import { spliceSection, STARTUP_BEGIN, STARTUP_END } from './report.mjs';

export const STARTUP_ANALYSIS_BEGIN = '<!-- startup-analysis:begin -->';
export const STARTUP_ANALYSIS_END = '<!-- startup-analysis:end -->';

/** The two start-up goals of issue 4: subject time over reference time below a limit. */
export const STARTUP_TARGETS = [
  { subject: 'oak-source', reference: 'java-source', limit: 0.4, text: '`oak Hello.oak` under 0.4 of `java Hello.java`' },
  { subject: 'oak-cp', reference: 'node', limit: 1.5, text: '`oak -cp DIR Hello` under 1.5 times `node -e 0`' },
];

/**
 * @typedef {{ id: string, label: string, shown: string, reason: string | null, failure: string | null,
 *   wall: number[], cpu: number[], wallMedian: number | null, wallMin: number | null, cpuMedian: number | null }} SubjectResult
 * @typedef {{ machine: ReturnType<typeof import('./machine.mjs').describeMachine>, rounds: number,
 *   cpuMeasured: boolean, subjects: SubjectResult[], profiles?: { id: string, label: string, runs: number, totalMs: number,
 *   phases: { id: string, label: string, ms: number }[] }[] }} StartupResult
 */

/** The ratio for a target on wall or CPU medians, or null when either side has no time. */
export function targetRatio(result, target, key) {
  const of = (id) => result.subjects.find((s) => s.id === id)?.[key] ?? null;
  const subject = of(target.subject);
  const reference = of(target.reference);
  return subject === null || reference === null || reference === 0 ? null : subject / reference;
}

/** @param {StartupResult} result @param {string | null} analysis the kept analysis block, markers included */
export function renderStartupSection(result, analysis) {
  const { machine } = result;
  const lines = [STARTUP_BEGIN, '## Start-up', ''];
  lines.push(
    '<!-- Written by `node benchmarks/startup.mjs`; only the start-up analysis block is kept across its runs. -->',
    '',
    `Measured ${machine.date.slice(0, 16).replace('T', ' ')} UTC at commit \`${machine.commit ?? 'unknown'}\` ` +
      `with \`node benchmarks/startup.mjs\`: Hello (examples/Hello.oak) under each command, ${result.rounds} ` +
      'rounds alternating the commands after one unmeasured warm-up round, every output checked. ' +
      (result.cpuMeasured
        ? 'Wall time is the command\'s elapsed time; CPU time is user + system of the process and its threads ' +
          '(both from bash\'s `time`, from getrusage).'
        : 'Wall time from spawn to exit; no CPU time (bash is not available).') +
      (Array.isArray(machine.loadAverage) ? ` Load average at the end: ${machine.loadAverage.join(', ')} on ${machine.cores} cores.` : ''),
    '',
  );
  lines.push('| command | command line | median wall (s) | fastest wall (s) | median CPU (s) |', '| --- | --- | ---: | ---: | ---: |');
  for (const s of result.subjects) {
    const status = s.reason !== null ? `n/a: ${escapeCell(s.reason)}` : s.failure !== null ? `failed: ${escapeCell(s.failure)}` : null;
    if (status !== null) {
      lines.push(`| ${s.label} | \`${escapeCell(s.shown)}\` | ${status} | | |`);
      continue;
    }
    lines.push(`| ${s.label} | \`${escapeCell(s.shown)}\` | ${ms(s.wallMedian)} | ${ms(s.wallMin)} | ${ms(s.cpuMedian)} |`);
  }
  lines.push('', 'Targets (issue 4), ratio of medians:', '');
  for (const target of STARTUP_TARGETS) {
    const wall = targetRatio(result, target, 'wallMedian');
    const cpu = targetRatio(result, target, 'cpuMedian');
    const judged = (r) => (r === null ? 'not measured' : `${r.toFixed(2)}, ${r < target.limit ? '**met**' : '**not met**'}`);
    lines.push(`- ${target.text}: wall ${judged(wall)}; CPU ${judged(cpu)}`);
  }
  const profiles = result.profiles ?? [];
  if (profiles.length > 0) {
    lines.push(
      '',
      `CPU profile by phase (\`--profile\`: mean milliseconds per run over ${profiles[0].runs} runs of \`node --cpu-prof\`, ` +
        'profiler overhead included; the profiler\'s clock also counts time spent waiting for a core, so on a ' +
        'loaded machine read the shares rather than the milliseconds):',
      '',
      `| phase | ${profiles.map((p) => p.label).join(' | ')} |`,
      `| --- | ${profiles.map(() => '---:').join(' | ')} |`,
    );
    for (const phase of profiles[0].phases) {
      const cell = (p) => {
        const ms = p.phases.find((q) => q.id === phase.id)?.ms ?? 0;
        return `${ms.toFixed(1)} (${p.totalMs > 0 ? Math.round((100 * ms) / p.totalMs) : 0}%)`;
      };
      lines.push(`| ${phase.label} | ${profiles.map(cell).join(' | ')} |`);
    }
    lines.push(`| **total** | ${profiles.map((p) => `**${p.totalMs.toFixed(1)}**`).join(' | ')} |`);
  }
  lines.push('', analysis ?? `${STARTUP_ANALYSIS_BEGIN}\n_No start-up analysis written yet._\n${STARTUP_ANALYSIS_END}`, STARTUP_END);
  return lines.join('\n');
}

/**
 * The report with its start-up section replaced by `section`: in place when the markers exist, else
 * before the Analysis heading, else at the end.
 */
export function spliceStartupSection(report, section) {
  return spliceSection(report, STARTUP_BEGIN, STARTUP_END, section);
}

/** The start-up analysis block of a report, markers included, or null. */
export function keptStartupAnalysis(report) {
  if (report === null) return null;
  const begin = report.indexOf(STARTUP_ANALYSIS_BEGIN);
  const end = report.indexOf(STARTUP_ANALYSIS_END);
  return begin >= 0 && end > begin ? report.slice(begin, end + STARTUP_ANALYSIS_END.length) : null;
}

function ms(v) {
  return v === null ? 'n/a' : v.toFixed(3);
}

function escapeCell(text) {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
