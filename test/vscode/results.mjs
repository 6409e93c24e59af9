// Reading the results the suite leaves in $IMR_TEST_RESULTS (see suite/report.ts): mocha's spec text, JSON and done.json.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';

/** Prints spec.txt's complete lines from `shown` on, each after `prefix`; returns how far it got. */
async function echoSpec(folder, shown, prefix) {
  const spec = path.join(folder, 'spec.txt');
  if (!fs.existsSync(spec)) return shown;
  const text = await fsp.readFile(spec, 'utf8');
  const complete = text.lastIndexOf('\n') + 1;
  if (complete <= shown) return shown;
  const lines = text.slice(shown, complete).split('\n').slice(0, -1);
  process.stdout.write(lines.map((line) => `${prefix}${line}\n`).join(''));
  return complete;
}

/**
 * Waits for done.json, echoing mocha's spec output as the suite appends to it. `stopped()` returns a
 * reason when waiting is pointless (the editor exited).
 */
export async function waitForResults(folder, { timeoutMs, prefix = '  ', stopped = () => undefined }) {
  const done = path.join(folder, 'done.json');
  const deadline = Date.now() + timeoutMs;
  let shown = 0;
  while (Date.now() < deadline) {
    shown = await echoSpec(folder, shown, prefix);
    if (fs.existsSync(done)) {
      await echoSpec(folder, shown, prefix);
      return readResults(folder);
    }
    const reason = stopped();
    if (reason) throw new Error(`${reason} before the suite finished`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no results from the extension host within ${(timeoutMs / 1000).toFixed(0)} s`);
}

/**
 * The run's outcome: passed only when mocha ran, counted passes and no failures.
 * @returns {Promise<{ ok: boolean, done?: object, stats: { passes: number, failures: number, pending: number, duration?: number } }>}
 */
export async function readResults(folder) {
  const read = async (name) => {
    const file = path.join(folder, name);
    return fs.existsSync(file) ? JSON.parse(await fsp.readFile(file, 'utf8')) : undefined;
  };
  const done = await read('done.json');
  const report = await read('mocha.json');
  const stats = report?.stats ?? { passes: 0, failures: 0, pending: 0 };
  const ok = done !== undefined && !done.error && done.failures === 0 && stats.failures === 0 && stats.passes > 0;
  return { ok, done, stats };
}
