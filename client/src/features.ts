// The client's commands and preview, loaded on the first command that needs them; they ask the language server.
import type * as vscode from 'vscode';
import { draftingCommands } from './commands';
import { previewCommands } from './preview';
import type { ImrServer } from './server';

export type CommandHandler = (...args: unknown[]) => unknown;

export function createFeatures(context: vscode.ExtensionContext, server: ImrServer): Record<string, CommandHandler> {
  return { ...draftingCommands(server), ...previewCommands(context, server) };
}
