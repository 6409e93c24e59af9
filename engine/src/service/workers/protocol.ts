// The messages between the service's thread and a checking thread: requests with an id, and their answers.
import type { FixAllResult } from '../../language/fix-all';
import type { RuleFailure } from '../../lint';
import type { Finding } from '../../rules/types';
import type { AnalysisRequest, FixAllRequest, RenderRequest, Rendering } from '../analysis';

export type Task =
  | { kind: 'analyse'; request: AnalysisRequest; /** Send the model back (an editor's features need it; the command line does not). */ model: boolean }
  | { kind: 'fixAll'; request: FixAllRequest }
  | { kind: 'render'; request: RenderRequest };

export interface AnalyseAnswer {
  findings: Finding[];
  failures: RuleFailure[];
  /** The packed model (transfer.ts), when asked for and the draft could be read. */
  model?: Uint8Array;
}

export interface Answers {
  analyse: AnalyseAnswer;
  fixAll: FixAllResult;
  render: Rendering;
}

export type ToWorker = (Task & { id: number }) | { kind: 'forget'; uri: string };

export type FromWorker =
  /** Loaded and listening: a check's time starts now, not while the thread loads the engine. */
  | { kind: 'ready' }
  /** What the thread printed (a library's warning): the service logs it. */
  | { kind: 'log'; text: string }
  | { kind: 'done'; id: number; answer: Answers[keyof Answers] }
  | { kind: 'failed'; id: number; error: string };
