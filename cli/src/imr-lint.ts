// imr-lint: checks IMR determination drafts from the command line, over the same engine as the editor.
import { Command, Option } from 'commander';
import { DEFAULT_MAX_FILE_SIZE, tooLargeFindings, type CheckResult, type Finding, type ImrConfig, type ImrService } from '../../engine/src';
import { expandPaths, readDraft } from './files';
import { FORMATS, formatReports, type FormatName } from './formats';
import { createProgress } from './progress';
import { writeFixedDraft, type DraftAsRead } from './write';
import { cliService, draftDocument, loadCliConfig } from './config';
import { addExportOptions, exportDrafts, wantsExport } from './export';
import type { FileReport } from './report';
import { displayPath, escapeControl, printError } from './terminal';

declare const IMR_VERSION: string;
const version = typeof IMR_VERSION === 'string' ? IMR_VERSION : '0.0.0-dev';

/** Exit statuses: the contract batch users and CI scripts rely on. */
export const EXIT = { clean: 0, errors: 1, usage: 2 } as const;

interface CliOptions {
  format: FormatName;
  fix: boolean;
  config?: string;
  quiet: boolean;
}

export async function main(argv: string[]): Promise<number> {
  const program = new Command()
    .name('imr-lint')
    .description('Check IMR final determination drafts (Markdown) for missing sections, wrong decision words, malformed citations and contradictions.')
    .version(version)
    .argument('<paths...>', 'files, directories (searched for *.md determinations) or globs')
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS).default('stylish'))
    .option('--fix', 'apply the obvious fixes and write the files back', false)
    .option('-c, --config <path>', 'configuration file to use instead of the .imrlintrc.json files found beside the drafts')
    .option('-q, --quiet', 'report errors only', false)
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });

  addExportOptions(program);
  try {
    program.parse(argv, { from: 'user' });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'commander.helpDisplayed' || code === 'commander.version') return EXIT.clean;
    return EXIT.usage;
  }
  const options = program.opts<CliOptions>();
  if (wantsExport(program.opts())) return exportDrafts(program.args, program.opts());
  const { files, searched, problems } = await expandPaths(program.args);
  let status: number = problems.length > 0 ? EXIT.usage : EXIT.clean;
  for (const problem of problems) printError(problem);

  const reports: FileReport[] = [];
  const reported = new Set<string>();
  const service = cliService(options.config);
  const progress = createProgress(files.length);
  // Messages during the run take a line of their own above the progress bar, escaped.
  const say = (message: string): void => progress.print(`imr-lint: ${escapeControl(message, true)}\n`);
  for (const file of files) {
    progress.tick();
    const loaded = await loadCliConfig(file, options.config);
    if (!loaded.ok) {
      status = EXIT.usage;
      // An invalid --config is bad usage: nothing is linted. A discovered one is reported once and the defaults apply.
      if (options.config) {
        say(loaded.message);
        break;
      }
      if (!reported.has(loaded.message)) say(`${loaded.message}; the defaults apply`);
      reported.add(loaded.message);
    }
    const config: { config: ImrConfig; ignored: boolean } = loaded.ok ? loaded : { config: {}, ignored: false };
    // An ignored draft is never opened: a link to a device there costs nothing.
    if (config.ignored) continue;
    const limit = config.config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
    const read = readDraft(file, limit);
    if (!read.ok && read.tooLarge !== undefined) {
      // Too large to be read, so too large to tell whether it is a determination: a search only mentions it.
      if (searched.has(file)) say(`warning: ${displayPath(file)} was not checked: it ${read.reason}`);
      else reports.push({ file, findings: [...tooLargeFindings(`${read.tooLarge.toLocaleString('en-US')} bytes`, limit, config.config)] });
      continue;
    }
    if (!read.ok) {
      say(`${displayPath(file)} ${read.reason}`);
      status = EXIT.usage;
      continue;
    }
    // As in the editor, Markdown found by a search is checked only when it is a determination.
    const document = draftDocument(file, read.text, !searched.has(file));
    const result = await service.check(document);
    service.closeDocument(document.uri);
    if (!result) continue;
    let findings = result.findings;
    // Fixes are never written with a configuration that could not be read.
    if (options.fix && loaded.ok) {
      const fixed = await fixFile(service, file, read, result);
      findings = fixed.findings;
      if (!fixed.written) status = EXIT.usage;
    }
    if (options.quiet) findings = findings.filter((finding) => finding.severity === 'error');
    reports.push({ file, findings });
  }

  progress.clear();
  const output = formatReports(options.format, reports, version);
  if (output.length > 0) process.stdout.write(`${output}\n`);
  const hasErrors = reports.some((report) => report.findings.some((finding: Finding) => finding.severity === 'error'));
  if (status === EXIT.usage) return EXIT.usage;
  return hasErrors ? EXIT.errors : EXIT.clean;
}

/** Applies every obvious fix (pass after pass, as the editor's fix-all does), then writes the file once; a refusal is reported. */
async function fixFile(
  service: ImrService,
  file: string,
  read: DraftAsRead & { text: string },
  result: CheckResult,
): Promise<{ findings: Finding[]; written: boolean }> {
  const fixed = await service.fixAll(result);
  // Stopped over budget: nothing was fixed, and the finding says why.
  if (fixed.stopped) printError(`${displayPath(file)} was not fixed: ${fixed.stopped.message}`);
  if (fixed.text === read.text) return { findings: fixed.remaining, written: true };
  const outcome = writeFixedDraft(file, read, fixed.text);
  if (outcome.written) return { findings: fixed.remaining, written: true };
  printError(`${displayPath(file)} ${outcome.reason}`);
  return { findings: result.findings, written: false };
}
