// Completion over LSP: the engine's completions at the cursor, as completion items with their edits.
import {
  CompletionItemKind,
  CompletionTriggerKind,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
  type CompletionList,
  type Command,
  type CompletionParams,
} from 'vscode-languageserver';
import type { Completion, CompletionKind, LineIndex } from '../../../engine/src';
import type { ServerContext } from '../context';
import { checkOf, guarded } from '../documents';

/** Typed characters that open the list: after an item's or label's colon, after a citation prefix, between credentials. */
export const COMPLETION_TRIGGERS = [':', ' ', ','];

const KIND: Record<CompletionKind, CompletionItemKind> = {
  decision: CompletionItemKind.EnumMember,
  field: CompletionItemKind.Field,
  citation: CompletionItemKind.Text,
  source: CompletionItemKind.Reference,
  chapter: CompletionItemKind.Reference,
  state: CompletionItemKind.Value,
  specialty: CompletionItemKind.Value,
  section: CompletionItemKind.Module,
};

export function registerCompletion(context: ServerContext): void {
  context.connection.onCompletion((params) => guarded(context, 'completion', null, () => complete(context, params)));
}

async function complete(context: ServerContext, params: CompletionParams): Promise<CompletionList | null> {
  const result = await checkOf(context, params.textDocument.uri);
  if (!result?.model) return null;
  const trigger = params.context?.triggerKind === CompletionTriggerKind.TriggerCharacter ? params.context.triggerCharacter : undefined;
  const completions = context.service.completions(result, result.lines.offsetAt(params.position), trigger);
  const command = context.client.retriggerCommand;
  return { isIncomplete: false, items: completions.map((completion) => toItem(completion, result.lines, retrigger(completion, command))) };
}

/**
 * The command run once an item is accepted: the list opens again where the item leaves more to choose (after a
 * citation prefix, a source). Only with the client's own command, named in initializationOptions.retriggerCommand:
 * a client that never declared one would answer "Unhandled method workspace/executeCommand".
 */
export function retrigger(completion: Completion, clientCommand: string | undefined): Command | undefined {
  return completion.retrigger && clientCommand ? { title: 'Suggest', command: clientCommand } : undefined;
}

function toItem(completion: Completion, lines: LineIndex, command: Command | undefined): CompletionItem {
  return {
    label: completion.label,
    kind: KIND[completion.kind],
    detail: completion.detail,
    documentation: completion.documentation ? { kind: MarkupKind.Markdown, value: completion.documentation } : undefined,
    sortText: completion.sortText,
    filterText: completion.filterText ?? completion.label,
    insertTextFormat: InsertTextFormat.PlainText,
    textEdit: { range: lines.rangeOf(completion.replace), newText: completion.insertText },
    command,
  };
}
