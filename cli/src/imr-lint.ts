// imr-lint: checks IMR determination drafts from the command line, over the same engine as the editor.
import { Command, Option } from 'commander';
import { isDetermination, lint, type Finding, type ImrConfig } from '../../engine/src';
import { fixAll } from '../../engine/src/language/fix-all';
import { expandPaths, readDraft, writeAtomically } from './files';
import { FORMATS, formatReports, type FormatName } from './formats';
import { createProgress } from './progress';
import { loadCliConfig } from './config';
import { addExportOptions, exportDrafts, wantsExport } from './export';
import type { FileReport } from './report';

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
  for (const problem of problems) process.stderr.write(`imr-lint: ${problem}\n`);

  const reports: FileReport[] = [];
  const reported = new Set<string>();
  const progress = createProgress(files.length);
  for (const file of files) {
    progress.tick();
    const loaded = await loadCliConfig(file, options.config);
    if (!loaded.ok) {
      status = EXIT.usage;
      // An invalid --config is bad usage: nothing is linted. A discovered one is reported once and the defaults apply.
      if (options.config) {
        progress.print(`imr-lint: ${loaded.message}\n`);
        break;
      }
      if (!reported.has(loaded.message)) progress.print(`imr-lint: ${loaded.message}; the defaults apply\n`);
      reported.add(loaded.message);
    }
    const config = loaded.ok ? loaded : { config: {}, ignored: false };
    const read = await readDraft(file);
    if (!read.ok) {
      progress.print(`imr-lint: ${file} ${read.reason}\n`);
      status = EXIT.usage;
      continue;
    }
    if (config.ignored) continue;
    // As in the editor, Markdown found by a search is checked only when it is a determination.
    if (searched.has(file) && !isDetermination(read.text, file, config.config)) continue;
    let findings = lint(read.text, { config: config.config }).findings;
    // Fixes are never written with a configuration that could not be read.
    if (options.fix && loaded.ok) findings = await fixFile(file, read.text, read.bom, config.config, findings);
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

/** Applies every obvious fix (pass after pass, as the editor's fix-all does), then writes the file once. */
async function fixFile(file: string, original: string, bom: string, config: ImrConfig, findings: Finding[]): Promise<Finding[]> {
  const fixed = fixAll(original, { config }, findings);
  if (fixed.text !== original) await writeAtomically(file, bom + fixed.text);
  return fixed.remaining;
}
