// The language server over stdio on hostile drafts and edit storms: it always answers and never publishes an old version.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { DocumentSymbolRequest } from 'vscode-languageserver-protocol/node';
import { generateDraft } from '../../bench/generate';
import { fileUri, startServer, type LspSession } from '../support/lsp';

const seed = readFileSync(new URL('../fixtures/seed.imr.md', import.meta.url), 'utf8');

describe('language server robustness', () => {
  let server: LspSession;
  before(async () => {
    server = await startServer({ debounceMs: 0 });
  });
  after(async () => {
    await server.stop();
  });

  /** Opens a draft and returns the rule ids of its first diagnostics. */
  async function codesOnOpen(name: string, text: string): Promise<string[]> {
    const uri = fileUri(name);
    const published = server.diagnostics(uri);
    server.open(uri, text);
    const { diagnostics } = await published;
    server.close(uri);
    return diagnostics.map((diagnostic) => String(diagnostic.code));
  }

  it('an empty draft: the missing sections', async () => {
    assert.deepEqual(await codesOnOpen('empty.imr.md', ''), ['required-section', 'required-section', 'required-section']);
  });

  it('a 20 MB draft: the size-limit diagnostic, nothing else', async () => {
    assert.deepEqual(await codesOnOpen('huge.imr.md', `${seed}\n${'lorem ipsum '.repeat((20 * 2 ** 20) / 12)}`), ['max-file-size']);
  });

  it('10,000 nested lists and block quotes, a 5 MB line and a draft of HTML: answered, and the server still serves', async () => {
    for (const [name, text] of [
      ['lists.imr.md', `${seed}\n\n${'- '.repeat(10_000)}deep\n`],
      ['quotes.imr.md', `${seed}\n\n${'>'.repeat(10_000)} deep\n`],
      ['line.imr.md', 'The applicant reported improvement in function. '.repeat(110_000)],
      ['html.imr.md', `<div>\n${seed}\n</div>\n<script>alert("Approved")</script>\n<!-- never closed`],
    ]) {
      const codes = await codesOnOpen(name, text);
      assert.ok(codes.length > 0, `${name} got diagnostics`);
    }
    const uri = fileUri('after.imr.md');
    const published = server.diagnostics(uri);
    server.open(uri, seed);
    await published;
    const symbols = await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
    assert.ok(Array.isArray(symbols), 'a request after the hostile drafts is answered');
    server.close(uri);
  });

  it('edits faster than validations of a 1 MB draft: few validations, the last version published, never an older one after a newer', async () => {
    const uri = fileUri('storm.imr.md');
    const text = generateDraft({ size: 1024 * 1024 });
    const opened = server.diagnostics(uri);
    server.open(uri, text);
    await opened;
    const published: number[] = [];
    const last = 31;
    const done = server.diagnostics(uri, (params) => {
      published.push(params.version!);
      return params.version === last;
    });
    for (let version = 2; version <= last; version++)
      server.change(uri, version, [{ range: { start: { line: 30, character: 0 }, end: { line: 30, character: 0 } }, text: 'x' }]);
    await done;
    assert.equal(published[published.length - 1], last);
    assert.deepEqual(
      [...published].sort((a, b) => a - b),
      published,
      'versions only go up',
    );
    // However fast a validation is, edits that arrive while one runs are folded into the next: most never get their own.
    assert.ok(published.length <= (last - 1) / 2, `${published.length} validations for ${last - 1} edits`);
    server.close(uri);
  });

  it('a change to a document that is not open, and an edit past the end, do not break the server', async () => {
    server.change(fileUri('never-opened.imr.md'), 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }]);
    const uri = fileUri('past-end.imr.md');
    const opened = server.diagnostics(uri);
    server.open(uri, seed);
    await opened;
    const edited = server.diagnostics(uri, (params) => params.version === 2);
    server.change(uri, 2, [{ range: { start: { line: 9999, character: 50 }, end: { line: 10_000, character: 0 } }, text: '\nDr. Smith' }]);
    const { diagnostics } = await edited;
    assert.ok(
      diagnostics.some((diagnostic) => diagnostic.code === 'phi'),
      'the text appended past the end was checked',
    );
    server.close(uri);
  });
});
