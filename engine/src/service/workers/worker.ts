// A checking thread (bundled as dist/analysis-worker.cjs): the analysis step, fix-all and the letter, one request at a time.
import { parentPort, workerData } from 'node:worker_threads';
import { fixAll } from '../../language/fix-all';
import { renderExportDocument } from '../../render/document';
import { renderDetermination } from '../../render/render';
import { inProcessAnalysis, type Analysis, type AnalysisRequest } from '../analysis';
import type { AnalyseAnswer, Answers, FromWorker, Task, ToWorker } from './protocol';
import { packModel } from './transfer';

const port = parentPort;
if (!port) throw new Error('analysis-worker runs as a worker thread of the IMR service');

const send = (message: FromWorker, transfer: ArrayBuffer[] = []): void => port.postMessage(message, transfer);

// What a library prints goes to the service's log, never to the process's stdout: the server speaks LSP there.
for (const stream of [process.stdout, process.stderr]) {
  stream.write = ((chunk: string | Uint8Array, encoding?: unknown, callback?: unknown): boolean => {
    send({ kind: 'log', text: typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8') });
    const done = typeof encoding === 'function' ? encoding : callback;
    if (typeof done === 'function') (done as () => void)();
    return true;
  }) as typeof stream.write;
}

const step = inProcessAnalysis((workerData as { keptDocuments?: number } | null)?.keptDocuments);

/** The last analysis, so the letter and the model of a draft just checked come from the same check (an editor shows one draft). */
const RECENT = 1;
const recent: { uri: string; key: string; analysis: Analysis }[] = [];

async function analyse(request: AnalysisRequest): Promise<Analysis> {
  const key = JSON.stringify([request.today, request.config]);
  const known = recent.find((entry) => entry.uri === request.uri && entry.key === key && entry.analysis.lint.model?.text === request.text);
  if (known) return known.analysis;
  const analysis = await step.analyse(request);
  recent.unshift({ uri: request.uri, key, analysis });
  recent.length = Math.min(recent.length, RECENT);
  return analysis;
}

async function perform(task: Task): Promise<{ answer: Answers[keyof Answers]; transfer: ArrayBuffer[] }> {
  switch (task.kind) {
    case 'analyse': {
      const { lint } = await analyse(task.request);
      const answer: AnalyseAnswer = { findings: lint.findings, failures: lint.failures };
      if (task.model && lint.model) answer.modelled = true;
      return { answer, transfer: [] };
    }
    case 'model': {
      const { lint } = await analyse(task.request);
      const model = lint.model && packModel(lint.model);
      return { answer: model, transfer: model && transferable(model) ? [model.buffer as ArrayBuffer] : [] };
    }
    case 'fixAll': {
      const { text, config, today, findings } = task.request;
      return { answer: fixAll(text, { config, today }, findings), transfer: [] };
    }
    case 'render': {
      const request = task.request;
      const { lint, root } = await analyse(request);
      const options = { config: request.config, today: request.today, analysis: { lint, root } };
      if (request.mode === 'export') {
        const html = renderExportDocument(request.text, { ...options, fileName: request.fileName, printSummary: request.printSummary });
        return { answer: { mode: 'export', html }, transfer: [] };
      }
      const rendered = renderDetermination(request.text, { ...options, mode: 'preview' });
      // The model stays here: the letter is all the caller asked for.
      return {
        answer: { mode: 'preview', rendered: { ...rendered, lint: { findings: rendered.lint.findings, failures: rendered.lint.failures } } },
        transfer: [],
      };
    }
  }
}

/** Bytes that own their whole buffer move to the other thread instead of being copied. */
function transferable(bytes: Uint8Array): boolean {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
}

port.on('message', (message: ToWorker) => {
  if (message.kind === 'forget') {
    step.forget(message.uri);
    for (let index = recent.length - 1; index >= 0; index--) if (recent[index].uri === message.uri) recent.splice(index, 1);
    return;
  }
  perform(message).then(
    ({ answer, transfer }) => send({ kind: 'done', id: message.id, answer }, transfer),
    (error: unknown) => send({ kind: 'failed', id: message.id, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) }),
  );
});

send({ kind: 'ready' });
