// Folding ranges over LSP: sections, disputed items and fields that run over several lines.
import type { FoldingRange, FoldingRangeParams } from 'vscode-languageserver';
import type { ServerContext } from '../context';
import { checkOf, guarded } from '../documents';

export function registerFolding(context: ServerContext): void {
  context.connection.onFoldingRanges((params) => guarded(context, 'folding ranges', [], () => folding(context, params)));
}

async function folding(context: ServerContext, params: FoldingRangeParams): Promise<FoldingRange[]> {
  const result = await checkOf(context, params.textDocument.uri);
  return result ? context.service.folding(result).map(({ startLine, endLine }) => ({ startLine, endLine })) : [];
}
