// Completion over LSP: the engine's completions at the cursor, as completion items with their edits.
import {
  CompletionItemKind,
  CompletionTriggerKind,
  InsertTextFormat,
  MarkupKind,
  type CompletionItem,
  type CompletionList,
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
  return { isIncomplete: false, items: completions.map((completion) => toItem(completion, result.lines)) };
}

function toItem(completion: Completion, lines: LineIndex): CompletionItem {
  return {
    label: completion.label,
    kind: KIND[completion.kind],
    detail: completion.detail,
    documentation: completion.documentation ? { kind: MarkupKind.Markdown, value: completion.documentation } : undefined,
    sortText: completion.sortText,
    filterText: completion.filterText ?? completion.label,
    insertTextFormat: InsertTextFormat.PlainText,
    textEdit: { range: lines.rangeOf(completion.replace), newText: completion.insertText },
    command: completion.retrigger ? { title: 'Suggest', command: 'editor.action.triggerSuggest' } : undefined,
  };
}
