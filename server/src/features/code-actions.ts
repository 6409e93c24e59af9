// Quick fixes from the findings' fixes and suggestions, "disable for this line", and fix-all (source.fixAll.imr).
import { disableNextLineComment, findRule, type Finding, type LocatedFix } from '../../../engine/src';
import { fixAll } from '../../../engine/src/language/fix-all';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { ServerContext } from '../context';
import { guarded, lintedDocument, type LintedDocument } from './determination';
import { SOURCE, toDiagnostic } from './diagnostics';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.${SOURCE}`;

/** Plain source.fixAll too, so `"source.fixAll": "explicit"` on save reaches this server. */
export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll, FIX_ALL_KIND];

const FIX_ALL_TITLE = 'Fix all fixable IMR findings';

export function registerCodeActions(context: ServerContext): void {
  context.connection.onCodeAction((params) => guarded(context, 'code actions', [], () => codeActions(context, params)));
}

async function codeActions(context: ServerContext, params: CodeActionParams): Promise<CodeAction[]> {
  const current = await lintedDocument(context, params.textDocument.uri);
  if (!current) return [];
  const only = params.context.only;
  const wants = (kind: string): boolean => !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    const { quickFixes, fixable } = quickFixesFor(context, current, params);
    actions.push(...quickFixes);
    // As ESLint does: beside a finding's own fixes, one that fixes the whole draft when there is more to fix.
    if (fixable && current.result.findings.filter((finding) => finding.fix).length > 1) {
      const all = fixAllAction(current, CodeActionKind.QuickFix);
      if (all) actions.push(all);
    }
  }
  // Source actions only when asked for by kind (the Source Action menu, code actions on save).
  if (only && wants(FIX_ALL_KIND)) {
    const all = fixAllAction(current, FIX_ALL_KIND);
    if (all) actions.push(all);
  }
  return actions;
}

function quickFixesFor(context: ServerContext, current: LintedDocument, params: CodeActionParams): { quickFixes: CodeAction[]; fixable: boolean } {
  const actions: CodeAction[] = [];
  let fixable = false;
  const disabled = new Set<string>();
  for (const finding of current.result.findings) {
    if (!overlaps(finding.range, params.range)) continue;
    const diagnostic =
      params.context.diagnostics.find(
        (candidate) => candidate.source === SOURCE && candidate.code === finding.ruleId && sameRange(candidate.range, finding.range),
      ) ?? toDiagnostic(finding, context.docsUri);
    const fixes = [finding.fix, ...(finding.suggestions ?? [])].filter((fix): fix is LocatedFix => fix !== undefined && fix.edits.length > 0);
    if (finding.fix) fixable = true;
    for (const fix of fixes) {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: fix === finding.fix && fixes.length === 1,
        edit: workspaceEdit(
          current,
          fix.edits.map(({ range, newText }) => ({ range, newText })),
        ),
      });
    }
    const key = `${finding.ruleId}:${finding.range.start.line}`;
    if (disabled.has(key)) continue;
    const disable = disableAction(current, finding, diagnostic);
    if (disable) {
      disabled.add(key);
      actions.push(disable);
    }
  }
  return { quickFixes: actions, fixable };
}

const NEXT_LINE_DIRECTIVE = /^([ \t]*<!--\s*imr-disable-next-line\b)([^>]*?)(\s*-->\s*)$/;

/** Inserts `<!-- imr-disable-next-line rule -->` above the finding's line, or adds the rule to one already there. */
function disableAction(current: LintedDocument, finding: Finding, diagnostic: Diagnostic): CodeAction | undefined {
  if (!findRule(finding.ruleId)) return undefined;
  const { lines, text, result } = current;
  const line = finding.range.start.line;
  // A comment inside the YAML front matter would not be read as a directive, and would break the YAML.
  const front = result.model?.frontMatter;
  if (front && line <= front.range.end.line) return undefined;
  const title = `Disable ${finding.ruleId} for this line`;
  const previous = line > 0 ? text.slice(lines.lineStarts[line - 1], lines.lineEnd(line - 1)) : undefined;
  const existing = previous === undefined ? undefined : NEXT_LINE_DIRECTIVE.exec(previous);
  if (existing && existing[2].trim().length > 0) {
    const at = { line: line - 1, character: existing[1].length + existing[2].length };
    return {
      title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      edit: workspaceEdit(current, [{ range: { start: at, end: at }, newText: ` ${finding.ruleId}` }]),
    };
  }
  const lineText = text.slice(lines.lineStarts[line], lines.lineEnd(line));
  // Indented like the line, except where indentation would make the comment part of a code block.
  const isCode = result.model?.textLines.some((candidate) => candidate.line === line && candidate.block === 'code') ?? false;
  const indent = isCode ? '' : /^[ \t]*/.exec(lineText)![0];
  const at = { line, character: 0 };
  return {
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: workspaceEdit(current, [{ range: { start: at, end: at }, newText: `${indent}${disableNextLineComment(finding.ruleId)}${lines.eol}` }]),
  };
}

/** Every obvious fix, applied pass after pass, as the fewest edits of the current text. */
function fixAllAction(current: LintedDocument, kind: string): CodeAction | undefined {
  const fixed = fixAll(current.text, { config: current.config }, current.result.model ? current.result.findings : undefined);
  if (fixed.edits.length === 0) return undefined;
  const edits = fixed.edits.map((edit) => ({ range: current.lines.rangeOf(edit.span), newText: edit.newText }));
  return { title: FIX_ALL_TITLE, kind, edit: workspaceEdit(current, edits) };
}

function workspaceEdit(current: LintedDocument, edits: TextEdit[]): WorkspaceEdit {
  return { changes: { [current.document.uri]: edits } };
}

function before(a: Range['start'], b: Range['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** Ranges that overlap or touch: a cursor at the end of a word still asks about it. */
function overlaps(a: Range, b: Range): boolean {
  return !before(a.end, b.start) && !before(b.end, a.start);
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
