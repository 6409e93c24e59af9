// "Export Determination as HTML": the letter as one self-contained, script-free HTML file.
import * as vscode from 'vscode';
import { exportFileName } from '../../../engine/src';
import { IMR_REQUESTS, type RenderParams, type RenderResult } from '../../../server/src/protocol';
import { describeError, documentParams, type ImrServer } from '../server';

export interface ExportRequest {
  /** Where to write; without it a save dialog asks, offering `<draft>.html` beside the draft. */
  out?: vscode.Uri | string;
  /** Print the summary with the letter (the export shows it on screen either way). */
  printSummary?: boolean;
}

/** Exports `document`; returns where the file was written, or undefined when the reviewer cancelled. */
export async function exportDetermination(document: vscode.TextDocument, server: ImrServer, request: ExportRequest = {}): Promise<vscode.Uri | undefined> {
  const target = request.out ? toUri(request.out) : await askTarget(document);
  if (!target) return undefined;
  const fileName = document.uri.path.split('/').pop();
  let html: string;
  try {
    const client = await server.client();
    const params: RenderParams = { ...documentParams(client, document), mode: 'export', fileName, printSummary: request.printSummary };
    html = (await client.sendRequest<RenderResult>(IMR_REQUESTS.render, params)).html;
  } catch (error) {
    void vscode.window.showErrorMessage(`The determination could not be exported: the IMR language server could not render it (${describeError(error)}).`);
    return undefined;
  }
  try {
    await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(html));
  } catch (error) {
    void vscode.window.showErrorMessage(
      `The determination could not be exported to ${target.fsPath || target.toString()}: ${error instanceof Error ? error.message : String(error)}`,
    );
    return undefined;
  }
  if (!request.out) {
    void vscode.window.showInformationMessage(`Exported the determination to ${vscode.workspace.asRelativePath(target)}.`, 'Open in Browser').then((choice) => {
      if (choice) void vscode.env.openExternal(target);
    });
  }
  return target;
}

function askTarget(document: vscode.TextDocument): Thenable<vscode.Uri | undefined> {
  const folder = vscode.workspace.getWorkspaceFolder(document.uri)?.uri ?? vscode.workspace.workspaceFolders?.[0]?.uri;
  const defaultUri =
    document.uri.scheme === 'untitled'
      ? folder && vscode.Uri.joinPath(folder, exportFileName(`${document.uri.path.split('/').pop() || 'determination'}.md`))
      : document.uri.with({ path: exportFileName(document.uri.path) });
  return vscode.window.showSaveDialog({ defaultUri, filters: { HTML: ['html', 'htm'] }, saveLabel: 'Export', title: 'Export Determination as HTML' });
}

function toUri(out: vscode.Uri | string): vscode.Uri {
  return typeof out === 'string' ? (/^[a-z][a-z0-9+.-]+:/i.test(out) && !/^[a-z]:[\\/]/i.test(out) ? vscode.Uri.parse(out) : vscode.Uri.file(out)) : out;
}
