// workspace/diagnostic: every determination in the workspace folders, found as imr-lint finds drafts in a folder,
// reported in batches as partial results; a file unchanged since the editor's last result is reported unchanged, unread.
import {
  DocumentDiagnosticReportKind,
  LSPErrorCodes,
  ResponseError,
  type CancellationToken,
  type Diagnostic,
  type ResultProgressReporter,
  type WorkDoneProgressReporter,
  type WorkspaceDiagnosticParams,
  type WorkspaceDiagnosticReport,
  type WorkspaceDiagnosticReportPartialResult,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_MAX_FILE_SIZE, fileStamp, findMarkdownFiles, readDraft, toConfigPath, toNativePath, tooLargeFindings } from '../../../engine/src';
import type { ServerContext } from '../context';
import { imrDocument } from '../documents';
import { pathOfUri, uriOfPath } from '../host';
import type { ResultIds } from '../result-ids';
import { configurationNotices, diagnosticsOf, toDiagnostic } from './diagnostics';

/** What pulled diagnostics need of the server beyond its context. */
export interface PullHost {
  /** The workspace folders, as the service's paths. */
  workspaceFolders(): readonly string[];
  /** Checks the configuration files an editor cannot watch (of open drafts, or `everything`); true when one changed (and all was refreshed). */
  noticeConfigurationEdits(everything?: boolean): boolean;
  /** The configuration files that govern a draft. */
  governs(uri: string, files: readonly string[]): void;
}

/** A batch goes to the editor once it holds this many documents, or this long after the last: the first findings show at once. */
const BATCH_DOCUMENTS = 50;
const BATCH_MS = 250;
/** A workspace folder holding a link to `/` is not searched to the end: this many entries at most, this many drafts. */
const MAX_ENTRIES = 200_000;
export const MAX_WORKSPACE_DRAFTS = 10_000;

/** What a closed file's report is: unchanged, full, or nothing to say (it is no determination, and never was reported). */
type ClosedReport = { kind: 'unchanged'; resultId: string } | { kind: 'full'; resultId?: string; items: Diagnostic[] } | undefined;

interface Known {
  resultId: string;
  /** Whether it was checked as a determination; a file that was not is not read again while its id stays the same. */
  checked: boolean;
}

export class WorkspaceDiagnostics {
  private readonly known = new Map<string, Known>();

  constructor(
    private readonly context: ServerContext,
    private readonly host: PullHost,
    private readonly ids: ResultIds,
  ) {}

  /** Configuration changed: what each file was is looked at again. */
  forget(): void {
    this.known.clear();
  }

  async report(
    params: WorkspaceDiagnosticParams,
    token: CancellationToken,
    progress: WorkDoneProgressReporter,
    partial: ResultProgressReporter<WorkspaceDiagnosticReportPartialResult> | undefined,
  ): Promise<WorkspaceDiagnosticReport> {
    this.host.noticeConfigurationEdits(true);
    // By path: editors spell the same file's URI in more than one way.
    const previous = new Map<string, { uri: string; value: string }>();
    for (const entry of params.previousResultIds) {
      const path = pathOfUri(entry.uri);
      if (path) previous.set(path, entry);
    }
    const open = new Map<string, TextDocument>();
    for (const document of this.context.documents.all()) {
      const path = pathOfUri(document.uri);
      if (path) open.set(path, document);
    }
    const batches = new Batches(partial);
    const seen = new Set<string>();
    let complete = true;
    progress.begin('Checking IMR determinations', undefined, undefined, true);
    try {
      for (const folder of this.host.workspaceFolders()) {
        const search = findMarkdownFiles(toNativePath(folder), { maxEntries: MAX_ENTRIES, cancelled: () => token.isCancellationRequested });
        for await (const file of search) {
          if (token.isCancellationRequested) break;
          if (seen.size >= MAX_WORKSPACE_DRAFTS) {
            this.context.connection.console.warn(`imr: workspace diagnostics stopped after ${MAX_WORKSPACE_DRAFTS} Markdown files.`);
            complete = false;
            break;
          }
          const path = toConfigPath(file);
          // Nested workspace folders find a file twice.
          if (seen.has(path)) continue;
          seen.add(path);
          const document = open.get(path);
          const before = previous.get(path);
          const uri = document?.uri ?? before?.uri ?? uriOfPath(path);
          const report = document ? await this.openReport(document, before?.value) : await this.closedReport(uri, path, before?.value);
          if (report) batches.add({ ...report, uri, version: document ? document.version : null } as WorkspaceDocumentDiagnosticReport);
          if (seen.size % BATCH_DOCUMENTS === 0) progress.report(`${seen.size} drafts`);
          // Other requests (a hover, a keystroke's check) are answered between files.
          await new Promise((resolve) => setImmediate(resolve));
        }
      }
      if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The workspace diagnostics were cancelled.');
      // Reported before, and gone now (deleted, moved, or its folder left the workspace): cleared.
      if (complete) {
        for (const [path, { uri }] of previous) {
          if (!seen.has(path)) batches.add({ kind: DocumentDiagnosticReportKind.Full, uri, version: null, items: [] });
        }
      }
      return batches.end();
    } finally {
      progress.done();
    }
  }

