// The benchmark's results as Markdown tables (printed, and written to bench/RESULTS.md with --write).
import type { EngineResult } from './engine';
import type { MemoryResult, RoundTrip, StartupResult } from './lsp-timings';
import type { SizesResult } from './sizes';

export interface Machine {
  cpu: string;
  cores: number;
  node: string;
  platform: string;
  /** 1-minute load average when the run started: other work on the machine skews timings. */
  loadAverage: number;
}

export interface Target {
  name: string;
  target: string;
  measured: string;
  met: boolean;
}

export interface BenchResults {
  date: string;
  machine: Machine;
  engine: EngineResult[];
  lsp: { debounceMs: number; roundTrips: RoundTrip[]; withDebounce?: RoundTrip };
  memory?: MemoryResult;
  startup: StartupResult;
  sizes: SizesResult;
  targets: Target[];
}

export function targetsOf(results: Omit<BenchResults, 'targets'>): Target[] {
  const targets: Target[] = [];
  const twenty = results.engine.find((entry) => entry.size === '20 KB');
  if (twenty) {
    targets.push({
      name: 'Validation of a 20 KB draft per keystroke (incremental parse + model + rules) ≤ ½ markdownlint',
      target: '≤ 0.50',
      measured: `${twenty.ratioKeystroke.toFixed(2)} (${twenty.keystroke.median} ms vs ${twenty.markdownlint.median} ms)`,
      met: twenty.ratioKeystroke <= 0.5,
    });
    targets.push({
      name: 'Cold validation of a 20 KB draft (full parse + model + rules) ≤ ½ markdownlint',
      target: '≤ 0.50',
      measured: `${twenty.ratioFull.toFixed(2)} (${twenty.full.median} ms vs ${twenty.markdownlint.median} ms)`,
      met: twenty.ratioFull <= 0.5,
    });
  }
  for (const [size, limit] of [
    ['20 KB', 30],
    ['1 MB', 250],
  ] as const) {
    const trip = results.lsp.roundTrips.find((entry) => entry.size === size);
    if (trip)
      targets.push({ name: `LSP edit → diagnostics p95, ${size}, debounce 0`, target: `< ${limit} ms`, measured: `${trip.p95} ms`, met: trip.p95 < limit });
  }
  if (results.memory) {
    targets.push({
      name: `Server memory with ${results.memory.drafts} open ${results.memory.draftBytes / 1024} KB drafts`,
      target: '< 150 MB',
      measured: `${results.memory.rssMB} MB RSS`,
      met: results.memory.rssMB < 150,
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
    `Machine: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, ${machine.platform}; 1-minute load average ${machine.loadAverage} at the start (${results.date}).`,
    '',
    '**Engine, in process** (generated drafts: many disputed items, multi-paragraph rationales; times in ms, median / p95)',
    '',
    '| Draft | Items | Full validation | Per keystroke | markdownlint | Ours ÷ markdownlint (full / keystroke) | Stages: parse / incremental parse / model / rules |',
    '|---|---:|---:|---:|---:|---:|---:|',
  );
  for (const entry of results.engine) {
    push(
      `| ${entry.size} (${entry.bytes.toLocaleString('en-US')} chars) | ${entry.items} | ${entry.full.median} / ${entry.full.p95} | ${entry.keystroke.median} / ${entry.keystroke.p95} | ${entry.markdownlint.median} / ${entry.markdownlint.p95} | ${entry.ratioFull.toFixed(2)} / ${entry.ratioKeystroke.toFixed(2)} | ${entry.stages.parse} / ${entry.stages.incrementalParse} / ${entry.stages.model} / ${entry.stages.rules} |`,
    );
  }
  push(
    '',
    '"Full validation" is `lint(text)` from scratch; "per keystroke" is `lint(text, { parse })` after a one-character edit with the incremental parser the server keeps per document. markdownlint runs its default rules through `markdownlint/sync` in the same process.',
    '',
    `**Language server over stdio** (\`dist/server.cjs\`; \`didChange\` sent → \`publishDiagnostics\` for that version received; single-character edits typed at four places)`,
    '',
    '| Draft | Edits | Debounce | p50 (ms) | p95 (ms) |',
    '|---|---:|---:|---:|---:|',
  );
  for (const trip of [...results.lsp.roundTrips, ...(results.lsp.withDebounce ? [results.lsp.withDebounce] : [])]) {
    const debounce = Number.isNaN(trip.debounceMs) ? `default (${results.lsp.debounceMs} ms)` : `${trip.debounceMs} ms`;
    push(`| ${trip.size} | ${trip.samples} | ${debounce} | ${trip.p50} | ${trip.p95} |`);
  }
  push(
    '',
    `The server waits ${results.lsp.debounceMs} ms after the last edit before checking (configurable with the \`debounceMs\` initialization option); the debounce-0 rows measure the work itself.`,
    '',
  );
  push('**Server memory, start-up and sizes**', '', '| Measure | Value |', '|---|---:|');
  if (results.memory) {
    push(
      `| Resident memory, ${results.memory.drafts} open ${results.memory.draftBytes / 1024} KB drafts (VmRSS / peak VmHWM) | ${results.memory.rssMB} MB / ${results.memory.peakMB} MB |`,
    );
  } else {
    push('| Resident memory | n/a (no /proc on this system) |');
  }
  push(
    `| Server spawn → initialize response (median / p95) | ${results.startup.initialize.median} / ${results.startup.initialize.p95} ms |`,
    `| Server spawn → first diagnostics of a 20 KB draft (median / p95) | ${results.startup.firstDiagnostics.median} / ${results.startup.firstDiagnostics.p95} ms |`,
  );
  for (const [name, bytes] of Object.entries(results.sizes.bundles)) push(`| dist/${name} | ${kilobytes(bytes)} |`);
  const vsix = results.sizes.vsix;
  push(`| VSIX | ${vsix.bytes === null ? `n/a (${vsix.reason})` : `${kilobytes(vsix.bytes)} (${vsix.file})`} |`);
  push(
    '',
    'Activation is measured outside VS Code: the closest proxy is the time from spawning the server bundle to its initialize response and to the first diagnostics (the client itself only starts the server).',
    '',
    '**Targets**',
    '',
    '| Target | Goal | Measured | Met |',
    '|---|---|---|---|',
  );
  for (const target of results.targets) push(`| ${target.name} | ${target.target} | ${target.measured} | ${target.met ? 'yes' : '**no**'} |`);
  return `${lines.join('\n')}\n`;
}

function kilobytes(bytes: number): string {
  return `${(bytes / 1024).toLocaleString('en-US', { maximumFractionDigits: 1 })} KB`;
}
