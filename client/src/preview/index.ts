// Wires the preview and the HTML export into the editor: their commands, on the letter the language server renders.
import * as vscode from 'vscode';
import type { ImrServer } from '../server';
import { isDeterminationDocument } from './documents';
import { exportDetermination, type ExportRequest } from './export';
import { DeterminationPreview } from './preview';

export const COMMANDS = {
  showPreview: 'imr.showPreview',
  showPreviewToSide: 'imr.showPreviewToSide',
  exportHtml: 'imr.exportHtml',
} as const;

export interface PreviewFeatures {
  /** Handlers of the preview and export commands, by command id. */
  commands: Record<string, (...args: unknown[]) => unknown>;
  /** Shows again, in `panel`, the draft a preview showed before the window reloaded (`state` is what its page saved). */
  restore(panel: vscode.WebviewPanel, state: unknown): Promise<void>;
}

/** The preview and export; the preview's resources join the context's. */
export function previewFeatures(context: vscode.ExtensionContext, server: ImrServer): PreviewFeatures {
  const preview = new DeterminationPreview(context.extensionUri, server);
  const open = async (resource: unknown, toSide: boolean): Promise<void> => {
    const document = await targetDocument(resource, preview);
    if (!document) {
      void vscode.window.showInformationMessage(
        "Open an IMR determination draft (an .imr.md file, or Markdown with the letter's section titles) to preview it.",
      );
      return;
    }
    const active = vscode.window.activeTextEditor;
    const column = toSide ? vscode.ViewColumn.Beside : (active?.viewColumn ?? vscode.ViewColumn.Active);
    preview.show(document, column, toSide);
  };
  context.subscriptions.push(preview);
  const commands = {
    [COMMANDS.showPreview]: (resource?: unknown) => open(resource, false),
    [COMMANDS.showPreviewToSide]: (resource?: unknown) => open(resource, true),
    [COMMANDS.exportHtml]: async (resource?: unknown, request?: unknown) => {
      const document = await targetDocument(resource, preview);
      if (!document) {
        void vscode.window.showInformationMessage('Open an IMR determination draft to export it as HTML.');
        return undefined;
      }
      return exportDetermination(document, server, request as ExportRequest | undefined);
    },
  };
  const restore = async (panel: vscode.WebviewPanel, state: unknown): Promise<void> => {
    const source = (state as { source?: unknown } | undefined)?.source;
    let document: vscode.TextDocument | undefined;
    try {
      document = typeof source === 'string' ? await vscode.workspace.openTextDocument(vscode.Uri.parse(source, true)) : undefined;
    } catch {
      document = undefined;
    }
    // The draft is gone (deleted, or an untitled one the reload did not keep): nothing to show.
    if (!document) panel.dispose();
    else preview.restore(panel, document);
  };
  return { commands, restore };
}

/** The draft a command acts on: the one it was invoked on, else the active editor's, else the previewed one. */
async function targetDocument(resource: unknown, preview: DeterminationPreview): Promise<vscode.TextDocument | undefined> {
  if (resource instanceof vscode.Uri) {
    try {
      return await vscode.workspace.openTextDocument(resource);
    } catch {
      return undefined;
    }
  }
  const active = vscode.window.activeTextEditor?.document;
  if (active && isDeterminationDocument(active)) return active;
  // With the preview focused there is no active text editor; the preview's draft is meant.
  return preview.source ?? (active && (active.languageId === 'markdown' || active.languageId === 'imr') ? active : undefined);
}
