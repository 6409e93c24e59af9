// npm run bench:profile [-- --drafts N] [-- --runs N] [-- --cli <bundle>]: where imr-lint spends its time on the generated corpus.
// Runs `node --cpu-prof dist/cli.cjs --jobs 1 .` N times (default 3): the main thread and its checking thread are each
// profiled. Maps every sample to its source through the bundles' source maps, and prints the time summed over the runs
// by stage (self time by where the code lives) and by engine function (with what it calls); idle time is left out.
// npm run bench:profile -- --lsp [--size BYTES] [--keystrokes N] [--server <bundle>]: the same for the language server
// while a writer types N characters (default 60) into a generated draft (default 1 MB), each thread on its own.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { SERVER_BUNDLE, startServer } from '../test/support/lsp';
import { LineIndex } from '../engine/src/text';
import { keystrokes } from './engine';
import { generateDraft } from './generate';
import { CLI_BUNDLE, writeCorpus } from './process';
import { summarize } from './stats';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Where code lives, first match wins: a stage of the work, or what runs around it. */
const STAGES: [string, RegExp][] = [
  ['parse: micromark (tokenising)', /node_modules\/micromark/],
  ['parse: mdast-util-from-markdown (tree)', /node_modules\/mdast-util-from-markdown/],
  [
    'parse: other (unified, remark, front matter, incremental, plain prose)',
    /node_modules\/(unified|remark-|mdast-util-|unist-|vfile|decode-named|character-entities|trough|bail|devlop)|engine\/src\/(parse|incremental)/,
  ],
  ['model: MappedText and offsets (engine/src/text.ts)', /engine\/src\/text\.ts/],
  ['model: lines (engine/src/model/lines.ts)', /engine\/src\/model\/lines\.ts/],
  ['model: builder, citations, words (engine/src/model)', /engine\/src\/model\//],
  ['rules (engine/src/rules, fixes, directives)', /engine\/src\/(rules|fixes|directives)/],
  ['front matter (yaml)', /node_modules\/yaml/],
  ['schemas (zod), profiles, catalogues', /node_modules\/zod|engine\/src\/(profiles|catalogue)/],
  ['configuration discovery (engine/src/config, cli config)', /engine\/src\/config|cli\/src\/config/],
  ['files: search and reading (cli/src/files, tinyglobby, fdir, picomatch)', /cli\/src\/files|node_modules\/(tinyglobby|fdir|picomatch)/],
  ['output (cli/src/formats, report)', /cli\/src\/(formats|report)/],
  ['checking threads: messages, model packing (engine/src/service/workers)', /engine\/src\/service\/workers\//],
  ['engine: other (lint, detect, language)', /engine\/src\//],
  ['language server (server/src, vscode-languageserver, JSON-RPC)', /server\/src\/|node_modules\/vscode-(languageserver|jsonrpc)/],
  ['command line (commander, cli/src)', /node_modules\/commander|cli\/src\//],
];

/** Engine functions whose time includes everything they call. */
const INCLUSIVE = [
  'lint',
  'parseMarkdown',
  'parseDraft',
  'readPlainBlocks',
  'buildDetermination',
  'flatten',
  'runRules',
  'loadCliConfig',
  'readDraft',
  'expandPaths',
  'isDetermination',
  'formatStylish',
  'analyse',
  'packModel',
  'diagnosticsOf',
];

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      drafts: { type: 'string', default: '200' },
      runs: { type: 'string', default: '3' },
      cli: { type: 'string' },
      lsp: { type: 'boolean', default: false },
      size: { type: 'string', default: String(1024 * 1024) },
      keystrokes: { type: 'string', default: '60' },
      server: { type: 'string' },
    },
  });
  if (values.lsp) return profileServer(path.resolve(values.server ?? SERVER_BUNDLE), Number(values.size), Number(values.keystrokes));
  const drafts = Number(values.drafts);
  const runs = Number(values.runs);
  const cli = path.resolve(values.cli ?? CLI_BUNDLE);
  const corpus = writeCorpus({ drafts, size: 20 * 1024, folders: 10 });
  const profiles = mkdtempSync(path.join(tmpdir(), 'imr-bench-profile-'));
  try {
    const walls: number[] = [];
    for (let run = 0; run < runs; run++) {
      const started = performance.now();
      const result = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', profiles, cli, '--jobs', '1', '.'], {
        cwd: corpus.folder,
        stdio: 'ignore',
      });
      walls.push(performance.now() - started);
      if (result.status !== 0 && result.status !== 1) throw new Error(`imr-lint exited with ${result.status ?? result.signal}`);
    }
    const files = readdirSync(profiles).filter((name) => name.endsWith('.cpuprofile'));
    // One profile per thread: the main thread's and its checking thread's, each run.
    if (files.length < 2 * runs) throw new Error(`node wrote ${files.length} profiles for ${runs} runs of two threads`);
    const tally = new Tally(cli);
    for (const file of files) tally.add(JSON.parse(readFileSync(path.join(profiles, file), 'utf8')) as CpuProfile);
    process.stdout.write(
      tally.render(
        `\`node --cpu-prof ${path.relative(process.cwd(), cli)} --jobs 1 .\` on ${drafts} generated drafts of 20 KB, ${runs} runs, ${files.length} thread profiles`,
        walls,
      ),
    );
  } finally {
    rmSync(corpus.folder, { recursive: true, force: true });
    rmSync(profiles, { recursive: true, force: true });
  }
}

