// GitHub Actions workflow commands: one annotation per finding, shown on the pull request's diff and the run's summary.
import type { Finding, Severity } from '../../../engine/src';
import type { FileReport } from '../report';
import { displayPath } from './paths';

const COMMAND: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

/** The message part of a workflow command (what the runner's toolkit escapes as "data"). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value (file, title): also ":" and ",", which would end it. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function annotation(file: string, finding: Finding): string {
  const { start, end } = finding.range;
  const properties = [`file=${escapeProperty(file)}`, `line=${start.line + 1}`];
  // GitHub places columns only within one line; a range over several lines is given by its lines alone.
  if (start.line === end.line) properties.push(`col=${start.character + 1}`);
  properties.push(`endLine=${end.line + 1}`);
  if (start.line === end.line) properties.push(`endColumn=${Math.max(end.character, start.character + 1)}`);
  properties.push(`title=${escapeProperty(finding.ruleId)}`);
  return `::${COMMAND[finding.severity]} ${properties.join(',')}::${escapeData(finding.message)}`;
}

export function formatGithub(reports: FileReport[], cwd = process.cwd()): string {
  return reports.flatMap((report) => report.findings.map((finding) => annotation(displayPath(report.file, cwd), finding))).join('\n');
}
