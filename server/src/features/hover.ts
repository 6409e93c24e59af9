// Hover over LSP: what a decision word means, how a citation was read, which rule a finding comes from.
import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver';
import type { ServerContext } from '../context';
import { checkOf, guarded } from '../documents';

export function registerHover(context: ServerContext): void {
  context.connection.onHover((params) => guarded(context, 'hover', null, () => hover(context, params)));
}

async function hover(context: ServerContext, params: HoverParams): Promise<Hover | null> {
  const result = await checkOf(context, params.textDocument.uri);
  if (!result) return null;
  const info = context.service.hover(result, result.lines.offsetAt(params.position), { docsUri: context.docsUri });
  if (!info) return null;
  return { contents: { kind: MarkupKind.Markdown, value: info.markdown }, range: result.lines.rangeOf(info.span) };
}