/** The server over stdio, debounce 0, while a writer types into one draft: each thread's profile on its own. */
async function profileServer(bundle: string, size: number, count: number): Promise<void> {
  const profiles = mkdtempSync(path.join(tmpdir(), 'imr-bench-profile-'));
  try {
    const server = await startServer({
      debounceMs: 0,
      server: { command: process.execPath, args: ['--cpu-prof', '--cpu-prof-dir', profiles, bundle, '--stdio'] },
    });
    const uri = 'file:///bench/profile.imr.md';
    const text = generateDraft({ size });
    const opened = server.diagnostics(uri, (params) => params.version === 1);
    server.open(uri, text, 'markdown', 1);
    await opened;
    const walls: number[] = [];
    let before = text;
    let version = 1;
    for (const keystroke of keystrokes(text, count)) {
      const position = new LineIndex(before).positionAt(keystroke.offset);
      const expected = ++version;
      const published = server.diagnostics(uri, (params) => params.version === expected);
      const started = performance.now();
      server.change(uri, version, [{ range: { start: position, end: position }, text: keystroke.character }]);
      await published;
      walls.push(performance.now() - started);
      before = keystroke.text;
    }
    await server.stop();
    const { median, p95 } = summarize(walls);
    // Named CPU.<date>.<time>.<pid>.<thread>.<sequence>.cpuprofile: thread 0 is the server's own.
    const files = readdirSync(profiles).filter((name) => name.endsWith('.cpuprofile'));
    if (files.length < 2) throw new Error(`node wrote ${files.length} profiles for the server and its checking thread`);
    for (const file of files.sort()) {
      const tally = new Tally(bundle);
      tally.add(JSON.parse(readFileSync(path.join(profiles, file), 'utf8')) as CpuProfile);
      const thread = file.split('.')[4] === '0' ? "the server's thread" : 'a checking thread';
      const title = `${thread}, opening a ${Math.round(size / 1024)} KB draft and typing ${count} characters (didChange to publishDiagnostics: median ${median} ms, p95 ${p95} ms, while profiled)`;
      process.stdout.write(`${tally.render(title, [])}\n`);
    }
  } finally {
    rmSync(profiles, { recursive: true, force: true });
  }
}

/** Sample time summed over profiles: by stage, by engine function with its callees, by function alone. */
class Tally {
  readonly self = new Map<string, number>();
  readonly inclusive = new Map<string, number>();
  readonly selfByFunction = new Map<string, number>();
  total = 0;
  idle = 0;
  /** The source maps of the bundles, by file name: the command line's and its checking thread's, beside it. */
  private readonly maps = new Map<string, SourceMap>();
  private readonly root = path.resolve(import.meta.dirname, '..');

  /** `main`: the bundle that ran (the command line's or the server's); its checking thread's is beside it. */
  constructor(main: string) {
    for (const bundle of [main, path.join(path.dirname(main), 'analysis-worker.cjs')])
      this.maps.set(path.basename(bundle), new SourceMap(JSON.parse(readFileSync(`${bundle}.map`, 'utf8'))));
  }

