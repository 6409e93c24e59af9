// The analysis step in checking threads: each check, fix-all and letter under a time and memory budget.
import type { ImrConfig } from '../../config/schema';
import { fixAll, type FixAllResult } from '../../language/fix-all';
import { renderExportDocument } from '../../render/document';
import { renderDetermination } from '../../render/render';
import type { Determination } from '../../model/types';
import type { Finding } from '../../rules/types';
import type { LineIndex } from '../../text';
import {
  CheckStopped,
  inProcessAnalysis,
  type Analysis,
  type AnalysisRequest,
  type AnalysisStep,
  type FixAllRequest,
  type RenderRequest,
  type Rendering,
} from '../analysis';
import { budgetOf, stopFindings, stopMessage, type Stop } from './budget';
import { WorkerPool, type WorkerPoolOptions } from './pool';
import { unpackModel } from './transfer';

export interface WorkerAnalysisOptions extends WorkerPoolOptions {
  /** Hand each check's model back, for an editor's features (hover, completion, outline); the command line needs findings only. */
  models?: boolean;
}

export interface WorkerAnalysis extends AnalysisStep {
  analyse(request: AnalysisRequest): Promise<Analysis>;
  fixAll(request: FixAllRequest): Promise<FixAllResult>;
  render(request: RenderRequest): Promise<Rendering>;
  /** The model of a draft checked here, packed by its thread and read in this one (see Analysis.deferredModel). */
  model(request: AnalysisRequest, lines: LineIndex): Promise<Determination | undefined>;
  /** Stops the threads (a run of the command line ends; idle threads never keep a process alive). */
  close(): Promise<void>;
  /** The threads, for tests and benchmarks. */
  readonly pool: WorkerPool;
}

/** The step in worker threads: checks run off the caller's thread, each stopped over its budget (see budget.ts). */
export function workerAnalysis(options: WorkerAnalysisOptions): WorkerAnalysis {
  const pool = new WorkerPool(options);
  const models = options.models ?? true;
  const stopped = (stop: Stop, config: ImrConfig): CheckStopped => new CheckStopped(stopFindings(stop, config));
  // Where no thread can start, checks run in the calling thread, without a budget, as they would without threads.
  const here = inProcessAnalysis();
  let warned = false;
  const unavailable = (reason: string): AnalysisStep => {
    if (!warned) options.log?.(`imr: checks run without a time or memory budget: ${reason}.`);
    warned = true;
    return here;
  };
  const model = async (request: AnalysisRequest, lines: LineIndex): Promise<Determination | undefined> => {
    const outcome = await pool.run(request.uri, { kind: 'model', request }, budgetOf(request.config));
    if ('unavailable' in outcome) return (await unavailable(outcome.unavailable).analyse(request)).lint.model;
    return outcome.ok && outcome.answer ? unpackModel(outcome.answer, request.text, lines, request.config) : undefined;
  };
  return {
    pool,
    async analyse(request: AnalysisRequest): Promise<Analysis> {
      const outcome = await pool.run(request.uri, { kind: 'analyse', request, model: models }, budgetOf(request.config));
      if ('unavailable' in outcome) return unavailable(outcome.unavailable).analyse(request);
      if (!outcome.ok) return stoppedAnalysis(outcome.stop, request.config);
      const { findings, failures, modelled } = outcome.answer;
      return { lint: { findings, failures }, deferredModel: modelled ? (lines) => model(request, lines) : undefined };
    },
    model,
    forget(uri) {
      pool.forget(uri);
      here.forget(uri);
    },
    async fixAll(request) {
      const outcome = await pool.run(request.uri, { kind: 'fixAll', request }, budgetOf(request.config));
      if ('unavailable' in outcome) {
        unavailable(outcome.unavailable);
        return fixAll(request.text, { config: request.config, today: request.today }, request.findings);
      }
      if (!outcome.ok) throw stopped(outcome.stop, request.config);
      return outcome.answer;
    },
    async render(request) {
      const outcome = await pool.run(request.uri, { kind: 'render', request }, budgetOf(request.config));
      if ('unavailable' in outcome) {
        unavailable(outcome.unavailable);
        const options = { config: request.config, today: request.today };
        if (request.mode === 'export')
          return { mode: 'export', html: renderExportDocument(request.text, { ...options, fileName: request.fileName, printSummary: request.printSummary }) };
        return { mode: 'preview', rendered: renderDetermination(request.text, { ...options, mode: 'preview' }) };
      }
      if (!outcome.ok) throw stopped(outcome.stop, request.config);
      return outcome.answer;
    },
    close: () => pool.close(),
  };
}

/** A check stopped over budget: its one finding, and the reason as a failure for the adapter's log. */
function stoppedAnalysis(stop: Stop, config: ImrConfig): Analysis {
  const findings: Finding[] = stopFindings(stop, config);
  return { lint: { findings, failures: [{ ruleId: stop.kind === 'failed' ? 'unreadable-draft' : 'check-budget', error: stopMessage(stop) }] }, stopped: true };
}
