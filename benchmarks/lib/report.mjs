// The Markdown report (RESULTS.md) built from a run's result: the machine, the tiers, median times,
// ratios to java -Xint and speed-ups over oaki with geometric means, the targets, failures and the chart.
// A hand-written analysis between the ANALYSIS markers survives each rewrite, and so do the start-up
// section between the STARTUP markers, which benchmarks/startup.mjs writes, and the compile-throughput
// section between the COMPILE markers, which benchmarks/compile-throughput.mjs writes.
import { geometricMean } from './stats.mjs';
import { BASELINE_TIER, REFERENCE_TIER } from './tiers.mjs';

export const ANALYSIS_BEGIN = '<!-- analysis:begin -->';
export const ANALYSIS_END = '<!-- analysis:end -->';

/** The analysis section of an existing report, markers included, or a placeholder. */
export function keptAnalysis(previous) {
  if (previous !== null) {
    const begin = previous.indexOf(ANALYSIS_BEGIN);
    const end = previous.indexOf(ANALYSIS_END);
    if (begin >= 0 && end > begin) return previous.slice(begin, end + ANALYSIS_END.length);
  }
  return `${ANALYSIS_BEGIN}\n_No analysis written yet._\n${ANALYSIS_END}`;
}

export const STARTUP_BEGIN = '<!-- startup:begin -->';
export const STARTUP_END = '<!-- startup:end -->';

export const COMPILE_BEGIN = '<!-- compile-throughput:begin -->';
export const COMPILE_END = '<!-- compile-throughput:end -->';

/** The section of an existing report between two markers, markers included, or null when there is none. */
export function keptSection(previous, beginMarker, endMarker) {
  if (previous === null) return null;
  const begin = previous.indexOf(beginMarker);
  const end = previous.indexOf(endMarker);
  return begin >= 0 && end > begin ? previous.slice(begin, end + endMarker.length) : null;
}

/** The start-up section of an existing report, markers included, or null when there is none. */
export function keptStartup(previous) {
  return keptSection(previous, STARTUP_BEGIN, STARTUP_END);
}

/**
 * The report with the section between the markers replaced by `section` (markers included): in place
 * when the markers exist, else before the Analysis heading, else at the end.
 */
export function spliceSection(report, beginMarker, endMarker, section) {
  const begin = report.indexOf(beginMarker);
  const end = report.indexOf(endMarker);
  if (begin >= 0 && end > begin) return report.slice(0, begin) + section + report.slice(end + endMarker.length);
  const analysis = report.indexOf('\n## Analysis\n');
  if (analysis >= 0) return `${report.slice(0, analysis + 1)}${section}\n\n${report.slice(analysis + 1)}`;
  return `${report.trimEnd()}\n\n${section}\n`;
}

/**
 * @param {ReturnType<typeof import('../run.mjs').buildResult>} result
 * @param {{ analysis: string | null, chartPath: string | null, startup?: string | null, compile?: string | null }} extras
 */
