// The client's commands and preview, loaded on the first command that needs them; they ask the language server.
import type * as vscode from 'vscode';
import { draftingCommands } from './commands';
import { previewFeatures } from './preview';
import type { ImrServer } from './server';

export type CommandHandler = (...args: unknown[]) => unknown;

export interface Features {
  commands: Record<string, CommandHandler>;
  /** Shows a preview again after the window reloaded. */
  restorePreview(panel: vscode.WebviewPanel, state: unknown): Promise<void>;
}

export function createFeatures(context: vscode.ExtensionContext, server: ImrServer): Features {
  const preview = previewFeatures(context, server);
  return { commands: { ...draftingCommands(server), ...preview.commands }, restorePreview: preview.restore };
}
