// Human output: one line per finding, `file:line:col  severity  message  rule-id`; control characters are shown escaped.
import * as path from 'node:path';
import type { FileReport } from '../report';
import { escapeControl } from '../terminal';

export function formatStylish(reports: FileReport[], cwd = process.cwd()): string {
  const lines: string[] = [];
  const counts = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const report of reports) {
    const file = escapeControl(path.relative(cwd, report.file) || report.file);
    for (const finding of report.findings) {
      counts[finding.severity]++;
      const where = `${file}:${finding.range.start.line + 1}:${finding.range.start.character + 1}`;
      lines.push(`${where}  ${finding.severity.padEnd(7)}  ${escapeControl(finding.message)}  ${escapeControl(finding.ruleId)}`);
    }
  }
  const total = counts.error + counts.warning + counts.info + counts.hint;
  if (total === 0) return lines.join('\n');
  const parts = [`${counts.error} error${counts.error === 1 ? '' : 's'}`, `${counts.warning} warning${counts.warning === 1 ? '' : 's'}`];
  if (counts.info) parts.push(`${counts.info} info`);
  if (counts.hint) parts.push(`${counts.hint} hint${counts.hint === 1 ? '' : 's'}`);
  lines.push('', `${total} problem${total === 1 ? '' : 's'} (${parts.join(', ')}) in ${reports.length} file${reports.length === 1 ? '' : 's'}`);
  return lines.join('\n');
}
