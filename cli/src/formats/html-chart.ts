// The report's bar chart of findings per rule: inline SVG, stacked by severity, no script.
import { escapeHtml } from './html-escape';
import { total, type Counts, type RuleTally } from './tally';

const WIDTH = 1060;
const LABEL = 190;
const BAR_AREA = 800;
const ROW = 26;
const BAR = 16;
const TOP = 8;

const SEGMENTS: { key: keyof Counts; css: string; noun: [string, string] }[] = [
  { key: 'error', css: 'bar-error', noun: ['error', 'errors'] },
  { key: 'warning', css: 'bar-warning', noun: ['warning', 'warnings'] },
  { key: 'info', css: 'bar-info', noun: ['info', 'info'] },
];

function describe(counts: Counts): string {
  return SEGMENTS.filter(({ key }) => counts[key] > 0)
    .map(({ key, noun }) => `${counts[key]} ${noun[counts[key] === 1 ? 0 : 1]}`)
    .join(', ');
}

/** One bar per rule that found something, each linking to the rule's row of the table below it. */
export function findingsChart(tallies: RuleTally[], ruleAnchor: (ruleId: string) => string): string {
  const max = Math.max(1, ...tallies.map((tally) => total(tally.counts)));
  const height = TOP * 2 + tallies.length * ROW;
  const rows = tallies.map((tally, index) => {
    const y = TOP + index * ROW;
    let x = LABEL;
    const bars = SEGMENTS.filter(({ key }) => tally.counts[key] > 0).map(({ key, css }) => {
      const width = Math.max(2, (tally.counts[key] / max) * BAR_AREA);
      const rect = `<rect class="${css}" x="${x.toFixed(1)}" y="${y + (ROW - BAR) / 2}" width="${width.toFixed(1)}" height="${BAR}"/>`;
      x += width;
      return rect;
    });
    const label = escapeHtml(tally.ruleId);
    return [
      `<a href="#${escapeHtml(ruleAnchor(tally.ruleId))}">`,
      `<title>${label}: ${escapeHtml(describe(tally.counts))} in ${tally.drafts} draft${tally.drafts === 1 ? '' : 's'}</title>`,
      `<text class="chart-label" x="${LABEL - 8}" y="${y + ROW / 2}" text-anchor="end" dominant-baseline="central">${label}</text>`,
      ...bars,
      `<text class="chart-count" x="${(x + 6).toFixed(1)}" y="${y + ROW / 2}" dominant-baseline="central">${total(tally.counts)}</text>`,
      '</a>',
    ].join('');
  });
  const legend = SEGMENTS.map(({ css, noun }) => `<span class="legend"><span class="swatch ${css}"></span>${noun[1]}</span>`).join(' ');
  return [
    `<figure class="chart">`,
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-labelledby="chart-title">`,
    `<title id="chart-title">Findings per rule</title>`,
    ...rows,
    `</svg>`,
    `<figcaption>${legend}</figcaption>`,
    `</figure>`,
  ].join('\n');
}
