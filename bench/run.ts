// npm run bench [-- --json] [-- --only engine,process,scaling,lsp,memory,sizes] [-- --pairs N] [-- --quick] [-- --write]
// --json prints one JSON object on stdout (progress goes to stderr); --write also writes bench/RESULTS.md;
// --pairs sets the whole-process pairs (default 10); --quick takes few samples, to check the benchmark itself runs.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_DEBOUNCE_MS } from '../server/src/validation';
import { SERVER_BUNDLE } from '../test/support/lsp';
import { measureEngine } from './engine';
import { BENCH_SIZES } from './generate';
import { measureMemory, measureRoundTrip, measureStartup } from './lsp-timings';
import { CLI_BUNDLE, measureProcess, measureScaling } from './process';
import { renderMarkdown, targetsOf, type BenchResults, type Machine } from './report';
import { measureSizes } from './sizes';

const PARTS = ['engine', 'process', 'scaling', 'lsp', 'memory', 'sizes'] as const;
type Part = (typeof PARTS)[number];
const NOTES_MARKER = '<!-- notes: kept by --write -->';

const progress = (message: string): void => {
  process.stderr.write(`bench: ${message}\n`);
};

interface Options {
  json: boolean;
  quick: boolean;
  write: boolean;
  pairs: number;
  parts: Set<Part>;
}

function readOptions(argv: string[]): Options | string {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        json: { type: 'boolean', default: false },
        quick: { type: 'boolean', default: false },
        write: { type: 'boolean', default: false },
        pairs: { type: 'string' },
        only: { type: 'string', multiple: true },
      },
    }).values;
  } catch (error) {
    return (error as Error).message;
  }
  const requested = (parsed.only ?? []).flatMap((value) => value.split(',')).map((value) => value.trim());
  const unknown = requested.filter((part) => !(PARTS as readonly string[]).includes(part));
  if (unknown.length > 0) return `unknown part ${unknown.map((part) => `"${part}"`).join(', ')} for --only; choose from ${PARTS.join(', ')}`;
  const pairs = parsed.pairs === undefined ? (parsed.quick ? 2 : 10) : Number(parsed.pairs);
  if (!Number.isInteger(pairs) || pairs < 1) return `--pairs takes a whole number of pairs, at least 1 (got "${parsed.pairs}")`;
  if (parsed.write && requested.length > 0) return '--write records a whole run; leave out --only';
  return {
    json: parsed.json,
    quick: parsed.quick,
    write: parsed.write,
    pairs,
    parts: new Set(requested.length > 0 ? (requested as Part[]) : PARTS),
  };
}

function load(): number[] {
  return os.loadavg().map((value) => Math.round(value * 100) / 100);
}

async function main(): Promise<void> {
  const options = readOptions(process.argv.slice(2));
  if (typeof options === 'string') {
    process.stderr.write(`bench: ${options}\n`);
    process.exitCode = 2;
    return;
  }
  const { parts, quick } = options;
  const needs = [
    ...(parts.has('process') || parts.has('scaling') ? [CLI_BUNDLE] : []),
    ...(parts.has('lsp') || parts.has('memory') ? [SERVER_BUNDLE] : []),
  ].filter((bundle) => !existsSync(bundle));
  if (needs.length > 0) {
    process.stderr.write(`bench: ${needs.map((bundle) => path.relative(process.cwd(), bundle)).join(', ')} missing; run "npm run build" first.\n`);
    process.exitCode = 2;
    return;
  }
  const cpus = os.cpus();
  const machine: Machine = {
    cpu: cpus[0]?.model.trim() ?? 'unknown CPU',
    cores: cpus.length,
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAtStart: load(),
    loadAtEnd: [],
  };
  progress(`${machine.cpu}, ${machine.cores} cores, Node ${machine.node}; load average ${machine.loadAtStart.join(', ')}`);
  const results: Omit<BenchResults, 'targets'> = {
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    command: ['npm run bench', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(' '),
    machine,
  };

  if (parts.has('engine')) {
    results.engine = [];
    for (const { name, size } of BENCH_SIZES) {
      const pairs = quick ? 3 : size >= 1024 * 1024 ? 15 : size > 100 * 1024 ? 25 : 100;
      progress(`engine, ${name}, ${pairs} rounds`);
      results.engine.push(await measureEngine(name, size, pairs));
    }
  }

  if (parts.has('process')) {
    const drafts = quick ? 20 : 200;
    progress(`whole process, ${drafts} drafts of 20 KB, ${options.pairs} pairs`);
    results.process = await measureProcess({
      drafts,
      size: 20 * 1024,
      folders: 10,
      pairs: options.pairs,
      onPair: (round) => {
        if (round > 0) progress(`  pair ${round} of ${options.pairs}`);
      },
    });
  }

  if (parts.has('scaling')) {
    progress('--cache warm against no cache (200 drafts), --jobs 2 against --jobs 1 (2,000 drafts)');
    results.scaling = await measureScaling({ size: 20 * 1024, folders: 10, pairs: quick ? 1 : 5, jobsDrafts: quick ? 200 : 2000 });
  }

  if (parts.has('lsp')) {
    const edits = quick ? 10 : 200;
    const roundTrips = [];
    for (const { name, size } of BENCH_SIZES.filter((entry) => entry.name === '20 KB' || entry.name === '1 MB')) {
      progress(`LSP round trip, ${name}, ${edits} edits`);
      roundTrips.push(await measureRoundTrip(name, size, edits, 0));
    }
    progress('LSP round trip with the default debounce, 20 KB');
    const withDebounce = await measureRoundTrip('20 KB', 20 * 1024, quick ? 3 : 20);
    progress('start-up');
    const startup = await measureStartup(quick ? 2 : 9);
    results.lsp = { debounceMs: DEFAULT_DEBOUNCE_MS, roundTrips, withDebounce, startup };
  }

  if (parts.has('memory')) {
    progress('server memory, 50 drafts of 20 KB');
    results.memory = (await measureMemory(50, 20 * 1024)) ?? { unavailable: 'no /proc on this system' };
  }

  if (parts.has('sizes')) {
    progress('sizes');
    results.sizes = await measureSizes();
  }

  machine.loadAtEnd = load();
  const complete: BenchResults = { ...results, targets: targetsOf(results) };
  const markdown = renderMarkdown(complete);
  if (options.write) {
    // The reading of the numbers under the marker is written by hand and kept across runs.
    const file = new URL('./RESULTS.md', import.meta.url);
    const previous = existsSync(file) ? readFileSync(file, 'utf8') : '';
    const notes = previous.includes(NOTES_MARKER) ? previous.slice(previous.indexOf(NOTES_MARKER)) : `${NOTES_MARKER}\n`;
    writeFileSync(file, `# Benchmark results\n\nPrinted by one run of \`npm run bench -- --write\`.\n\n${markdown}\n${notes}`);
  }
  process.stdout.write(
    options.json ? `${JSON.stringify(complete, (_key, value: unknown) => (typeof value === 'number' && Number.isNaN(value) ? null : value), 2)}\n` : markdown,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
