import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DocumentSymbolRequest, SymbolKind, WorkspaceSymbolRequest, type DocumentSymbol, type SymbolInformation } from 'vscode-languageserver-protocol/node';
import { seed } from '../language/drafts';
import { fileUri, startServer, type LspSession } from '../support/lsp';

const range = (startLine: number, startCharacter: number, endLine: number, endCharacter: number) => ({
  start: { line: startLine, character: startCharacter },
  end: { line: endLine, character: endCharacter },
});

describe('symbols over stdio', () => {
  let server: LspSession;
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    await server.stop();
  });

  async function open(name: string, text: string): Promise<string> {
    const uri = fileUri(name);
    const published = server.diagnostics(uri);
    server.open(uri, text);
    await published;
    return uri;
  }

  it('outlines the seed: sections, credentials, the item with its decision, its fields', async () => {
    const uri = await open('symbols-seed.imr.md', seed);
    const symbols = (await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    const field = (name: string, detail: string, at: ReturnType<typeof range>, label: ReturnType<typeof range>): DocumentSymbol => ({
      name,
      detail,
      kind: SymbolKind.Field,
      range: at,
      selectionRange: label,
      children: [],
    });
    assert.deepEqual(symbols, [
      {
        name: 'HOW THE IMR FINAL DETERMINATION WAS MADE',
        kind: SymbolKind.Namespace,
        range: range(0, 1, 24, 70),
        selectionRange: range(0, 1, 0, 41),
        children: [
          {
            name: 'Credentials',
            kind: SymbolKind.Struct,
            range: range(22, 0, 24, 70),
            selectionRange: range(22, 0, 22, 22),
            children: [
              {
                name: 'State(s) of Licensure',
                detail: 'Texas, Ohio, California',
                kind: SymbolKind.Property,
                range: range(22, 0, 22, 46),
                selectionRange: range(22, 0, 22, 22),
                children: [],
              },
              {
                name: 'Certification(s)/Specialty',
                detail: 'Preventive Medicine, Occupational Medicine',
                kind: SymbolKind.Property,
                range: range(24, 0, 24, 70),
                selectionRange: range(24, 0, 24, 27),
                children: [],
              },
            ],
          },
        ],
      },
      { name: 'CLINICAL CASE SUMMARY', kind: SymbolKind.Namespace, range: range(28, 0, 52, 8), selectionRange: range(28, 0, 28, 21), children: [] },
      {
        name: 'IMR ISSUES, DECISIONS AND RATIONALES',
        kind: SymbolKind.Namespace,
        range: range(56, 0, 98, 20),
        selectionRange: range(56, 0, 56, 36),
        children: [
          {
            name: 'Left Hip Cortisone Injection',
            detail: 'Overturned',
            kind: SymbolKind.Object,
            range: range(62, 0, 98, 20),
            selectionRange: range(62, 0, 62, 28),
            children: [
              field('Claims Administrator guideline', 'Non-MTUS: ODG', range(66, 0, 68, 69), range(66, 0, 66, 30)),
              field('MAXIMUS guideline', 'Non-MTUS: ACOEM Practice Guidelines, Third Edition', range(74, 0, 78, 52), range(74, 0, 74, 17)),
              field('Decision rationale', 'medically necessary', range(82, 0, 98, 20), range(82, 0, 82, 18)),
            ],
          },
        ],
      },
    ]);
    server.close(uri);
  });

  it('finds sections and items of every open determination, and only of open ones', async () => {
    const seedUri = await open('symbols-a.imr.md', seed);
    const other = seed
      .replace('Left Hip Cortisone Injection:  Overturned', 'Right Knee MRI:  Upheld')
      .replace('Therefore, the request was \n\nmedically necessary.', 'Therefore, the request was not medically necessary.');
    const otherUri = await open('symbols-b.imr.md', other);
    const notes = fileUri('symbols-notes.md');
    server.open(notes, '# Notes\n\nLeft Hip: nothing to see\n', 'markdown');
    const query = async (text: string) =>
      ((await server.connection.sendRequest(WorkspaceSymbolRequest.type, { query: text })) as SymbolInformation[]).map((symbol) => [
        symbol.name,
        symbol.kind,
        symbol.location.uri,
        symbol.containerName,
      ]);
    assert.deepEqual(await query('hip'), [
      ['Left Hip Cortisone Injection: Overturned', SymbolKind.Object, seedUri, 'IMR ISSUES, DECISIONS AND RATIONALES (symbols-a.imr.md)'],
    ]);
    assert.deepEqual(await query('knee mri'), [
      ['Right Knee MRI: Upheld', SymbolKind.Object, otherUri, 'IMR ISSUES, DECISIONS AND RATIONALES (symbols-b.imr.md)'],
    ]);
    assert.deepEqual(
      (await query('CLINICAL')).map((symbol) => [symbol[0], symbol[2]]),
      [
        ['CLINICAL CASE SUMMARY', seedUri],
        ['CLINICAL CASE SUMMARY', otherUri],
      ],
    );
    server.close(otherUri);
    assert.deepEqual(
      (await query('CLINICAL')).map((symbol) => symbol[2]),
      [seedUri],
    );
    server.close(seedUri);
    server.close(notes);
  });
});
