// The Markdown report (RESULTS.md) built from a run's result: the machine, the tiers, median times,
// ratios to java -Xint and speed-ups over oaki with geometric means, the targets, failures and the chart.
// A hand-written analysis between the ANALYSIS markers survives each rewrite.
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

/**
 * @param {ReturnType<typeof import('../run.mjs').buildResult>} result
 * @param {{ analysis: string | null, chartPath: string | null }} extras
 */
export function renderReport(result, extras) {
  const { machine, tiers, programs, cells } = result;
  const cellOf = (program, tier) => cells.find((c) => c.program === program && c.tier === tier);
  const medianOf = (program, tier) => cellOf(program, tier)?.median ?? null;
  const shown = tiers;
  const lines = [];
  lines.push('# Benchmark results', '');
  lines.push('<!-- Written by `npm run bench` (benchmarks/run.mjs). Only the analysis section is kept across runs. -->', '');
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

  const ratioTable = (title, explanation, reference, ratio) => {
    const others = shown.filter((t) => t.id !== reference.id);
    lines.push(`## ${title}`, '');
    if (reference.reason !== null) {
      lines.push(`No ratios: ${reference.label} is unavailable (${escapeCell(reference.reason)}).`, '');
      return;
    }
    lines.push(explanation, '');
    lines.push(`| program | ${others.map((t) => t.label).join(' | ')} |`, `| --- | ${others.map(() => '---:').join(' | ')} |`);
    for (const program of programs) {
      lines.push(`| ${program.name} | ${others.map((tier) => {
        const r = ratioFor(program.name, tier.id, reference.id, medianOf, ratio);
        return r === null ? 'n/a' : times(r);
      }).join(' | ')} |`);
    }
    lines.push(`| **geometric mean** | ${others.map((tier) => {
      const g = meanRatio(programs, tier.id, reference.id, medianOf, ratio);
      if (g.value === null) return 'n/a';
      return g.count === programs.length ? `**${times(g.value)}**` : `${times(g.value)} (${g.count} of ${programs.length})`;
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
  lines.push(`- \`oak\` within 3 times of \`java -Xint\` on the geometric mean (issue 4): ${verdict(oakVsJava, (v) => v <= 3, programs.length)}`);
  lines.push(`- \`oak\` at least 2 times faster than \`oaki\` on the geometric mean (issue 5): ${verdict(oakVsOaki, (v) => v >= 2, programs.length)}`, '');

  if (extras.chartPath !== null) {
    lines.push('## Chart', '', `![Median wall time per program and tier, log scale](${extras.chartPath})`, '');
  }
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
  if (mean.value === null) return 'not measured (a tier is unavailable or failed on every program)';
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
