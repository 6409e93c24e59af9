// Where the server checks drafts: worker threads, each check under its time and memory budget, so no draft can
// block another or the answers to the editor.
import * as path from 'node:path';
import { workerAnalysis, type WorkerAnalysis } from '../../engine/src';
import type { LspHost } from './host';

export function checkingThreads(host: LspHost): WorkerAnalysis {
  // The thread's bundle ships beside dist/server.cjs. Its young generation is the one the process's
  // --max-semi-space-size gives every thread (see launch.ts), also when the server is started without it.
  return workerAnalysis({ script: path.join(__dirname, 'analysis-worker.cjs'), youngGenerationMb: 2, log: (message) => host.log(message) });
}
