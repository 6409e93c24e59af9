// imr-lint: checks IMR determination drafts from the command line, over the same engine as the editor.
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command, InvalidArgumentError, Option } from 'commander';
import type { Finding } from '../../engine/src';
import { cacheFile, DEFAULT_CACHE_LOCATION, ResultCache } from './cache';
import { getRunDate } from './config';
import { expandPaths } from './files';
import { FORMATS, formatReports, type FormatName } from './formats';
import { defaultJobs, runJobs } from './jobs';
import type { FileTask, LintRunOptions } from './lint-file';
import { createProgress } from './progress';
import { addExportOptions, exportDrafts, wantsExport } from './export';
import type { FileReport } from './report';
import { escapeControl, printError } from './terminal';

declare const IMR_VERSION: string;
const version = typeof IMR_VERSION === 'string' ? IMR_VERSION : '0.0.0-dev';

/** Exit statuses: the contract batch users and CI scripts rely on. */
export const EXIT = { clean: 0, errors: 1, usage: 2 } as const;

interface CliOptions {
  format: FormatName;
  fix: boolean;
  config?: string;
  quiet: boolean;
  jobs: number;
  cache: boolean;
  cacheLocation?: string;
}

function positiveInteger(value: string): number {
  const number = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(number) || number < 1) throw new InvalidArgumentError('a whole number of threads, at least 1');
  return number;
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
    .option('-j, --jobs <n>', 'check drafts on up to n threads (by default one per core); a run of few drafts stays on one', positiveInteger, defaultJobs())
    .option('--cache', "keep each draft's findings, and check again only the drafts, configurations or versions that changed", false)
    .option('--cache-location <path>', `with --cache, the cache file, or the folder it goes in (default: ${DEFAULT_CACHE_LOCATION})`)
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
  const progress = createProgress(files.length);
  // Messages during the run take a line of their own above the progress bar, escaped; some are said once.
  const said = new Set<string>();
  const say = (message: string, once = false): void => {
    if (once && said.has(message)) return;
    said.add(message);
    progress.print(`imr-lint: ${escapeControl(message, true)}\n`);
  };
  const cache = options.cache ? ResultCache.load(cacheFile(options.cacheLocation)) : undefined;
  const run: LintRunOptions = { config: options.config, fix: options.fix, cache: cache !== undefined, engine: engineVersion(), today: getRunDate() };
  const tasks: FileTask[] = files.map((file) => ({ file, searched: searched.has(file), cached: cache?.get(file) }));
  let index = 0;
  await runJobs(tasks, run, options.jobs, (outcome) => {
    const file = tasks[index++].file;
    progress.tick();
    for (const notice of outcome.notices) say(notice.text, notice.once);
    if (outcome.usage) status = EXIT.usage;
    if (outcome.stop) return false;
    cache?.set(file, outcome.cache);
    if (outcome.report) {
      const findings = options.quiet ? outcome.report.findings.filter((finding) => finding.severity === 'error') : outcome.report.findings;
      reports.push({ file: outcome.report.file, findings });
    }
    return true;
  });
  const unsaved = cache?.save();
  if (unsaved) say(`warning: ${unsaved}`);

  progress.clear();
  const output = formatReports(options.format, reports, version);
  if (output.length > 0) process.stdout.write(`${output}\n`);
  const hasErrors = reports.some((report) => report.findings.some((finding: Finding) => finding.severity === 'error'));
  if (status === EXIT.usage) return EXIT.usage;
  return hasErrors ? EXIT.errors : EXIT.clean;
}

/** The engine as the cache names it: its version, and the build that runs (a rebuilt bundle is another engine). */
function engineVersion(): string {
  try {
    const bundle = statSync(fileURLToPath(import.meta.url));
    return `${version} ${bundle.size} ${bundle.mtimeMs}`;
  } catch {
    return version;
  }
}
