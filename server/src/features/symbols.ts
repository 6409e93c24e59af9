// The outline of a determination (document symbols) and its sections and items across open drafts (workspace symbols).
import { SymbolKind, type DocumentSymbol, type DocumentSymbolParams, type SymbolInformation, type WorkspaceSymbolParams } from 'vscode-languageserver';
import type { OutlineKind, OutlineNode } from '../../../engine/src';
import type { ServerContext } from '../context';
import { checkOf, guarded } from '../documents';

const KIND: Record<OutlineKind, SymbolKind> = {
  section: SymbolKind.Namespace,
  item: SymbolKind.Object,
  field: SymbolKind.Field,
  credentials: SymbolKind.Struct,
  credential: SymbolKind.Property,
};

export function registerSymbols(context: ServerContext): void {
  context.connection.onDocumentSymbol((params) => guarded(context, 'document symbols', [], () => documentSymbols(context, params)));
  context.connection.onWorkspaceSymbol((params) => guarded(context, 'workspace symbols', [], () => workspaceSymbols(context, params)));
}

async function documentSymbols(context: ServerContext, params: DocumentSymbolParams): Promise<DocumentSymbol[]> {
  const result = await checkOf(context, params.textDocument.uri);
  return result ? context.service.outline(result).map(toSymbol) : [];
}

function toSymbol(node: OutlineNode): DocumentSymbol {
  return {
    name: node.name,
    detail: node.detail,
    kind: KIND[node.kind],
    range: node.range,
    selectionRange: node.selectionRange,
    children: node.children.map(toSymbol),
  };
}

/** Sections and disputed items of every open determination whose name holds the query's characters in order. */
async function workspaceSymbols(context: ServerContext, params: WorkspaceSymbolParams): Promise<SymbolInformation[]> {
  const out: SymbolInformation[] = [];
  for (const document of context.documents.all()) {
    const result = await checkOf(context, document.uri);
    if (!result) continue;
    const file = fileName(document.uri);
    for (const section of context.service.outline(result)) {
      if (section.kind !== 'section') continue;
      if (matches(section.name, params.query)) out.push(information(section, document.uri, file));
      for (const item of section.children) {
        if (item.kind === 'item' && matches(item.name, params.query)) out.push(information(item, document.uri, `${section.name} (${file})`));
      }
    }
  }
  return out;
}

function information(node: OutlineNode, uri: string, containerName: string): SymbolInformation {
  const name = node.kind === 'item' && node.detail ? `${node.name}: ${node.detail}` : node.name;
  return { name, kind: KIND[node.kind], location: { uri, range: node.range }, containerName };
}

function matches(name: string, query: string): boolean {
  const wanted = query.toLowerCase().replace(/\s+/g, '');
  const haystack = name.toLowerCase();
  let at = 0;
  for (const character of wanted) {
    at = haystack.indexOf(character, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

function fileName(uri: string): string {
  const last = uri.slice(uri.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
