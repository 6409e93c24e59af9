// Every output format of imr-lint, by the name --format takes.
import type { FileReport } from '../report';
import { formatGithub } from './github';
import { formatHtml } from './html';
import { formatJson } from './json';
import { formatJunit } from './junit';
import { formatSarif } from './sarif';
import { formatStylish } from './stylish';

export const FORMATS = ['stylish', 'json', 'sarif', 'github', 'junit', 'html'] as const;
export type FormatName = (typeof FORMATS)[number];

export function formatReports(format: FormatName, reports: FileReport[], version: string): string {
  switch (format) {
    case 'json':
      return formatJson(reports);
    case 'sarif':
      return formatSarif(reports, version);
    case 'github':
      return formatGithub(reports);
    case 'junit':
      return formatJunit(reports);
    case 'html':
      return formatHtml(reports, { version });
    default:
      return formatStylish(reports);
  }
}
