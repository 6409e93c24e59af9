// Folding ranges over LSP: sections, disputed items and fields that run over several lines.
import { foldingRanges } from '../../../engine/src/language/folding';
import type { FoldingRange, FoldingRangeParams } from 'vscode-languageserver';
import type { ServerContext } from '../context';
import { guarded, modelOf } from './determination';

export function registerFolding(context: ServerContext): void {
  context.connection.onFoldingRanges((params) => guarded(context, 'folding ranges', [], () => folding(context, params)));
}

async function folding(context: ServerContext, params: FoldingRangeParams): Promise<FoldingRange[]> {
  const current = await modelOf(context, params.textDocument.uri);
  return current ? foldingRanges(current.model).map(({ startLine, endLine }) => ({ startLine, endLine })) : [];
}
