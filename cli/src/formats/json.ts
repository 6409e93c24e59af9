// Machine output: one entry per file, LSP positions (0-based).
import * as path from 'node:path';
import type { FileReport } from '../report';

export function formatJson(reports: FileReport[], cwd = process.cwd()): string {
  const display = (file: string): string => {
    const relative = path.relative(cwd, file);
    return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
  };
  return JSON.stringify(
    reports.map((report) => ({
      file: display(report.file),
      diagnostics: report.findings.map((finding) => ({
        ruleId: finding.ruleId,
        severity: finding.severity,
        message: finding.message,
        range: finding.range,
      })),
    })),
    null,
    2,
  );
}
