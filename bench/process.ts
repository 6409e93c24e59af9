// Whole process against whole process: `imr-lint` against `markdownlint-cli2` on a generated corpus, interleaved run by run.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { compare, type Comparison } from './engine';
import { generateDraft } from './generate';
import { interleave } from './interleave';
import { summarize, type Summary } from './stats';

const ROOT = path.resolve(import.meta.dirname, '..');
export const CLI_BUNDLE = path.join(ROOT, 'dist', 'cli.cjs');
const MARKDOWNLINT_CLI2 = path.join(path.dirname(createRequire(import.meta.url).resolve('markdownlint-cli2')), 'markdownlint-cli2-bin.mjs');

export interface Side {
  command: string;
  wall: Summary;
  /** User + system CPU of the process and its children, ms (NaN where the system does not say). */
  cpu: Summary;
  /** Files it reported on and findings, from one untimed run before the timed ones. */
  files: number;
  findings: number;
}

export interface ProcessResult {
  drafts: number;
  folders: number;
  draftChars: number;
  corpusBytes: number;
  pairs: number;
  imrLint: Side;
  markdownlintCli2: Side;
  /** Per-pair ratios, imr-lint over markdownlint-cli2. */
  ratio: Comparison;
}

export interface CorpusOptions {
  drafts: number;
  size: number;
  /** The drafts are spread over this many folders, as a reviewer's archive is (by month). */
  folders: number;
}

/** Writes the corpus into a new temporary folder; the caller removes it. */
export function writeCorpus({ drafts, size, folders }: CorpusOptions): { folder: string; bytes: number; chars: number } {
  const folder = mkdtempSync(path.join(tmpdir(), 'imr-bench-corpus-'));
  let bytes = 0;
  let chars = 0;
  for (let draft = 0; draft < drafts; draft++) {
    const month = path.join(folder, `2015-${String((draft % folders) + 1).padStart(2, '0')}`);
    mkdirSync(month, { recursive: true });
    const text = generateDraft({ size, seed: 1000 + draft });
    const file = path.join(month, `CM15-${String(100001 + draft).padStart(7, '0')}.imr.md`);
    writeFileSync(file, text);
    bytes += Buffer.byteLength(text);
    chars += text.length;
  }
  return { folder, bytes, chars: Math.round(chars / drafts) };
}

/** markdownlint-cli2 reads its options from the folder it runs in: default rules, and nothing printed. */
function configureMarkdownlintCli2(folder: string, quiet: boolean): void {
  const options = quiet ? { config: { default: true }, noBanner: true, noProgress: true, outputFormatters: [] } : { config: { default: true } };
  writeFileSync(path.join(folder, '.markdownlint-cli2.jsonc'), `${JSON.stringify(options, null, 2)}\n`);
}

export async function measureProcess(options: CorpusOptions & { pairs: number; onPair?: (pair: number) => void }): Promise<ProcessResult> {
  const corpus = writeCorpus(options);
  try {
    const imrArgs = [CLI_BUNDLE, '.'];
    const cli2Args = [MARKDOWNLINT_CLI2, '**/*.md'];
    const ours = countImrLint(corpus.folder);
    configureMarkdownlintCli2(corpus.folder, false);
    const theirs = countMarkdownlintCli2(corpus.folder);
    configureMarkdownlintCli2(corpus.folder, true);
    if (ours.files !== options.drafts || theirs.files !== options.drafts) {
      throw new Error(`the corpus has ${options.drafts} drafts, but imr-lint checked ${ours.files} and markdownlint-cli2 ${theirs.files}`);
    }
    const runOnce = (name: string, args: string[]) => () => {
      const result = spawnSync(process.execPath, args, { cwd: corpus.folder, stdio: 'ignore' });
      // Both exit 1 when they find errors; anything else means the run did not do the work.
      if (result.status !== 0 && result.status !== 1) throw new Error(`${name} exited with ${result.status ?? result.signal} in ${corpus.folder}`);
    };
    const runs = await interleave(
      [
        { name: 'imr-lint', run: runOnce('imr-lint', imrArgs) },
        { name: 'markdownlint-cli2', run: runOnce('markdownlint-cli2', cli2Args) },
      ],
      { rounds: options.pairs, warmup: 1, cpuClock: childrenCpu, afterRound: options.onPair },
    );
    const side = (command: string, samples: (typeof runs)[string], counts: { files: number; findings: number }): Side => ({
      command,
      wall: summarize(samples.wall),
      cpu: summarize(samples.cpu),
      ...counts,
    });
    return {
      drafts: options.drafts,
      folders: options.folders,
      draftChars: corpus.chars,
      corpusBytes: corpus.bytes,
      pairs: options.pairs,
      imrLint: side(`node ${path.relative(ROOT, CLI_BUNDLE)} .`, runs['imr-lint'], ours),
      markdownlintCli2: side(`node ${path.relative(ROOT, MARKDOWNLINT_CLI2)} "**/*.md"`, runs['markdownlint-cli2'], theirs),
      ratio: compare(runs['imr-lint'], runs['markdownlint-cli2']),
    };
  } finally {
    rmSync(corpus.folder, { recursive: true, force: true });
  }
}

