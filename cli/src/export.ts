// imr-lint --export html: writes a draft as one self-contained, script-free HTML letter, instead of linting.
import { Option, type Command } from 'commander';
import { DEFAULT_MAX_FILE_SIZE, exportFileName, isDeterminationDocument } from '../../engine/src';
import { draftDocument, exportLetter, loadCliConfig } from './config';
import { expandPaths, readDraft } from './files';
import { displayPath, printError } from './terminal';
import { writeExport } from './write';

export interface ExportOptions {
  export?: 'html';
  out?: string;
  printSummary?: boolean;
  fix?: boolean;
  config?: string;
  force?: boolean;
}

const STATUS = { done: 0, usage: 2 } as const;

export function addExportOptions(program: Command): void {
  program
    .addOption(
      new Option('--export <format>', 'write each draft as a self-contained HTML letter (no scripts, print-ready) instead of linting').choices(['html']),
    )
    .option('-o, --out <file>', "with --export: the file to write (default: the draft's name with .html, beside it; one draft only)")
    .option('--print-summary', 'with --export: print the summary (case, items, findings) with the letter; by default it shows on screen only')
    .option('--force', 'with --export: overwrite a file imr-lint did not write, or replace a symbolic link, at the target');
}

export function wantsExport(options: ExportOptions): boolean {
  return options.export !== undefined || options.out !== undefined || options.printSummary !== undefined || options.force !== undefined;
}

/** Writes the letters and nothing else (no report); 0 when every file was written, 2 otherwise. */
export async function exportDrafts(args: string[], options: ExportOptions): Promise<number> {
  const usage = (message: string): number => {
    printError(message);
    return STATUS.usage;
  };
  if (options.export === undefined) return usage('--out, --print-summary and --force go with --export html.');
  if (options.fix) return usage('--fix and --export cannot be combined; fix the draft first, then export it.');
  const { files, searched, problems } = await expandPaths(args);
  for (const problem of problems) printError(problem);
  if (problems.length > 0) return STATUS.usage;
  if (options.out !== undefined && files.length !== 1) {
    return usage(`--out names one file, but ${files.length} drafts were given; export them one at a time, or leave out --out to write each beside its draft.`);
  }
  let status: number = STATUS.done;
  for (const file of files) {
    const config = await loadCliConfig(file, options.config);
    if (!config.ok) {
      status = usage(config.message);
      continue;
    }
    if (searched.has(file) && config.ignored) continue;
    const read = readDraft(file, config.config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE);
    if (!read.ok) {
      // A file too large to read, found by a search, cannot be told to be a determination: it is left alone.
      if (read.tooLarge === undefined || !searched.has(file)) status = usage(`${displayPath(file)} ${read.reason}`);
      continue;
    }
    // A folder exports its determinations, not every Markdown file in it (a README stays a README).
    if (searched.has(file) && !isDeterminationDocument(draftDocument(file, read.text, false), config.config)) continue;
    const target = options.out ?? exportFileName(file);
    let html: string;
    try {
      html = await exportLetter(options.config, file, read.text, options.printSummary === true);
    } catch (error) {
      // A letter whose check was stopped over budget is not written; the reason is the finding's.
      status = usage(`${displayPath(file)} was not exported: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    const outcome = writeExport(target, html, options.force === true);
    if (!outcome.written) status = usage(`${displayPath(target)} ${outcome.reason}`);
  }
  return status;
}
