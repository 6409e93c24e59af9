// imr-lint: checks IMR determination drafts from the command line, over the same engine as the editor.
import { Command, Option } from 'commander';
import type { CheckResult, Finding, ImrService } from '../../engine/src';
import { expandPaths, readDraft, writeAtomically } from './files';
import { formatJson } from './formats/json';
import { formatSarif } from './formats/sarif';
import { formatStylish } from './formats/stylish';
import { cliService, draftDocument, loadCliConfig } from './config';
import { addExportOptions, exportDrafts, wantsExport } from './export';
import type { FileReport } from './report';

declare const IMR_VERSION: string;
const version = typeof IMR_VERSION === 'string' ? IMR_VERSION : '0.0.0-dev';

/** Exit statuses: the contract batch users and CI scripts rely on. */
export const EXIT = { clean: 0, errors: 1, usage: 2 } as const;

interface CliOptions {
  format: 'stylish' | 'json' | 'sarif';
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
    .addOption(new Option('-f, --format <format>', 'output format').choices(['stylish', 'json', 'sarif']).default('stylish'))
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
  const service = cliService(options.config);
  for (const file of files) {
    const loaded = await loadCliConfig(file, options.config);
    if (!loaded.ok) {
      status = EXIT.usage;
      // An invalid --config is bad usage: nothing is linted. A discovered one is reported once and the defaults apply.
      if (options.config) {
        process.stderr.write(`imr-lint: ${loaded.message}\n`);
        break;
      }
      if (!reported.has(loaded.message)) process.stderr.write(`imr-lint: ${loaded.message}; the defaults apply\n`);
      reported.add(loaded.message);
    }
    const read = await readDraft(file);
    if (!read.ok) {
      process.stderr.write(`imr-lint: ${file} ${read.reason}\n`);
      status = EXIT.usage;
      continue;
    }
    // As in the editor, Markdown found by a search is checked only when it is a determination; ignored drafts never.
    const document = draftDocument(file, read.text, !searched.has(file));
    const result = await service.check(document);
    service.closeDocument(document.uri);
    if (!result) continue;
    // Fixes are never written with a configuration that could not be read.
    let findings = options.fix && loaded.ok ? await fixFile(service, file, read.bom, result) : result.findings;
    if (options.quiet) findings = findings.filter((finding) => finding.severity === 'error');
    reports.push({ file, findings });
  }

  const output = options.format === 'json' ? formatJson(reports) : options.format === 'sarif' ? formatSarif(reports, version) : formatStylish(reports);
  if (output.length > 0) process.stdout.write(`${output}\n`);
  const hasErrors = reports.some((report) => report.findings.some((finding: Finding) => finding.severity === 'error'));
  if (status === EXIT.usage) return EXIT.usage;
  return hasErrors ? EXIT.errors : EXIT.clean;
}

/** Applies every obvious fix (pass after pass, as the editor's fix-all does), then writes the file once. */
async function fixFile(service: ImrService, file: string, bom: string, result: CheckResult): Promise<Finding[]> {
  const fixed = service.fixAll(result);
  if (fixed.text !== result.text) await writeAtomically(file, bom + fixed.text);
  return fixed.remaining;
}
