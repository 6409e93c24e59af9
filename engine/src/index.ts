// The determination engine's one entry: the service, the hosts it runs on, and the types of what it answers.
// Adapters (server, client, CLI) import nothing else of the engine; tests may reach inside.
import { rules as registeredRules } from './rules';
import type { RuleInfo } from './rules/types';

export { createImrService } from './service/service';
export type { CheckOptions, CheckResult, ExportRequest, ImrService, ImrServiceOptions } from './service/service';
export type { FileSystemHost, ImrServiceHost } from './service/host';
export type { DocumentRef, ImrDocument } from './service/documents';
export type { ConfigurationFileProblem, ConfigurationMessage, DocumentConfiguration } from './service/configuration';
export { CheckStopped, inProcessAnalysis } from './service/analysis';
export type { Analysis, AnalysisRequest, AnalysisStep, FixAllRequest, RenderRequest, Rendering } from './service/analysis';

/** The analysis step in worker threads, each check under a time and memory budget; the bundle of its thread is dist/analysis-worker.cjs. */
export { workerAnalysis } from './service/workers/step';
export type { WorkerAnalysis, WorkerAnalysisOptions } from './service/workers/step';
export { budgetOf } from './service/workers/budget';
export type { CheckBudget } from './service/workers/budget';
export type { ProfileChoices, ProfileSummary, Template } from './service/templates';

/** Whether a document is a determination (the service's own gate), for adapters that must decide before any service runs. */
export { isDeterminationDocument } from './service/gate';
export type { GateInput } from './service/gate';

/** The Node.js file system as the service's host, and the conversions between native paths and the paths it uses. */
export { nodeConfigHost as nodeFileSystem, toConfigPath, toNativePath } from './config/node';

/** Where an export of a draft goes by default: `letters/seed.imr.md` → `letters/seed.html`. */
export { exportFileName } from './render/export-name';

/** The largest draft checked unless configuration says otherwise, and the finding for a draft too large to read. */
export { DEFAULT_MAX_FILE_SIZE, DEFAULT_MEMORY_BUDGET_MB, DEFAULT_TIME_BUDGET_MS } from './limits';
export { tooLargeFindings } from './lint';

/** Every rule, as reports name and describe them. */
export const rules: readonly RuleInfo[] = registeredRules;

export type * from './model/types';
export type { LintResult, RuleFailure } from './lint';
export type { Finding, LocatedEdit, LocatedFix, RuleInfo, Severity, TextEdit } from './rules/types';
export type { LineIndex, MappedText, Position, Range, Span } from './text';
export type { FieldSpec, Profile, SectionSpec } from './profiles/types';
export type { ImrConfig, RuleSetting } from './config/schema';
/** The keys of the editor's `imr` settings (the service validates their values). */
export { SETTINGS_KEYS } from './config/schema';
export type { ConfigProblem } from './config/problems';
export type { GuidelineSource, CitationKind } from './catalogue/guidelines';
export type { RenderedDetermination } from './render/render';
export type { RenderMode } from './render/summary';
export type { Completion, CompletionKind } from './language/completion';
export type { FixAllResult } from './language/fix-all';
export type { FoldingLines } from './language/folding';
export type { HoverInfo, HoverOptions } from './language/hover';
export type { OutlineKind, OutlineNode } from './language/outline';
export type { QuickFix, QuickFixes } from './language/quick-fixes';

/** Reading a file only when it is a regular file, its size checked before and capped while reading. */
export { FileRefused, FileTooLarge, readRegularFile } from './node/regular-file';
export type { RegularFile } from './node/regular-file';

/** Drafts on disk: the `*.md` files a folder holds (as the CLI and the workspace's diagnostics search), read bounded. */
export { decodeDraft, draftByteLimit, fileStamp, findMarkdownFiles, readDraft } from './node/drafts';
export type { DecodedDraft, MarkdownSearch, ReadResult } from './node/drafts';