  add(profile: CpuProfile): void {
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    const parent = new Map<number, number>();
    for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
    const bundleOf = (id: number): string | undefined => {
      const name = path.basename(byId.get(id)!.callFrame.url);
      return this.maps.has(name) ? name : undefined;
    };
    const bundled = (id: number): boolean => bundleOf(id) !== undefined;
    const sourceOf = new Map<number, string>();
    for (const node of profile.nodes) {
      const frame = node.callFrame;
      const bundle = bundleOf(node.id);
      if (!bundle) continue;
      const entry = this.maps.get(bundle)!.findEntry(frame.lineNumber, frame.columnNumber) as { originalSource?: string };
      // Maps name sources relative to dist/, where the build writes them, wherever the bundle was copied since.
      const original = entry.originalSource ? new URL(entry.originalSource, `file://${this.root}/dist/`).pathname : undefined;
      sourceOf.set(node.id, original ? path.relative(this.root, original) : bundle);
    }
    // Native frames (regular expressions, fs bindings) and Node's own code count for the bundled code that called them.
    const stageOf = (id: number): string => {
      const frame = byId.get(id)!.callFrame;
      if (frame.functionName === '(garbage collector)') return 'garbage collection';
      if (frame.functionName === '(idle)') return 'idle (waiting on the thread pool or I/O)';
      if (frame.functionName === '(program)') return 'V8 and Node native, unattributed';
      let at: number | undefined = id;
      while (at !== undefined && !bundled(at)) at = parent.get(at);
      if (at === undefined) return 'start-up: loading and compiling the bundle, Node internals';
      const source = sourceOf.get(at)!;
      return STAGES.find(([, pattern]) => pattern.test(source))?.[0] ?? `other: ${source}`;
    };
    profile.samples.forEach((id, index) => {
      const delta = (profile.timeDeltas[index] ?? 0) / 1000;
      // A thread waiting (the main thread for its checking thread, a checking thread for the next draft) costs nothing.
      if (byId.get(id)!.callFrame.functionName === '(idle)') {
        this.idle += delta;
        return;
      }
      this.total += delta;
      const stage = stageOf(id);
      this.self.set(stage, (this.self.get(stage) ?? 0) + delta);
      const frame = byId.get(id)!.callFrame;
      const name = `${frame.functionName || '(anonymous)'} ${sourceOf.get(id) ?? (frame.url || 'native')}`;
      this.selfByFunction.set(name, (this.selfByFunction.get(name) ?? 0) + delta);
      // Each engine function counts a sample once, however deep its recursion.
      const seen = new Set<string>();
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
        const fn = byId.get(at)!.callFrame.functionName;
        if (INCLUSIVE.includes(fn) && !seen.has(fn)) {
          seen.add(fn);
          this.inclusive.set(fn, (this.inclusive.get(fn) ?? 0) + delta);
        }
      }
    });
  }

  render(title: string, walls: number[]): string {
    const row = (name: string, ms: number): string => `| ${name} | ${ms.toFixed(0)} | ${((ms / this.total) * 100).toFixed(1)} % |`;
    const lines = [
      `${title}: ${this.total.toFixed(0)} ms of CPU profiled in all (and ${this.idle.toFixed(0)} ms idle, left out)${walls.length > 0 ? `; wall per run ${walls.map((wall) => wall.toFixed(0)).join(', ')} ms` : ''}.`,
      '',
      '**Self time by stage** (where the sampled code lives, through the source map; native code counts for its caller)',
      '',
      '| Stage | ms | Share |',
      '|---|---:|---:|',
      ...[...this.self.entries()].sort((a, b) => b[1] - a[1]).map(([stage, ms]) => row(stage, ms)),
      '',
      '**Engine and CLI functions, including what they call** (synchronous calls only)',
      '',
      '| Function | ms | Share |',
      '|---|---:|---:|',
      ...INCLUSIVE.filter((fn) => this.inclusive.has(fn)).map((fn) => row(`\`${fn}\``, this.inclusive.get(fn)!)),
      '',
      '**Heaviest functions by self time**',
      '',
      '| Function | ms | Share |',
      '|---|---:|---:|',
      ...[...this.selfByFunction.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 25)
        .map(([fn, ms]) => row(`\`${fn}\``, ms)),
    ];
    return `${lines.join('\n')}\n`;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:profile: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
