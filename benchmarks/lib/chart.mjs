// The SVG bar chart of median times: one group of horizontal bars per program, one bar per tier, on a
// logarithmic time axis (the tiers differ by orders of magnitude, so a linear axis would hide the fast ones).

const PALETTE = ['#d95f02', '#1b9e77', '#7570b3', '#e7298a', '#66a61e', '#e6ab02', '#a6761d', '#666666'];
const LABEL_WIDTH = 140;
const PLOT_WIDTH = 620;
const RIGHT_MARGIN = 70;
const BAR_HEIGHT = 11;
const GROUP_GAP = 10;
const TOP = 58;
const AXIS_SPACE = 34;

/**
 * @param {{ tiers: { id: string, label: string }[], programs: { name: string }[],
 *   cells: { program: string, tier: string, median: number | null }[], title: string }} input
 * @returns {string} a standalone SVG document
 */
export function renderChart(input) {
  const medians = new Map(input.cells.filter((c) => c.median !== null).map((c) => [`${c.program}/${c.tier}`, c.median]));
  // A tier with no result anywhere (unavailable here) would only add empty rows to every group.
  const measured = new Set(input.cells.filter((c) => c.median !== null).map((c) => c.tier));
  const data = { ...input, tiers: input.tiers.filter((t) => measured.has(t.id)) };
  const values = [...medians.values()];
  const width = LABEL_WIDTH + PLOT_WIDTH + RIGHT_MARGIN;
  const groupHeight = data.tiers.length * BAR_HEIGHT + GROUP_GAP;
  const height = TOP + data.programs.length * groupHeight + AXIS_SPACE;
  const out = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`);
  out.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  out.push(`<text x="${width / 2}" y="18" text-anchor="middle" font-size="14" font-weight="bold">${escapeXml(data.title)}</text>`);
  const legendStep = Math.min(120, PLOT_WIDTH / Math.max(1, data.tiers.length));
  data.tiers.forEach((tier, i) => {
    const x = LABEL_WIDTH + i * legendStep;
    out.push(`<rect x="${x}" y="30" width="12" height="12" fill="${colour(i)}"/>`);
    out.push(`<text x="${x + 16}" y="40">${escapeXml(tier.label)}</text>`);
  });
  if (values.length === 0) {
    out.push(`<text x="${LABEL_WIDTH}" y="${TOP + 20}">no successful runs</text>`);
    out.push('</svg>');
    return `${out.join('\n')}\n`;
  }
  let lo = Math.floor(Math.log10(Math.min(...values)));
  let hi = Math.ceil(Math.log10(Math.max(...values)));
  if (hi <= lo) hi = lo + 1;
  const xOf = (seconds) => LABEL_WIDTH + ((Math.log10(seconds) - lo) / (hi - lo)) * PLOT_WIDTH;
  const plotBottom = height - AXIS_SPACE + 4;
  for (let decade = lo; decade <= hi; decade++) {
    for (const step of [1, 2, 5]) {
      const v = step * 10 ** decade;
      if (Math.log10(v) > hi + 1e-9) continue;
      const x = xOf(v).toFixed(1);
      const major = step === 1;
      out.push(`<line x1="${x}" y1="${TOP - 6}" x2="${x}" y2="${plotBottom}" stroke="${major ? '#bbbbbb' : '#e6e6e6'}"/>`);
      if (major || hi - lo <= 3) {
        out.push(`<text x="${x}" y="${plotBottom + 14}" text-anchor="middle" fill="${major ? '#000000' : '#777777'}">${formatSeconds(v)}</text>`);
      }
    }
  }
  out.push(`<text x="${LABEL_WIDTH + PLOT_WIDTH / 2}" y="${height - 4}" text-anchor="middle">median wall time per run, seconds (log scale)</text>`);
  data.programs.forEach((program, g) => {
    const top = TOP + g * groupHeight;
    out.push(`<text x="${LABEL_WIDTH - 8}" y="${top + (data.tiers.length * BAR_HEIGHT) / 2 + 4}" text-anchor="end">${escapeXml(program.name)}</text>`);
    data.tiers.forEach((tier, i) => {
      const value = medians.get(`${program.name}/${tier.id}`);
      const y = top + i * BAR_HEIGHT;
      if (value === undefined) {
        out.push(`<text x="${LABEL_WIDTH + 4}" y="${y + BAR_HEIGHT - 2}" font-size="9" fill="#999999">${escapeXml(tier.label)}: no result</text>`);
        return;
      }
      const end = xOf(value);
      out.push(`<rect x="${LABEL_WIDTH}" y="${y}" width="${Math.max(1, end - LABEL_WIDTH).toFixed(1)}" height="${BAR_HEIGHT - 2}" fill="${colour(i)}"><title>${escapeXml(`${program.name}, ${tier.label}: ${value.toFixed(3)} s`)}</title></rect>`);
      out.push(`<text x="${(end + 3).toFixed(1)}" y="${y + BAR_HEIGHT - 2}" font-size="9">${value.toFixed(3)}</text>`);
    });
  });
  out.push(`<line x1="${LABEL_WIDTH}" y1="${TOP - 6}" x2="${LABEL_WIDTH}" y2="${plotBottom}" stroke="#000000"/>`);
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

function colour(i) {
  return PALETTE[i % PALETTE.length];
}

function formatSeconds(v) {
  return v >= 1 ? `${Number(v.toPrecision(3))} s` : `${Number(v.toPrecision(1))} s`;
}

export function escapeXml(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
