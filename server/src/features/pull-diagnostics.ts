// Pulled diagnostics (LSP 3.17), for an editor that declares them: textDocument/diagnostic for a document,
// workspace/diagnostic for every determination in the workspace folders, and a refresh when their inputs change.
import {
  DocumentDiagnosticReportKind,
  LSPErrorCodes,
  ResponseError,
  type DiagnosticOptions,
  type DocumentDiagnosticParams,
  type DocumentDiagnosticReport,
} from 'vscode-languageserver/node';
import type { ServerContext } from '../context';
import { imrDocument } from '../documents';
import { pathOfUri } from '../host';
import { ResultIds } from '../result-ids';
import { diagnosticsOf } from './diagnostics';
import { WorkspaceDiagnostics, type PullHost } from './workspace-diagnostics';

/** The capability: a draft's findings depend on the draft and its configuration only, never on another draft. */
export const PULL_DIAGNOSTICS: DiagnosticOptions = { identifier: 'imr', interFileDependencies: false, workspaceDiagnostics: true };

export class PullDiagnostics {
  private readonly ids = new ResultIds();
  private readonly workspace: WorkspaceDiagnostics;
  private refreshing = false;
  private refreshAgain = false;

  constructor(
    private readonly context: ServerContext,
    private readonly host: PullHost,
  ) {
    this.workspace = new WorkspaceDiagnostics(context, host, this.ids);
  }

  register(): void {
    const { connection } = this.context;
    connection.languages.diagnostics.on((params) => this.document(params));
    connection.languages.diagnostics.onWorkspace((params, token, progress, partial) => this.workspace.report(params, token, progress, partial));
  }

  /** Settings or a configuration file changed: every result is stale, and the editor is asked to pull again. */
  configurationChanged(): void {
    this.ids.configurationChanged();
    this.workspace.forget();
    this.refresh();
  }

  /** Drafts changed on disk: closed drafts' results may be stale (their ids, taken from the files, tell which). */
  draftsChanged(): void {
    this.refresh();
  }

  /** Asks the editor to pull again, once at a time: a burst of changes while one refresh is on its way makes one more. */
  refresh(): void {
    if (!this.context.client.refreshesDiagnostics) return;
    if (this.refreshing) {
      this.refreshAgain = true;
      return;
    }
    this.refreshing = true;
    this.context.connection.languages.diagnostics
      .refresh()
      .catch(() => undefined)
      .finally(() => {
        this.refreshing = false;
        if (this.refreshAgain) {
          this.refreshAgain = false;
          this.refresh();
        }
      });
  }

  private async document(params: DocumentDiagnosticParams): Promise<DocumentDiagnosticReport> {
    const { uri } = params.textDocument;
    const open = this.context.documents.get(uri);
    // A document the editor does not hold open is reported as the workspace reports it: from the file.
    if (!open) return this.workspace.reportClosed(uri, pathOfUri(uri), params.previousResultId);
    this.host.noticeConfigurationEdits();
    const { version } = open;
    const document = imrDocument(open);
    const resultId = this.ids.ofText(document.text);
    if (params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
    let items;
    try {
      items = await diagnosticsOf(this.context, document, (files) => this.host.governs(uri, files));
    } catch (error) {
      this.context.connection.console.error(`imr: could not check ${uri}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      // No result id: the next pull tries again.
      return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    }
    // An edit arrived meanwhile: the editor asks again for the new text.
    if (this.context.documents.get(uri)?.version !== version) {
      throw new ResponseError(LSPErrorCodes.ServerCancelled, 'The draft changed while it was checked.', { retriggerRequest: true });
    }
    return { kind: DocumentDiagnosticReportKind.Full, resultId, items: items ?? [] };
  }
}
