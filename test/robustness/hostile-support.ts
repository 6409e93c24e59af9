// Running imr-lint as a hostile repository's victim would: a spawned process with a time limit and, where asked, a memory cap.
import { spawn, type SpawnOptions } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CLI_BUNDLE } from '../support/cli';

export interface BoundedRun {
  status: number | null;
  stdout: string;
  stderr: string;
  /** Wall-clock milliseconds from spawn to exit. */
  ms: number;
  /** Killed at the time limit: the run hung. */
  timedOut: boolean;
}

/**
 * Runs the bundled CLI, killed after `timeoutMs`. With `memoryKb`, under `ulimit -v` (virtual memory), so a read
 * that never ends fails fast instead of taking the machine's memory.
 */
export function runBounded(
  args: string[],
  options: {
    cwd?: string;
    timeoutMs?: number;
    memoryKb?: number;
    stdin?: 'ignore' | 'pipe';
    uid?: number;
    gid?: number;
    env?: NodeJS.ProcessEnv;
    /** Another copy of dist/cli.cjs (see `bundleCopy`). */
    bundle?: string;
  } = {},
): Promise<BoundedRun> {
  const bundle = options.bundle ?? CLI_BUNDLE;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const spawnOptions: SpawnOptions = {
    cwd: options.cwd,
    uid: options.uid,
    gid: options.gid,
    env: options.env && { ...process.env, ...options.env },
    stdio: [options.stdin ?? 'ignore', 'pipe', 'pipe'],
  };
  const command = options.memoryKb
    ? spawn('bash', ['-c', `ulimit -v ${options.memoryKb} && exec "$0" "$@"`, process.execPath, bundle, ...args], spawnOptions)
    : spawn(process.execPath, [bundle, ...args], spawnOptions);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      command.kill('SIGKILL');
    }, timeoutMs);
    command.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    command.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    command.on('error', reject);
    command.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr, ms: performance.now() - started, timedOut });
    });
  });
}

/** A fresh folder that holds a `.git`, so configuration discovery stops there as it would in a cloned repository. */
export interface Repository {
  folder: string;
  /** Writes `files` (paths relative to it, folders made as needed) into the repository's folder `name`; returns that folder. */
  write(name: string, files: Record<string, string>): string;
  remove(): void;
}

export function repository(prefix: string): Repository {
  const folder = mkdtempSync(path.join(tmpdir(), `imr-hostile-${prefix}-`));
  mkdirSync(path.join(folder, '.git'));
  return {
    folder,
    write(name, files) {
      const root = path.join(folder, name);
      mkdirSync(root, { recursive: true });
      for (const [file, text] of Object.entries(files)) {
        mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
        writeFileSync(path.join(root, file), text);
      }
      return root;
    },
    remove: () => rmSync(folder, { recursive: true, force: true }),
  };
}

/**
 * The command line's bundles copied into `folder`, for a run as another user (who may not reach the checkout: a
 * clone in a private temporary folder, say). Returns the copy of dist/cli.cjs.
 */
export function bundleCopy(folder: string): string {
  const bin = path.join(folder, 'bin');
  mkdirSync(bin, { recursive: true, mode: 0o755 });
  for (const name of ['cli.cjs', 'analysis-worker.cjs']) copyFileSync(path.join(path.dirname(CLI_BUNDLE), name), path.join(bin, name));
  return path.join(bin, 'cli.cjs');
}

/** Runs imr-lint with its peak resident memory (threads included) measured; `peakMB` is read from, and removed from, stderr. */
export async function runMeasured(args: string[], options: Parameters<typeof runBounded>[1] = {}): Promise<BoundedRun & { peakMB: number }> {
  const preload = path.resolve(import.meta.dirname, 'peak-memory.cjs');
  const run = await runBounded(args, { ...options, env: { ...options.env, NODE_OPTIONS: `--require ${preload}` } });
  const match = /imr-test: peak (\d+) MB\n/.exec(run.stderr);
  return { ...run, stderr: run.stderr.replace(/imr-test: peak \d+ MB\n/, ''), peakMB: match ? Number(match[1]) : NaN };
}
