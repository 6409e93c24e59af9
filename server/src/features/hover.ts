// Hover over LSP: what a decision word means, how a citation was read, which rule a finding comes from.
import { hoverAt } from '../../../engine/src/language/hover';
import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver';
import type { ServerContext } from '../context';
import { guarded, lintedDocument } from './determination';

export function registerHover(context: ServerContext): void {
  context.connection.onHover((params) => guarded(context, 'hover', null, () => hover(context, params)));
}

async function hover(context: ServerContext, params: HoverParams): Promise<Hover | null> {
  const current = await lintedDocument(context, params.textDocument.uri);
  if (!current) return null;
  const info = hoverAt(current.result.model, current.result.findings, current.lines.offsetAt(params.position), { docsUri: context.docsUri });
  if (!info) return null;
  return { contents: { kind: MarkupKind.Markdown, value: info.markdown }, range: current.lines.rangeOf(info.span) };
}
