// One self-contained, script-free HTML page over many drafts: summary counts, drafts and rules with their
// counts, a bar chart of findings per rule, and every finding linked to its draft and line.
import * as path from 'node:path';
import { rules } from '../../../engine/src';
import type { FileReport } from '../report';
import { findingsChart } from './html-chart';
import { draftHref, escapeHtml } from './html-escape';
import { REPORT_CSS } from './html-style';
import { displayPath } from './paths';
import { sumCounts, tallyDrafts, tallyRules, total, type Counts, type DraftTally, type RuleTally } from './tally';

export interface HtmlOptions {
  /** Folder that draft names are shown relative to (the working folder). */
  cwd?: string;
  /** Folder the page will be saved in, which its links to drafts are relative to (default: cwd). */
  reportDir?: string;
  version?: string;
  generatedAt?: Date;
}

/** Nothing may load and nothing may run: inline styles only. */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'";

const plural = (count: number, one: string, many = `${one}s`): string => `${count} ${count === 1 ? one : many}`;
const ruleAnchor = (ruleId: string): string => `rule-${ruleId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
const draftAnchor = (index: number): string => `draft-${index + 1}`;

function countCell(count: number): string {
  return `<td class="num${count === 0 ? ' zero' : ''}">${count}</td>`;
}

function countCells(counts: Counts): string {
  return countCell(counts.error) + countCell(counts.warning) + countCell(counts.info);
}

function summaryCards(drafts: DraftTally[], counts: Counts): string {
  const withErrors = drafts.filter((draft) => draft.counts.error > 0).length;
  const clean = drafts.filter((draft) => total(draft.counts) === 0).length;
  const card = (css: string, number: number, label: string): string =>
    `<li class="card ${css}"><span class="number">${number}</span><span class="label">${escapeHtml(label)}</span></li>`;
  return [
    '<ul class="cards">',
    card('checked', drafts.length, 'drafts checked'),
    card('error', withErrors, withErrors === 1 ? 'draft with errors' : 'drafts with errors'),
    card('clean', clean, clean === 1 ? 'draft without findings' : 'drafts without findings'),
    card('error', counts.error, counts.error === 1 ? 'error' : 'errors'),
    card('warning', counts.warning, counts.warning === 1 ? 'warning' : 'warnings'),
    card('info', counts.info, 'info'),
    '</ul>',
  ].join('\n');
}

function draftsTable(drafts: DraftTally[], name: (file: string) => string, href: (file: string, line?: number) => string): string {
  const rows = drafts.map((draft, index) => {
    const findings = total(draft.counts);
    const details = findings === 0 ? '<span class="status-clean">No findings</span>' : `<a href="#${draftAnchor(index)}">${plural(findings, 'finding')}</a>`;
    return `<tr><td class="file"><a href="${escapeHtml(href(draft.file))}">${escapeHtml(name(draft.file))}</a></td>${countCells(draft.counts)}<td>${details}</td></tr>`;
  });
  return [
    '<table class="drafts">',
    '<thead><tr><th>Draft</th><th class="num">Errors</th><th class="num">Warnings</th><th class="num">Info</th><th>Findings</th></tr></thead>',
    `<tbody>\n${rows.join('\n')}\n</tbody>`,
    '</table>',
  ].join('\n');
}

function rulesTable(tallies: RuleTally[]): string {
  const rows = tallies.map((tally) => {
    const description = ruleInfo(tally.ruleId)?.description ?? '';
    return (
      `<tr id="${escapeHtml(ruleAnchor(tally.ruleId))}"><td class="rule"><code>${escapeHtml(tally.ruleId)}</code></td>` +
      `<td>${escapeHtml(description)}</td>${countCells(tally.counts)}<td class="num">${tally.drafts}</td></tr>`
    );
  });
  return [
    '<table class="rules">',
    '<thead><tr><th>Rule</th><th>What it checks</th><th class="num">Errors</th><th class="num">Warnings</th><th class="num">Info</th><th class="num">Drafts</th></tr></thead>',
    `<tbody>\n${rows.join('\n')}\n</tbody>`,
    '</table>',
  ].join('\n');
}

function findingsOf(draft: DraftTally, index: number, name: string, href: (file: string, line?: number) => string): string {
  const rows = draft.findings.map((finding) => {
    const line = finding.range.start.line + 1;
    const column = finding.range.start.character + 1;
    return (
      `<tr><td class="where"><a href="${escapeHtml(href(draft.file, line))}">${line}:${column}</a></td>` +
      `<td><span class="sev sev-${finding.severity}">${finding.severity}</span></td>` +
      `<td class="rule"><a href="#${escapeHtml(ruleAnchor(finding.ruleId))}"><code>${escapeHtml(finding.ruleId)}</code></a></td>` +
      `<td>${escapeHtml(finding.message)}</td></tr>`
    );
  });
  return [
    `<section id="${draftAnchor(index)}">`,
    `<h3><a href="${escapeHtml(href(draft.file))}">${escapeHtml(name)}</a></h3>`,
    '<table class="findings">',
    '<thead><tr><th>Line</th><th>Severity</th><th>Rule</th><th>Message</th></tr></thead>',
    `<tbody>\n${rows.join('\n')}\n</tbody>`,
    '</table>',
    '</section>',
  ].join('\n');
}

export function formatHtml(reports: FileReport[], options: HtmlOptions = {}): string {
  const cwd = options.cwd ?? process.cwd();
  const reportDir = path.resolve(cwd, options.reportDir ?? cwd);
  const generatedAt = options.generatedAt ?? new Date();
  const name = (file: string): string => displayPath(file, cwd);
  const href = (file: string, line?: number): string => draftHref(path.resolve(cwd, file), reportDir, line);

  const drafts = tallyDrafts(reports);
  const tallies = tallyRules(reports);
  const counts = sumCounts(drafts);
  const title = `IMR determination check: ${plural(drafts.length, 'draft')}, ${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}`;
  const meta = `Checked by imr-lint${options.version ? ` ${options.version}` : ''} on ${generatedAt.toISOString().replace('T', ' ').slice(0, 16)} UTC.`;
  const withFindings = drafts.map((draft, index) => ({ draft, index })).filter(({ draft }) => draft.findings.length > 0);

  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="imr-lint">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    '<body>',
    '<header>',
    '<h1>IMR determination check</h1>',
    `<p class="meta">${escapeHtml(meta)}</p>`,
    summaryCards(drafts, counts),
    '</header>',
    '<main>',
    '<h2 id="rules">Findings per rule</h2>',
    tallies.length === 0 ? '<p class="empty">No rule found anything.</p>' : `${findingsChart(tallies, ruleAnchor)}\n${rulesTable(tallies)}`,
    '<h2 id="drafts">Drafts</h2>',
    drafts.length === 0 ? '<p class="empty">No drafts were checked.</p>' : draftsTable(drafts, name, href),
    '<h2 id="findings">Findings by draft</h2>',
    withFindings.length === 0
      ? '<p class="empty">No findings.</p>'
      : withFindings.map(({ draft, index }) => findingsOf(draft, index, name(draft.file), href)).join('\n'),
    '</main>',
    `<footer>Links open the drafts relative to this page's folder; line links use the <code>#L</code> form code hosts understand.</footer>`,
    '</body>',
    '</html>',
  ].join('\n');
}

/** The registry entry behind a finding's rule id. */
function ruleInfo(id: string): (typeof rules)[number] | undefined {
  return rules.find((rule) => rule.id === id);
}
