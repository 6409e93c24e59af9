// The export: one self-contained, script-free HTML document of the letter, ready to print.
import { renderDetermination, type RenderOptions } from './render';
import { exportStyles, letterStyles } from './styles';

export interface ExportOptions extends Omit<RenderOptions, 'mode'> {
  /** The draft's file name, for the title when the front matter has no case number. */
  fileName?: string;
  /** Print the summary with the letter (it is on screen either way; the reader can still untick it). */
  printSummary?: boolean;
}

/** Nothing loads from anywhere, and nothing runs, even if the file is opened from a web server. */
export const EXPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

export function renderExportDocument(text: string, options: ExportOptions = {}): string {
  const rendered = renderDetermination(text, { ...options, mode: 'export' });
  const subject = rendered.caseNumber ?? baseName(options.fileName);
  const title = subject ? `IMR Final Determination ${subject}` : 'IMR Final Determination';
  const checked = options.printSummary ? ' checked' : '';
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(EXPORT_CSP)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="IMR Determinations">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${exportStyles}${letterStyles}</style>`,
    '</head>',
    `<body class="imr-export${options.printSummary ? ' print-summary' : ''}">`,
    '<main class="imr-page">',
    `<div class="print-controls"><label><input type="checkbox" class="print-summary-toggle"${checked}> Print the summary with the letter</label></div>`,
    rendered.html,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

function baseName(file: string | undefined): string | undefined {
  if (!file) return undefined;
  const name = file.split(/[\\/]/).pop();
  return name && name.length > 0 ? name : undefined;
}
