// npm run bench [-- --json] [-- --quick] [-- --write]: engine, LSP, memory, start-up and size measurements.
// --json prints one JSON object on stdout (progress goes to stderr); --write also writes bench/RESULTS.md;
// --quick takes few samples, to check the benchmark itself runs.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DEFAULT_DEBOUNCE_MS } from '../server/src/validation';
import { measureEngine } from './engine';
import { BENCH_SIZES } from './generate';
import { SERVER_BUNDLE } from '../test/support/lsp';
import { measureMemory, measureRoundTrip, measureStartup } from './lsp-timings';
import { renderMarkdown, targetsOf, type BenchResults } from './report';
import { measureSizes } from './sizes';

const args = new Set(process.argv.slice(2));
const NOTES_MARKER = '<!-- notes: kept by --write -->';
const asJson = args.has('--json');
const quick = args.has('--quick');
const progress = (message: string): void => {
  process.stderr.write(`bench: ${message}\n`);
};

async function main(): Promise<void> {
  if (!existsSync(SERVER_BUNDLE)) {
    process.stderr.write(`bench: ${path.relative(process.cwd(), SERVER_BUNDLE)} is missing; run "npm run build" first.\n`);
    process.exitCode = 2;
    return;
  }
  const machine = {
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown CPU',
    cores: os.cpus().length,
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAverage: Math.round(os.loadavg()[0] * 100) / 100,
  };
  progress(`${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, load ${machine.loadAverage}`);

  const engine = [];
  for (const { name, size } of BENCH_SIZES) {
    progress(`engine, ${name}`);
    const large = size > 100 * 1024;
    const runs = quick ? { full: 3, keystroke: 10 } : { full: size >= 1024 * 1024 ? 10 : large ? 20 : 100, keystroke: size >= 1024 * 1024 ? 60 : 200 };
    engine.push(measureEngine(name, size, runs));
  }

  const edits = quick ? 10 : 200;
  const roundTrips = [];
  for (const { name, size } of BENCH_SIZES.filter((entry) => entry.name === '20 KB' || entry.name === '1 MB')) {
    progress(`LSP round trip, ${name}, ${edits} edits`);
    roundTrips.push(await measureRoundTrip(name, size, edits, 0));
  }
  progress('LSP round trip with the default debounce, 20 KB');
  const withDebounce = await measureRoundTrip('20 KB', 20 * 1024, quick ? 3 : 20);
  progress('server memory, 50 drafts of 20 KB');
  const memory = await measureMemory(50, 20 * 1024);
  progress('start-up');
  const startup = await measureStartup(quick ? 2 : 7);
  progress('sizes');
  const sizes = await measureSizes();

  const partial = {
    date: new Date().toISOString().slice(0, 10),
    machine,
    engine,
    lsp: { debounceMs: DEFAULT_DEBOUNCE_MS, roundTrips, withDebounce },
    memory,
    startup,
    sizes,
  };
  const results: BenchResults = { ...partial, targets: targetsOf(partial) };
  const markdown = renderMarkdown(results);
  if (args.has('--write')) {
    // The analysis under the marker is written by hand and kept across runs.
    const file = new URL('./RESULTS.md', import.meta.url);
    const previous = existsSync(file) ? readFileSync(file, 'utf8') : '';
    const notes = previous.includes(NOTES_MARKER) ? previous.slice(previous.indexOf(NOTES_MARKER)) : `${NOTES_MARKER}\n`;
    writeFileSync(file, `# Benchmark results\n\nProduced by \`npm run bench -- --write\`.\n\n${markdown}\n${notes}`);
  }
  process.stdout.write(
    asJson ? `${JSON.stringify(results, (_key, value: unknown) => (typeof value === 'number' && Number.isNaN(value) ? null : value), 2)}\n` : markdown,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
