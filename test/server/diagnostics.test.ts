import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { fileUri, startServer, type LspSession } from '../support/lsp';

const seed = readFileSync(new URL('../fixtures/seed.imr.md', import.meta.url), 'utf8');

describe('language server diagnostics over stdio', () => {
  let server: LspSession;
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    await server.stop();
  });

  it('advertises incremental sync', () => {
    assert.equal((server.initializeResult.capabilities.textDocumentSync as { change: number }).change, 2);
  });

  it('publishes no error or warning for the seed on open', async () => {
    const uri = fileUri('seed.imr.md');
    const published = server.diagnostics(uri);
    server.open(uri, seed);
    const { diagnostics, version } = await published;
    assert.equal(version, 1);
    assert.deepEqual(
      diagnostics.filter((diagnostic) => diagnostic.severity! <= 2).map((diagnostic) => diagnostic.code),
      [],
    );
    server.close(uri);
  });

  it('reports a wrong decision word with rule id, source, range and docs link, then clears it after an edit and on close', async () => {
    const uri = fileUri('approved.imr.md');
    const text = seed.replace('Left Hip Cortisone Injection:  Overturned', 'Left Hip Cortisone Injection:  Approved');
    const line = text.split('\n').findIndex((candidate) => candidate.includes('Approved'));
    const first = server.diagnostics(uri);
    server.open(uri, text);
    const opened = await first;
    const decision = opened.diagnostics.find((diagnostic) => diagnostic.code === 'decision-value');
    assert.ok(decision, 'decision-value reported');
    assert.equal(decision.source, 'imr');
    assert.equal(decision.severity, 1);
    assert.deepEqual(decision.range, { start: { line, character: 31 }, end: { line, character: 39 } });
    assert.match(decision.codeDescription!.href, /docs\/rules\/decision-value\.md$/);

    const second = server.diagnostics(uri, (params) => params.version === 2);
    server.change(uri, 2, [{ range: decision.range, text: 'Overturned' }]);
    const changed = await second;
    assert.equal(
      changed.diagnostics.find((diagnostic) => diagnostic.code === 'decision-value'),
      undefined,
    );

    const cleared = server.diagnostics(uri, (params) => params.diagnostics.length === 0);
    server.close(uri);
    assert.deepEqual((await cleared).diagnostics, []);
  });

  it('leaves ordinary Markdown alone', async () => {
    const uri = fileUri('notes.md');
    const published = server.diagnostics(uri);
    server.open(uri, '# Notes\n\nDecision: Approved\n', 'markdown');
    assert.deepEqual((await published).diagnostics, []);
    server.close(uri);
  });
});
