// Timings over LSP: didChange to publishDiagnostics, memory with many drafts open, start-up to first diagnostics.
import { readFileSync } from 'node:fs';
import { POOL_DEFAULTS } from '../engine/src/service/workers/pool';
import { SERVER_ENVIRONMENT, SERVER_NODE_OPTIONS } from '../server/src/launch';
import { LineIndex } from '../engine/src/text';
import { keystrokes } from './engine';
import { generateDraft } from './generate';
import { startBenchServer } from './lsp';
import { round, summarize, type Summary } from './stats';

export interface RoundTrip extends Summary {
  size: string;
  bytes: number;
  p50: number;
  /** The server's own debounce, when it was left in place. */
  debounceMs: number;
}

/** `debounceMs` undefined keeps the server's default debounce. */
export async function measureRoundTrip(name: string, size: number, edits: number, debounceMs?: number): Promise<RoundTrip> {
  const server = await startBenchServer({ debounceMs });
  try {
    const uri = `file:///bench/round-trip-${size}.imr.md`;
    const text = generateDraft({ size });
    const opened = server.diagnostics(uri, 1);
    server.open(uri, text);
    await opened;
    const samples: number[] = [];
    let before = text;
    let version = 1;
    for (const keystroke of keystrokes(text, edits)) {
      const position = new LineIndex(before).positionAt(keystroke.offset);
      version++;
      const published = server.diagnostics(uri, version);
      const start = performance.now();
      server.change(uri, version, [{ range: { start: position, end: position }, text: keystroke.character }]);
      await published;
      samples.push(performance.now() - start);
      before = keystroke.text;
    }
    const summary = summarize(samples);
    return { size: name, bytes: text.length, ...summary, p50: summary.median, debounceMs: debounceMs ?? NaN };
  } finally {
    await server.stop();
  }
}

export interface MemoryResult {
  drafts: number;
  draftBytes: number;
  /** Right after every draft's first diagnostics. */
  rssMB: number;
  peakMB: number;
  /** The same drafts still open, once the server has been idle long enough to retire its checking thread. */
  idleRssMB?: number;
  /** Seconds from the last diagnostics to that. */
  idleAfterS?: number;
  /** How the server process was started (server/src/launch.ts), as the editor's client and imr-language-server start it. */
  launch: string;
}

/** The server's environment and Node options, as a shell would write its command. */
function serverCommandLine(): string {
  return [...Object.entries(SERVER_ENVIRONMENT).map(([name, value]) => `${name}=${value}`), 'node', ...SERVER_NODE_OPTIONS, 'server.cjs'].join(' ');
}

/** Threads of a process (Linux /proc), to see a checking thread retire. */
function threadsOf(pid: number): number | undefined {
  try {
    return Number(/^Threads:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
  } catch {
    return undefined;
  }
}

export async function measureMemory(drafts: number, size: number): Promise<MemoryResult | undefined> {
  const server = await startBenchServer({ debounceMs: 0 });
  try {
    const published: Promise<unknown>[] = [];
    for (let draft = 0; draft < drafts; draft++) {
      const uri = `file:///bench/memory-${draft}.imr.md`;
      published.push(server.diagnostics(uri, 1));
      server.open(uri, generateDraft({ size, seed: 100 + draft }));
    }
    await Promise.all(published);
    const memory = server.memory();
    if (!memory) return undefined;
    const pid = server.process.pid!;
    const busy = threadsOf(pid);
    const result: MemoryResult = {
      drafts,
      draftBytes: size,
      rssMB: round(memory.rss / 2 ** 20, 1),
      peakMB: round(memory.peak / 2 ** 20, 1),
      launch: serverCommandLine(),
    };
    // The checking thread is retired after the pool's idle time: wait for it to end (one thread fewer), a little past that time at most.
    const since = performance.now();
    while (busy !== undefined && performance.now() - since < POOL_DEFAULTS.idleMs + 10_000) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      if ((threadsOf(pid) ?? busy) < busy) {
        const idle = server.memory();
        if (idle) Object.assign(result, { idleRssMB: round(idle.rss / 2 ** 20, 1), idleAfterS: round((performance.now() - since) / 1000, 1) });
        break;
      }
    }
    return result;
  } finally {
    await server.stop();
  }
}

export interface StartupResult {
  /** Spawning the server process to its initialize response. */
  initialize: Summary;
  /** Spawning the server process to the first diagnostics of a 20 KB draft opened right after initialize. */
  firstDiagnostics: Summary;
}

export async function measureStartup(runs: number): Promise<StartupResult> {
  const initialize: number[] = [];
  const first: number[] = [];
  const text = generateDraft({ size: 20 * 1024 });
  for (let run = 0; run < runs; run++) {
    const server = await startBenchServer({ debounceMs: 0 });
    try {
      initialize.push(server.initializeMs);
      const uri = 'file:///bench/startup.imr.md';
      const published = server.diagnostics(uri, 1);
      server.open(uri, text);
      await published;
      first.push(performance.now() - server.spawnedAt);
    } finally {
      await server.stop();
    }
  }
  return { initialize: summarize(initialize), firstDiagnostics: summarize(first) };
}
