// Where the server checks drafts: worker threads, each check under its time and memory budget, so no draft can
// block another or the answers to the editor.
import * as path from 'node:path';
import { workerAnalysis, type WorkerAnalysis } from '../../engine/src';
import type { LspHost } from './host';

export function checkingThreads(host: LspHost): WorkerAnalysis {
  // The thread's bundle ships beside dist/server.cjs.
  // A 16 MB young generation: with 4 MB, collecting the short-lived objects of a keystroke on a long draft took a fifth more CPU.
  return workerAnalysis({ script: path.join(__dirname, 'analysis-worker.cjs'), youngGenerationMb: 16, log: (message) => host.log(message) });
}
