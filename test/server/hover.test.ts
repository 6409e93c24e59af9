import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { HoverRequest, type Hover, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { replaceOnce, seed } from '../language/drafts';
import { fileUri, positionAt, startServer, type LspSession } from '../support/lsp';

describe('hover over stdio', () => {
  let server: LspSession;
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    await server.stop();
  });

  async function hoverOn(text: string, name: string, at: string, within = 1): Promise<Hover | null> {
    const uri = fileUri(name);
    const published = server.diagnostics(uri);
    server.open(uri, text);
    await published;
    const offset = text.indexOf(at);
    assert.ok(offset >= 0, at);
    const result = await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionAt(text, offset + within) });
    server.close(uri);
    return result;
  }

  const markdown = (hover: Hover | null): string => {
    assert.ok(hover, 'a hover');
    const contents = hover.contents as MarkupContent;
    assert.equal(contents.kind, 'markdown');
    return contents.value;
  };

  it("gives the decision word's meaning in one line, over the word's range", async () => {
    const hover = await hoverOn(seed, 'hover-decision.imr.md', 'Overturned \n');
    assert.equal(markdown(hover), '**Overturned**: the utilization review (UR) decision is reversed: the requested treatment is medically necessary.');
    assert.deepEqual(hover!.range, { start: { line: 62, character: 31 }, end: { line: 62, character: 41 } });
  });

  it('shows how a citation was read: kind, catalogue source, chapter, topic and search sequence', async () => {
    const value = markdown(await hoverOn(seed, 'hover-citation.imr.md', 'ACOEM Practice Guidelines, Third'));
    assert.match(value, /^\*\*Non-MTUS citation\*\*/);
    assert.match(value, /catalogue name \*ACOEM Practice Guidelines, Third Edition\* \(outside the MTUS\)/);
    assert.match(value, /catalogue chapter \*Hip\*/);
    assert.match(value, /- Topic: "Trochanteric Glucocorticosteroid Injections"/);
    assert.match(value, /Evidence search sequence: Outside the MTUS/);
  });

  it("links a finding's rule page as a file, and says what the rule checks, without the finding's message", async () => {
    const value = markdown(await hoverOn(replaceOnce(seed, 'Texas, Ohio', 'Texas, Ohoi'), 'hover-finding.imr.md', 'Ohoi'));
    assert.match(value, /^Rule \[credential-state\]\(file:\/\/\/.+\/docs\/rules\/credential-state\.md\): States of licensure are US states/);
    assert.doesNotMatch(value, /is not a state/);
  });

  it('answers nothing on narrative', async () => {
    assert.equal(await hoverOn(seed, 'hover-none.imr.md', 'chronic pain syndrome'), null);
  });
});
