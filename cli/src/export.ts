// imr-lint --export html: writes a draft as one self-contained, script-free HTML letter, instead of linting.
import { promises as fs } from 'node:fs';
import { Option, type Command } from 'commander';
import { exportFileName } from '../../engine/src';
import { exportLetter, loadCliConfig } from './config';
import { expandPaths, readDraft } from './files';

export interface ExportOptions {
  export?: 'html';
  out?: string;
  printSummary?: boolean;
  fix?: boolean;
  config?: string;
}

const STATUS = { done: 0, usage: 2 } as const;

export function addExportOptions(program: Command): void {
  program
    .addOption(
      new Option('--export <format>', 'write each draft as a self-contained HTML letter (no scripts, print-ready) instead of linting').choices(['html']),
    )
    .option('-o, --out <file>', "with --export: the file to write (default: the draft's name with .html, beside it; one draft only)")
    .option('--print-summary', 'with --export: print the summary (case, items, findings) with the letter; by default it shows on screen only');
}

export function wantsExport(options: ExportOptions): boolean {
  return options.export !== undefined || options.out !== undefined || options.printSummary !== undefined;
}

/** Writes the letters and nothing else (no report); 0 when every file was written, 2 otherwise. */
export async function exportDrafts(args: string[], options: ExportOptions): Promise<number> {
  const usage = (message: string): number => {
    process.stderr.write(`imr-lint: ${message}\n`);
    return STATUS.usage;
  };
  if (options.export === undefined) return usage('--out and --print-summary go with --export html.');
  if (options.fix) return usage('--fix and --export cannot be combined; fix the draft first, then export it.');
  const { files, problems } = await expandPaths(args);
  for (const problem of problems) process.stderr.write(`imr-lint: ${problem}\n`);
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
    const read = await readDraft(file);
    if (!read.ok) {
      status = usage(`${file} ${read.reason}`);
      continue;
    }
    const target = options.out ?? exportFileName(file);
    const html = await exportLetter(options.config, file, read.text, options.printSummary === true);
    try {
      await fs.writeFile(target, html, 'utf8');
    } catch (error) {
      status = usage(`cannot write ${target} (${(error as Error).message}).`);
    }
  }
  return status;
}
