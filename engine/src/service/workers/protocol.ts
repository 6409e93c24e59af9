// The messages between the service's thread and a checking thread: requests with an id, and their answers.
import type { FixAllResult } from '../../language/fix-all';
import type { RuleFailure } from '../../lint';
import type { Finding } from '../../rules/types';
import type { AnalysisRequest, FixAllRequest, RenderRequest, Rendering } from '../analysis';

export type Task =
  | {
      kind: 'analyse';
      request: AnalysisRequest;
      /** Say whether a model could be read (an editor's features ask for it later; the command line never does). */ model: boolean;
    }
  /** The packed model of a draft, asked for when a feature needs it (the thread keeps its last check, so it is seldom read again). */
  | { kind: 'model'; request: AnalysisRequest }
  | { kind: 'fixAll'; request: FixAllRequest }
  | { kind: 'render'; request: RenderRequest };

export interface AnalyseAnswer {
  findings: Finding[];
  failures: RuleFailure[];
  /** The draft could be read into a model, which a 'model' task hands over (when asked for: see Task). */
  modelled?: boolean;
}

export interface Answers {
  analyse: AnalyseAnswer;
  /** The packed model (transfer.ts); undefined when the draft could not be read. */
  model: Uint8Array | undefined;
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
