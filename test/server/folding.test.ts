import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { FoldingRangeRequest } from 'vscode-languageserver-protocol/node';
import { seed } from '../language/drafts';
import { fileUri, startServer, type LspSession } from '../support/lsp';

describe('folding over stdio', () => {
  let server: LspSession;
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    await server.stop();
  });

  it("folds the seed's sections, its item and its multi-line fields", async () => {
    const uri = fileUri('folding-seed.imr.md');
    const published = server.diagnostics(uri);
    server.open(uri, seed);
    await published;
    assert.deepEqual(await server.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } }), [
      { startLine: 0, endLine: 24 },
      { startLine: 28, endLine: 52 },
      { startLine: 56, endLine: 98 },
      { startLine: 62, endLine: 98 },
      { startLine: 66, endLine: 68 },
      { startLine: 74, endLine: 78 },
      { startLine: 82, endLine: 98 },
    ]);
    server.close(uri);
  });

  it('follows an edit, and leaves one-line parts alone', async () => {
    const uri = fileUri('folding-edit.imr.md');
    const text = 'IMR ISSUES, DECISIONS AND RATIONALES\n\nLumbar MRI:  Upheld\nClaims Administrator guideline: one line.\n';
    const published = server.diagnostics(uri);
    server.open(uri, text);
    await published;
    server.change(uri, 2, [
      { range: { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } }, text: 'Decision rationale: first line\ncontinues here.\n' },
    ]);
    assert.deepEqual(await server.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } }), [
      { startLine: 0, endLine: 5 },
      { startLine: 2, endLine: 5 },
      { startLine: 4, endLine: 5 },
    ]);
    server.close(uri);
  });

  it('folds nothing in ordinary Markdown', async () => {
    const uri = fileUri('folding-notes.md');
    const published = server.diagnostics(uri);
    server.open(uri, '# Notes\n\none\ntwo\n', 'markdown');
    await published;
    assert.deepEqual(await server.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } }), []);
    server.close(uri);
  });
});
