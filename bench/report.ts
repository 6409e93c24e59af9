// The benchmark's results as Markdown tables (printed, and written to bench/RESULTS.md with --write), and the targets they meet.
import type { EngineResult } from './engine';
import type { MemoryResult, RoundTrip, StartupResult } from './lsp-timings';
import type { CliComparison, ProcessResult, ScalingResult } from './process';
import type { SizesResult } from './sizes';
import type { Summary } from './stats';

export interface Machine {
  cpu: string;
  cores: number;
  memoryGB: number;
  node: string;
  platform: string;
  /** 1-, 5- and 15-minute load averages when the run started and when it ended: other work on the machine skews timings. */
  loadAtStart: number[];
  loadAtEnd: number[];
}

export interface Target {
  name: string;
  goal: string;
  measured: string;
  met: boolean;
}

export interface BenchResults {
  date: string;
  command: string;
  machine: Machine;
  engine?: EngineResult[];
  process?: ProcessResult;
  scaling?: ScalingResult;
  lsp?: { debounceMs: number; roundTrips: RoundTrip[]; withDebounce: RoundTrip; startup: StartupResult };
  memory?: MemoryResult | { unavailable: string };
  sizes?: SizesResult;
  targets: Target[];
}

/** The project's performance targets, each judged only on what this run measured. */
export function targetsOf(results: Omit<BenchResults, 'targets'>): Target[] {
  const targets: Target[] = [];
  if (results.process) {
    const { ratio, drafts, draftChars } = results.process;
    targets.push({
      name: `Whole process, ${drafts} drafts of ${kilobytesOf(draftChars)}: imr-lint ÷ markdownlint-cli2 (median of per-pair wall ratios)`,
      goal: '≤ 0.50',
      measured: `${fixed(ratio.wall.median)} (IQR ${fixed(ratio.wall.q1)}–${fixed(ratio.wall.q3)}); CPU ${fixed(ratio.cpu.median)}`,
      met: ratio.wall.median <= 0.5,
    });
  }
  const twenty = results.engine?.find((entry) => entry.size === '20 KB');
  if (twenty) {
    targets.push({
      name: '20 KB full validation ÷ markdownlint, in process (median of per-pair wall ratios)',
      goal: '≤ 0.50',
      measured: `${fixed(twenty.fullVsMarkdownlint.wall.median)} (IQR ${fixed(twenty.fullVsMarkdownlint.wall.q1)}–${fixed(twenty.fullVsMarkdownlint.wall.q3)})`,
      met: twenty.fullVsMarkdownlint.wall.median <= 0.5,
    });
    targets.push({
      name: '20 KB per-keystroke validation ÷ markdownlint full, in process (median of per-pair wall ratios)',
      goal: '≤ 0.50',
      measured: `${fixed(twenty.keystrokeVsMarkdownlint.wall.median)} (IQR ${fixed(twenty.keystrokeVsMarkdownlint.wall.q1)}–${fixed(twenty.keystrokeVsMarkdownlint.wall.q3)})`,
      met: twenty.keystrokeVsMarkdownlint.wall.median <= 0.5,
    });
  }
  for (const [size, limit] of [
    ['1 MB', 100],
    ['20 KB', 10],
  ] as const) {
    const trip = results.lsp?.roundTrips.find((entry) => entry.size === size);
    if (trip)
      targets.push({
        name: `LSP didChange → publishDiagnostics p95, ${size}, debounce 0`,
        goal: `< ${limit} ms`,
        measured: `${trip.p95} ms`,
        met: trip.p95 < limit,
      });
  }
  if (results.memory && 'rssMB' in results.memory) {
    const memory = results.memory;
    targets.push({
      name: `Server resident memory, ${memory.drafts} open ${memory.draftBytes / 1024} KB drafts`,
      goal: '< 120 MB',
      measured: `${memory.rssMB} MB`,
      met: memory.rssMB < 120,
    });
    if (memory.idleRssMB !== undefined)
      targets.push({
        name: `Server resident memory, the same drafts open, the server idle ${memory.idleAfterS} s (checking thread retired)`,
        goal: '< 120 MB',
        measured: `${memory.idleRssMB} MB`,
        met: memory.idleRssMB < 120,
      });
  }
  return targets;
}