export function renderReport(result, extras) {
  const { machine, tiers, programs, cells } = result;
  const cellOf = (program, tier) => cells.find((c) => c.program === program && c.tier === tier);
  const medianOf = (program, tier) => cellOf(program, tier)?.median ?? null;
  const cpuOf = (program, tier) => cellOf(program, tier)?.cpuMedian ?? null;
  const hasCpu = cells.some((c) => c.cpuMedian !== null && c.cpuMedian !== undefined);
  const shown = tiers;
  const lines = [];
  lines.push('# Benchmark results', '');
  lines.push('<!-- Written by `npm run bench` (benchmarks/run.mjs). Only the start-up, compile-throughput and analysis sections are kept across runs. -->', '');
  lines.push(
    `Measured ${machine.date.slice(0, 16).replace('T', ' ')} UTC at commit \`${machine.commit ?? 'unknown'}\`: ` +
      `${result.size} sizes, ${result.rounds} round${result.rounds === 1 ? '' : 's'} alternating the tiers, ` +
      'median of the wall time of each process (start-up included). Every run\'s output was checked against the ' +
      'expected output (HotSpot\'s); a wrong output or a crash leaves the cell without a time. ' +
      'See [docs/benchmarks.md](../docs/benchmarks.md) for the programs and method.',
    '',
  );

  lines.push('## Machine', '', '| | |', '| --- | --- |');
  lines.push(`| CPU | ${machine.cpu} |`, `| Cores | ${machine.cores} |`, `| Memory | ${machine.memoryGiB} GiB |`);
  lines.push(`| OS | ${machine.os} |`, `| Node | ${machine.node} |`, `| Java | ${machine.java ?? 'not installed'} |`);
  if (Array.isArray(machine.loadAverage)) {
    lines.push(`| Load average at the end (1, 5, 15 min) | ${machine.loadAverage.join(', ')} |`);
  }
  lines.push('');

  lines.push('## Tiers', '', '| tier | what runs | command | status |', '| --- | --- | --- | --- |');
  for (const tier of shown) {
    const status = tier.reason === null ? 'measured' : `unavailable: ${escapeCell(tier.reason)}`;
    lines.push(`| ${tier.label} | ${tier.description} | ${tier.command ? `\`${escapeCell(tier.command)}\`` : ''} | ${status} |`);
  }
  lines.push('');

  const footnotes = [];
  const mark = (cell) => {
    footnotes.push(`${footnotes.length + 1}. ${cell.program} on ${labelOf(tiers, cell.tier)}: ${escapeCell(cell.reason ?? '')}`);
    return `failed [${footnotes.length}]`;
  };

  lines.push('## Median wall time (seconds)', '');
  lines.push(`| program | size | ${shown.map((t) => t.label).join(' | ')} |`);
  lines.push(`| --- | ---: | ${shown.map(() => '---:').join(' | ')} |`);
  for (const program of programs) {
    const row = shown.map((tier) => {
      const cell = cellOf(program.name, tier.id);
      if (cell === undefined || cell.status === 'unavailable') return 'n/a';
      if (cell.status === 'failed') return mark(cell);
      return seconds(/** @type {number} */ (cell.median));
    });
    lines.push(`| ${program.name} | ${program.size} | ${row.join(' | ')} |`);
  }
  lines.push(`| **geometric mean** | | ${shown.map((tier) => {
    const values = programs.map((p) => medianOf(p.name, tier.id)).filter((v) => v !== null);
    const g = geometricMean(values);
    if (g === null) return 'n/a';
    return values.length === programs.length ? `**${seconds(g)}**` : `${seconds(g)} (${values.length} of ${programs.length})`;
  }).join(' | ')} |`, '');
  if (footnotes.length > 0) lines.push('Failures:', '', ...footnotes, '');

  if (hasCpu) {
    lines.push('## Median CPU time (user + system, seconds)', '');
    lines.push(
      'The CPU time the process and its threads used, from the same runs. When other processes compete for the ' +
        'cores, wall time grows with the waiting while CPU time stays close to the work done; JIT and GC threads ' +
        'running beside the program count too.',
      '',
    );
    lines.push(`| program | ${shown.map((t) => t.label).join(' | ')} |`, `| --- | ${shown.map(() => '---:').join(' | ')} |`);
    for (const program of programs) {
      lines.push(`| ${program.name} | ${shown.map((tier) => {
        const v = cpuOf(program.name, tier.id);
        return v === null ? 'n/a' : seconds(v);
      }).join(' | ')} |`);
    }
    lines.push(`| **geometric mean** | ${shown.map((tier) => {
      const values = programs.map((p) => cpuOf(p.name, tier.id)).filter((v) => v !== null);
      const g = geometricMean(values);
      if (g === null) return 'n/a';
      return values.length === programs.length ? `**${seconds(g)}**` : `${seconds(g)} (${values.length} of ${programs.length})`;
    }).join(' | ')} |`, '');
  }

  const ratioTable = (title, explanation, reference, ratio) => {
    const others = shown.filter((t) => t.id !== reference.id);
    lines.push(`## ${title}`, '');
    if (reference.reason !== null) {
      lines.push(`No ratios: ${reference.label} is unavailable (${escapeCell(reference.reason)}).`, '');
      return;
    }
    lines.push(hasCpu ? `${explanation} Wall time first, CPU time in brackets.` : explanation, '');
    lines.push(`| program | ${others.map((t) => t.label).join(' | ')} |`, `| --- | ${others.map(() => '---:').join(' | ')} |`);
    const both = (wall, cpu) => (hasCpu && cpu !== null ? `${wall} (${cpu})` : wall);
    for (const program of programs) {
      lines.push(`| ${program.name} | ${others.map((tier) => {
        const r = ratioFor(program.name, tier.id, reference.id, medianOf, ratio);
        const c = ratioFor(program.name, tier.id, reference.id, cpuOf, ratio);
        return r === null ? 'n/a' : both(times(r), c === null ? null : times(c));
      }).join(' | ')} |`);
    }
    lines.push(`| **geometric mean** | ${others.map((tier) => {
      const g = meanRatio(programs, tier.id, reference.id, medianOf, ratio);
      const c = meanRatio(programs, tier.id, reference.id, cpuOf, ratio);
      if (g.value === null) return 'n/a';
      const text = both(times(g.value), c.value === null ? null : times(c.value));
      return g.count === programs.length ? `**${text}**` : `${text} (${g.count} of ${programs.length})`;
    }).join(' | ')} |`, '');
  };

  const reference = shown.find((t) => t.id === REFERENCE_TIER);
  const baseline = shown.find((t) => t.id === BASELINE_TIER);
  if (reference !== undefined) {
    ratioTable(
      `Time relative to ${reference.label}`,
      `Each tier's median time divided by ${reference.label}'s on the same program: below 1 is faster than HotSpot's interpreter, 3.00 means three times as long.`,
      reference,
      (tierTime, refTime) => tierTime / refTime,
    );
  }
  if (baseline !== undefined) {
    ratioTable(
      `Speed-up over ${baseline.label}`,
      `${baseline.label}'s median time divided by each tier's on the same program: above 1 is faster than the tree-walking interpreter.`,
      baseline,
      (tierTime, baseTime) => baseTime / tierTime,
    );
  }

  lines.push('## Targets', '');
  const oakVsJava = meanRatio(programs, 'oak', REFERENCE_TIER, medianOf, (t, r) => t / r);
  const oakVsOaki = meanRatio(programs, 'oak', BASELINE_TIER, medianOf, (t, b) => b / t);
  const oakVsJavaCpu = meanRatio(programs, 'oak', REFERENCE_TIER, cpuOf, (t, r) => t / r);
  const oakVsOakiCpu = meanRatio(programs, 'oak', BASELINE_TIER, cpuOf, (t, b) => b / t);
  const cpuNote = (mean, met) => (hasCpu && mean.value !== null ? `; on CPU time ${times(mean.value)}, ${met(mean.value) ? 'met' : 'not met'}` : '');
  const within3 = (v) => v <= 3;
  const twice = (v) => v >= 2;
  lines.push(`- \`oak\` within 3 times of \`java -Xint\` on the geometric mean (issue 4): ${verdict(oakVsJava, within3, programs.length)}${cpuNote(oakVsJavaCpu, within3)}`);
  lines.push(`- \`oak\` at least 2 times faster than \`oaki\` on the geometric mean (issue 5): ${verdict(oakVsOaki, twice, programs.length)}${cpuNote(oakVsOakiCpu, twice)}`, '');

  if (extras.chartPath !== null) {
    lines.push('## Chart', '', `![Median wall time per program and tier, log scale](${extras.chartPath})`, '');
  }
  if (extras.startup !== undefined && extras.startup !== null) lines.push(extras.startup, '');
  if (extras.compile !== undefined && extras.compile !== null) lines.push(extras.compile, '');
  lines.push('## Analysis', '', extras.analysis ?? keptAnalysis(null), '');
  return lines.join('\n');
}

function ratioFor(program, tier, reference, medianOf, ratio) {
  const t = medianOf(program, tier);
  const r = medianOf(program, reference);
  return t === null || r === null ? null : ratio(t, r);
}

function meanRatio(programs, tier, reference, medianOf, ratio) {
  const values = programs.map((p) => ratioFor(p.name, tier, reference, medianOf, ratio)).filter((v) => v !== null);
  return { value: geometricMean(values), count: values.length };
}

function verdict(mean, met, total) {
  if (mean.value === null) return 'not measured (needs results from both tiers on at least one program)';
  const partial = mean.count === total ? '' : ` over ${mean.count} of ${total} programs`;
  return `${times(mean.value)}${partial}, ${met(mean.value) ? '**met**' : '**not met**'}`;
}

function labelOf(tiers, id) {
  return tiers.find((t) => t.id === id)?.label ?? id;
}

function seconds(v) {
  return v.toFixed(3);
}

function times(v) {
  return v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2);
}

function escapeCell(text) {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
