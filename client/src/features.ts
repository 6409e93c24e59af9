// The client's heavier half (engine, renderer, configuration schema), loaded on the first command that needs it.
import type * as vscode from 'vscode';
import { draftingCommands } from './commands';
import { previewCommands } from './preview';

export type CommandHandler = (...args: unknown[]) => unknown;

export function createFeatures(context: vscode.ExtensionContext): Record<string, CommandHandler> {
  return { ...(draftingCommands as unknown as Record<string, CommandHandler>), ...previewCommands(context) };
}