function countImrLint(folder: string): { files: number; findings: number } {
  const result = spawnSync(process.execPath, [CLI_BUNDLE, '--format', 'json', '.'], { cwd: folder, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (result.status !== 0 && result.status !== 1) throw new Error(`imr-lint exited with ${result.status}: ${result.stderr}`);
  const reports = JSON.parse(result.stdout) as { diagnostics: unknown[] }[];
  return { files: reports.length, findings: reports.reduce((sum, report) => sum + report.diagnostics.length, 0) };
}

function countMarkdownlintCli2(folder: string): { files: number; findings: number } {
  const result = spawnSync(process.execPath, [MARKDOWNLINT_CLI2, '**/*.md'], { cwd: folder, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (result.status !== 0 && result.status !== 1) throw new Error(`markdownlint-cli2 exited with ${result.status}: ${result.stderr}`);
  const files = /Linting: (\d+) file/.exec(result.stdout);
  const findings = /Summary: (\d+) (?:issue|error)/.exec(result.stdout);
  if (!files || !findings) throw new Error(`markdownlint-cli2 printed no summary: ${result.stdout.slice(0, 500)}`);
  return { files: Number(files[1]), findings: Number(findings[1]) };
}

let ticksPerSecond: number | undefined;

/** CPU milliseconds of this process's finished children (Linux /proc: cutime + cstime), NaN elsewhere. */
export function childrenCpu(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    // Fields after the command name, which is in parentheses and may hold spaces; cutime and cstime are fields 16 and 17.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / ticksPerSecond;
  } catch {
    return NaN;
  }
}

/** Two ways of running imr-lint on one corpus, interleaved: `a` over `b`. */
export interface CliComparison {
  drafts: number;
  pairs: number;
  a: { command: string; wall: Summary; cpu: Summary };
  b: { command: string; wall: Summary; cpu: Summary };
  ratio: Comparison;
}

export interface ScalingResult {
  /** A run with a warm --cache over a run without one, on the whole-process corpus. */
  cache: CliComparison;
  /** --jobs 2 over --jobs 1 on a corpus ten times as large. */
  jobs: CliComparison;
}

async function compareCli(
  corpus: CorpusOptions,
  pairs: number,
  a: { label: string; args: (folder: string) => string[] },
  b: { label: string; args: (folder: string) => string[] },
  prepare?: (folder: string) => void,
): Promise<CliComparison> {
  const { folder } = writeCorpus(corpus);
  try {
    prepare?.(folder);
    const runOnce = (args: string[]) => () => {
      const result = spawnSync(process.execPath, [CLI_BUNDLE, ...args], { cwd: folder, stdio: 'ignore' });
      if (result.status !== 0 && result.status !== 1) throw new Error(`imr-lint ${args.join(' ')} exited with ${result.status ?? result.signal} in ${folder}`);
    };
    const runs = await interleave(
      [
        { name: 'a', run: runOnce(a.args(folder)) },
        { name: 'b', run: runOnce(b.args(folder)) },
      ],
      { rounds: pairs, warmup: 1, cpuClock: childrenCpu },
    );
    const side = (label: string, samples: (typeof runs)[string]) => ({ command: label, wall: summarize(samples.wall), cpu: summarize(samples.cpu) });
    return { drafts: corpus.drafts, pairs, a: side(a.label, runs.a), b: side(b.label, runs.b), ratio: compare(runs.a, runs.b) };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** What --cache and --jobs buy: a warm cache against no cache, and two threads against one on 2,000 drafts. */
export async function measureScaling(options: { size: number; folders: number; pairs: number; jobsDrafts: number }): Promise<ScalingResult> {
  const cacheFile = (folder: string): string => path.join(folder, '.bench-cache.json');
  const cache = await compareCli(
    { drafts: 200, size: options.size, folders: options.folders },
    options.pairs,
    { label: 'imr-lint --cache . (warm)', args: (folder) => ['--cache', '--cache-location', cacheFile(folder), '.'] },
    { label: 'imr-lint .', args: () => ['.'] },
    // The cache is filled once, before the timed runs; it stays warm since no draft changes.
    (folder) => void spawnSync(process.execPath, [CLI_BUNDLE, '--cache', '--cache-location', cacheFile(folder), '.'], { cwd: folder, stdio: 'ignore' }),
  );
  const jobs = await compareCli(
    { drafts: options.jobsDrafts, size: options.size, folders: options.folders * 10 },
    options.pairs,
    { label: 'imr-lint --jobs 2 .', args: () => ['--jobs', '2', '.'] },
    { label: 'imr-lint --jobs 1 .', args: () => ['--jobs', '1', '.'] },
  );
  return { cache, jobs };
}
