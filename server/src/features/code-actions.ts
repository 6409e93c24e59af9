// Quick fixes (the findings' fixes and suggestions, "disable for this line") and fix-all (source.fixAll.imr), as LSP code actions.
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { CheckResult, Finding, QuickFix } from '../../../engine/src';
import type { ServerContext } from '../context';
import { checkOf, guarded } from '../documents';
import { SOURCE, toDiagnostic } from './diagnostics';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.${SOURCE}`;

/** Plain source.fixAll too, so `"source.fixAll": "explicit"` on save reaches this server. */
export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll, FIX_ALL_KIND];

const FIX_ALL_TITLE = 'Fix all fixable IMR findings';

export function registerCodeActions(context: ServerContext): void {
  context.connection.onCodeAction((params) => guarded(context, 'code actions', [], () => codeActions(context, params)));
}

async function codeActions(context: ServerContext, params: CodeActionParams): Promise<CodeAction[]> {
  const result = await checkOf(context, params.textDocument.uri);
  if (!result) return [];
  const only = params.context.only;
  const wants = (kind: string): boolean => !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    const { fixes, offerFixAll } = context.service.quickFixes(result, params.range);
    actions.push(...fixes.map((fix) => quickFixAction(context, result, params, fix)));
    const all = offerFixAll ? await fixAllAction(context, result, CodeActionKind.QuickFix) : undefined;
    if (all) actions.push(all);
  }
  // Source actions only when asked for by kind (the Source Action menu, code actions on save).
  if (only && wants(FIX_ALL_KIND)) {
    const all = await fixAllAction(context, result, FIX_ALL_KIND);
    if (all) actions.push(all);
  }
  return actions;
}

function quickFixAction(context: ServerContext, result: CheckResult, params: CodeActionParams, { finding, fix, kind, preferred }: QuickFix): CodeAction {
  return {
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnosticOf(context, params, finding)],
    ...(kind === 'disable' ? {} : { isPreferred: preferred }),
    edit: workspaceEdit(
      result,
      fix.edits.map(({ range, newText }) => ({ range, newText })),
    ),
  };
}

/** The client's own diagnostic for the finding when it sent one, so the editor ties the action to it. */
function diagnosticOf(context: ServerContext, params: CodeActionParams, finding: Finding): Diagnostic {
  return (
    params.context.diagnostics.find(
      (candidate) =>
        candidate.source === SOURCE &&
        candidate.code === finding.ruleId &&
        candidate.range.start.line === finding.range.start.line &&
        candidate.range.start.character === finding.range.start.character &&
        candidate.range.end.line === finding.range.end.line &&
        candidate.range.end.character === finding.range.end.character,
    ) ?? toDiagnostic(finding, context.docsUri)
  );
}

/** Every obvious fix, applied pass after pass, as the fewest edits of the current text; none when stopped over budget. */
async function fixAllAction(context: ServerContext, result: CheckResult, kind: string): Promise<CodeAction | undefined> {
  const fixed = await context.service.fixAll(result);
  if (fixed.stopped) context.connection.console.warn(`imr: fix-all of ${result.uri}: ${fixed.stopped.message}`);
  if (fixed.edits.length === 0) return undefined;
  const edits = fixed.edits.map((edit) => ({ range: result.lines.rangeOf(edit.span), newText: edit.newText }));
  return { title: FIX_ALL_TITLE, kind, edit: workspaceEdit(result, edits) };
}

function workspaceEdit(result: CheckResult, edits: TextEdit[]): WorkspaceEdit {
  return { changes: { [result.uri]: edits } };
}