export function renderMarkdown(results: BenchResults): string {
  const { machine } = results;
  const lines: string[] = [];
  const push = (...rows: string[]): void => {
    lines.push(...rows);
  };
  push(
    `\`${results.command}\` on ${results.date}. Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGB} GB, Node ${machine.node}, ${machine.platform}.`,
    `Load average (1, 5, 15 min) at the start ${machine.loadAtStart.join(', ')}; at the end ${machine.loadAtEnd.join(', ')}. Other machines and other loads give other numbers.`,
    '',
  );
  if (results.engine || results.process) {
    push(
      'Ratios are ours ÷ theirs for runs made back to back in one round (the order alternates from round to round), summarised as the median with its interquartile range and, in parentheses, the extremes. CPU is user + system time of the process (in process: all its threads; whole process: the child and its own children).',
      '',
    );
  }
  if (results.engine) renderEngine(results.engine, push);
  if (results.process) renderProcess(results.process, push);
  if (results.scaling) renderScaling(results.scaling, push);
  if (results.lsp) renderLsp(results.lsp, push);
  if (results.memory || results.sizes || results.lsp) renderMemoryAndSizes(results, push);
  if (results.targets.length > 0) {
    push('**Targets**', '', '| Target | Goal | Measured | Met |', '|---|---|---|---|');
    for (const target of results.targets) push(`| ${target.name} | ${target.goal} | ${target.measured} | ${target.met ? 'yes' : '**no**'} |`);
    push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

type Push = (...rows: string[]) => void;

function renderEngine(engine: EngineResult[], push: Push): void {
  push(
    '**Engine against markdownlint, in process** (`lint(text)` against `markdownlint/sync` with its default rules on the same generated draft, interleaved; ms: median (q1–q3))',
    '',
    '| Draft | Pairs | Ours, full validation | markdownlint | Full ÷ markdownlint, wall | Full ÷ markdownlint, CPU | Per keystroke ÷ markdownlint, wall |',
    '|---|---:|---:|---:|---:|---:|---:|',
  );
  for (const entry of engine) {
    push(
      `| ${entry.size} | ${entry.pairs} | ${spread(entry.full.wall)} | ${spread(entry.markdownlint.wall)} | ${ratio(entry.fullVsMarkdownlint.wall)} | ${ratio(entry.fullVsMarkdownlint.cpu)} | ${ratio(entry.keystrokeVsMarkdownlint.wall)} |`,
    );
  }
  push(
    '',
    '"Per keystroke" is `lint(text, { parse })` after a one-character edit, with the incremental parser the server keeps per document, run in the same rounds.',
    '',
    '**Where our time goes, in process** (stages run on their own, interleaved with each other; GC is the share of wall time in main-thread garbage-collection pauses)',
    '',
    '| Draft | Characters | Items | Findings (ours / markdownlint) | Per keystroke, median / p95 (ms) | Stages, median ms: parse (remark-parse) / parse as lint reads a draft (parseDraft) / incremental parse / model / rules | GC: full / keystroke / markdownlint | GC in stages: parse / model / rules |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
  );
  for (const entry of engine) {
    const { stages } = entry;
    push(
      `| ${entry.size} | ${entry.chars.toLocaleString('en-US')} | ${entry.items} | ${entry.findings} / ${entry.markdownlintFindings} | ${entry.keystroke.wall.median} / ${entry.keystroke.wall.p95} | ${stages.parse.median} / ${stages.draftParse.median} / ${stages.incrementalParse.median} / ${stages.model.median} / ${stages.rules.median} | ${percent(entry.full.gcShare)} / ${percent(entry.keystroke.gcShare)} / ${percent(entry.markdownlint.gcShare)} | ${percent(stages.parse.gcShare)} / ${percent(stages.model.gcShare)} / ${percent(stages.rules.gcShare)} |`,
    );
  }
  push('');
}

function renderProcess(result: ProcessResult, push: Push): void {
  push(
    `**Whole process** (${result.drafts} generated drafts of about ${kilobytesOf(result.draftChars)} in ${result.folders} folders, ${kilobytesOf(result.corpusBytes)} in all, in a temporary folder; ${result.pairs} interleaved pairs after one untimed pair; output to /dev/null; ms: median (q1–q3))`,
    '',
    '| Command | Wall | CPU | Files | Findings |',
    '|---|---:|---:|---:|---:|',
    `| \`${result.imrLint.command}\` | ${spread(result.imrLint.wall)} | ${spread(result.imrLint.cpu)} | ${result.imrLint.files} | ${result.imrLint.findings} |`,
    `| \`${result.markdownlintCli2.command}\` (default rules, no output formatter) | ${spread(result.markdownlintCli2.wall)} | ${spread(result.markdownlintCli2.cpu)} | ${result.markdownlintCli2.files} | ${result.markdownlintCli2.findings} |`,
    `| **imr-lint ÷ markdownlint-cli2**, per pair | ${ratio(result.ratio.wall)} | ${ratio(result.ratio.cpu)} | | |`,
    '',
  );
}

function renderScaling(result: ScalingResult, push: Push): void {
  const row = (comparison: CliComparison): string[] => [
    `| \`${comparison.a.command}\` | ${comparison.drafts} | ${spread(comparison.a.wall)} | ${spread(comparison.a.cpu)} |`,
    `| \`${comparison.b.command}\` | ${comparison.drafts} | ${spread(comparison.b.wall)} | ${spread(comparison.b.cpu)} |`,
    `| **${comparison.a.command.replace(/^imr-lint /, '')} ÷ ${comparison.b.command.replace(/^imr-lint /, '')}**, per pair (speed-up ${speedUp(comparison)}) | | ${ratio(comparison.ratio.wall)} | ${ratio(comparison.ratio.cpu)} |`,
  ];
  push(
    `**--cache and --jobs** (generated drafts of about 20 KB; ${result.cache.pairs} interleaved pairs each after one untimed pair; ms: median (q1–q3))`,
    '',
    '| Command | Drafts | Wall | CPU |',
    '|---|---:|---:|---:|',
    ...row(result.cache),
    ...row(result.jobs),
    '',
  );
}

/** How many times faster the first command is, from the median per-pair wall ratio. */
function speedUp(comparison: CliComparison): string {
  return `${(1 / comparison.ratio.wall.median).toFixed(2)}×`;
}

function renderLsp(lsp: NonNullable<BenchResults['lsp']>, push: Push): void {
  push(
    '**Language server over stdio** (`dist/server.cjs`; `didChange` sent → `publishDiagnostics` for that version received; one-character edits typed at four places in the rationales)',
    '',
    '| Draft | Edits | Debounce | p50 (ms) | p95 (ms) | max (ms) |',
    '|---|---:|---:|---:|---:|---:|',
  );
  for (const trip of [...lsp.roundTrips, lsp.withDebounce]) {
    const debounce = Number.isNaN(trip.debounceMs) ? `default (${lsp.debounceMs} ms)` : `${trip.debounceMs} ms`;
    push(`| ${trip.size} | ${trip.samples} | ${debounce} | ${trip.p50} | ${trip.p95} | ${trip.max} |`);
  }
  push('');
}

function renderMemoryAndSizes(results: BenchResults, push: Push): void {
  push('**Server memory, start-up and sizes**', '', '| Measure | Value |', '|---|---:|');
  const memory = results.memory;
  if (memory && 'rssMB' in memory) {
    push(
      `| Server resident memory, ${memory.drafts} open ${memory.draftBytes / 1024} KB drafts (VmRSS / peak VmHWM) | ${memory.rssMB} MB / ${memory.peakMB} MB |`,
    );
    if (memory.idleRssMB !== undefined)
      push(`| The same, once the server has been idle ${memory.idleAfterS} s and retired its checking thread (VmRSS) | ${memory.idleRssMB} MB |`);
    if (memory.launch) push(`| The server process, started as the editor's client and imr-language-server start it | \`${memory.launch}\` |`);
  } else if (memory) {
    push(`| Server resident memory | n/a (${memory.unavailable}) |`);
  }
  if (results.lsp) {
    const { startup } = results.lsp;
    push(
      `| Server spawn → initialize response, median / p95 (${startup.initialize.samples} starts) | ${startup.initialize.median} / ${startup.initialize.p95} ms |`,
      `| Server spawn → first diagnostics of a 20 KB draft, median / p95 | ${startup.firstDiagnostics.median} / ${startup.firstDiagnostics.p95} ms |`,
    );
  }
  if (results.sizes) {
    for (const [name, bytes] of Object.entries(results.sizes.bundles)) push(`| dist/${name} | ${kilobytes(bytes)} |`);
    const vsix = results.sizes.vsix;
    push(`| VSIX | ${vsix.bytes === null ? `n/a (${vsix.reason})` : `${kilobytes(vsix.bytes)} (${vsix.file})`} |`);
  }
  push('');
}

function spread(summary: Summary): string {
  if (summary.samples === 0 || Number.isNaN(summary.median)) return 'n/a';
  return `${summary.median} (${summary.q1}–${summary.q3})`;
}

function ratio(summary: Summary): string {
  if (summary.samples === 0 || Number.isNaN(summary.median)) return 'n/a';
  return `**${fixed(summary.median)}** (IQR ${fixed(summary.q1)}–${fixed(summary.q3)}; ${fixed(summary.min)}–${fixed(summary.max)})`;
}

function fixed(value: number): string {
  return value.toFixed(2);
}

function percent(share: number): string {
  return Number.isFinite(share) ? `${Math.round(share * 100)} %` : 'n/a';
}

function kilobytes(bytes: number): string {
  return `${(bytes / 1024).toLocaleString('en-US', { maximumFractionDigits: 1 })} KB`;
}

function kilobytesOf(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`;
}