  /** A document the editor does not hold open, from its file: unchanged when its stamp gives the id the editor has. */
  async reportClosed(uri: string, path: string | undefined, previousResultId: string | undefined) {
    const report = path === undefined ? undefined : await this.closedReport(uri, path, previousResultId);
    return report ?? { kind: DocumentDiagnosticReportKind.Full, items: [] };
  }

  private async openReport(document: TextDocument, previousResultId: string | undefined): Promise<ClosedReport> {
    const draft = imrDocument(document);
    const resultId = this.ids.ofText(draft.text);
    if (previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
    const items = await this.diagnostics(draft.uri, () => diagnosticsOf(this.context, draft, (files) => this.host.governs(draft.uri, files)));
    if (items === null) return undefined;
    return items || previousResultId !== undefined ? { kind: DocumentDiagnosticReportKind.Full, resultId, items: items ?? [] } : undefined;
  }

  private async closedReport(uri: string, path: string, previousResultId: string | undefined): Promise<ClosedReport> {
    const native = toNativePath(path);
    const resultId = this.ids.ofFile(fileStamp(native));
    if (previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
    const known = this.known.get(path);
    const cleared: ClosedReport = previousResultId !== undefined ? { kind: DocumentDiagnosticReportKind.Full, resultId, items: [] } : undefined;
    if (known?.resultId === resultId && !known.checked) return cleared;
    const items = await this.diagnostics(uri, () => this.checkFile(uri, path));
    if (items === null) return undefined;
    this.known.set(path, { resultId, checked: items !== undefined });
    return items ? { kind: DocumentDiagnosticReportKind.Full, resultId, items } : cleared;
  }

  /** A closed file's diagnostics: never opened when configuration leaves it out; read bounded, as imr-lint reads it. */
  private async checkFile(uri: string, path: string): Promise<Diagnostic[] | undefined> {
    const { service } = this.context;
    const configuration = await service.configuration({ uri, path });
    if (configuration.ignored) return undefined;
    const limit = configuration.config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
    const read = readDraft(toNativePath(path), limit);
    if (!read.ok) {
      // Too large to tell what it holds: only a file named as a determination says so.
      if (read.tooLarge === undefined || !path.endsWith('.imr.md')) return undefined;
      const findings = tooLargeFindings(`${read.tooLarge.toLocaleString('en-US')} bytes`, limit, configuration.config);
      return [...configurationNotices(configuration), ...findings.map((finding) => toDiagnostic(finding, this.context.docsUri))];
    }
    try {
      return await diagnosticsOf(this.context, { uri, path, languageId: 'markdown', text: read.text }, (files) => this.host.governs(uri, files));
    } finally {
      // What the check kept (the parse, the configuration) is for open drafts; this one stays closed.
      if (!this.context.documents.get(uri)) service.closeDocument(uri);
    }
  }

  /** A check that fails is logged and reports nothing this time (null), so the next pull tries again. */
  private async diagnostics(uri: string, check: () => Promise<Diagnostic[] | undefined>): Promise<Diagnostic[] | undefined | null> {
    try {
      return await check();
    } catch (error) {
      this.context.connection.console.error(`imr: could not check ${uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return null;
    }
  }
}

/** The reports, sent as partial results in batches when the editor takes them, else returned at the end all at once. */
class Batches {
  private pending: WorkspaceDocumentDiagnosticReport[] = [];
  private sentAt = performance.now();

  constructor(private readonly partial: ResultProgressReporter<WorkspaceDiagnosticReportPartialResult> | undefined) {}

  add(item: WorkspaceDocumentDiagnosticReport): void {
    this.pending.push(item);
    if (this.partial && (this.pending.length >= BATCH_DOCUMENTS || performance.now() - this.sentAt >= BATCH_MS)) this.flush();
  }

  /** The final response: empty when every report went as a partial result, as the protocol asks. */
  end(): WorkspaceDiagnosticReport {
    if (!this.partial) return { items: this.pending };
    this.flush();
    return { items: [] };
  }

  private flush(): void {
    if (this.pending.length > 0) this.partial!.report({ items: this.pending });
    this.pending = [];
    this.sentAt = performance.now();
  }
}
