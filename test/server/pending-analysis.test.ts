// Code actions and completion asked while a draft's analysis is on its way wait for it, and answer for the version
// they were asked about: the server's own features over an in-process connection, with an analysis step held back.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PassThrough } from 'node:stream';
import { createConnection, TextDocuments } from 'vscode-languageserver/node';
import {
  CodeActionRequest,
  CompletionRequest,
  CompletionTriggerKind,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  StreamMessageReader,
  StreamMessageWriter,
  type CodeAction,
  type CompletionList,
  type ProtocolConnection,
  type Range,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createImrService, inProcessAnalysis, type Analysis, type AnalysisRequest, type AnalysisStep } from '../../engine/src';
import { basicClient } from '../../server/src/client';
import { registerFeatures } from '../../server/src/features';
import { memoryHost } from '../config/memory-host';
import { replaceOnce, seed } from '../language/drafts';
import { positionAt } from '../support/lsp';

interface HeldRequest {
  request: AnalysisRequest;
  release(): void;
}

/** The real analysis, run only when the test releases it. */
class HeldAnalysis implements AnalysisStep {
  readonly requests: HeldRequest[] = [];
  private readonly inner = inProcessAnalysis();
  private readonly waiting: { accept: (request: AnalysisRequest) => boolean; resolve: (held: HeldRequest) => void }[] = [];

  analyse(request: AnalysisRequest): Promise<Analysis> {
    return new Promise((resolve) => {
      const held: HeldRequest = { request, release: () => resolve(this.inner.analyse(request) as Analysis) };
      this.requests.push(held);
      const index = this.waiting.findIndex((entry) => entry.accept(request));
      if (index >= 0) this.waiting.splice(index, 1)[0].resolve(held);
    });
  }

  forget(uri: string): void {
    this.inner.forget(uri);
  }

  /** Resolves once an analysis of a text that satisfies `accept` is asked for (or already was and is still held). */
  requested(accept: (text: string) => boolean): Promise<HeldRequest> {
    const asked = this.requests.find((held) => accept(held.request.text));
    if (asked) return Promise.resolve(asked);
    return new Promise((resolve) => this.waiting.push({ accept: (request) => accept(request.text), resolve }));
  }
}

const URI = 'file:///cases/pending.imr.md';

describe('features asked while the analysis is on its way', () => {
  let client: ProtocolConnection;
  let analysis: HeldAnalysis;
  let dispose: () => void;

  before(() => {
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    const connection = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
    const documents = new TextDocuments(TextDocument);
    analysis = new HeldAnalysis();
    const service = createImrService({ fileSystem: memoryHost({}) }, { analysis, today: () => '2016-01-01' });
    registerFeatures({ connection, documents, service, client: basicClient(), docsUri: (ruleId) => `https://example.test/rules/${ruleId}` });
    documents.listen(connection);
    connection.listen();
    client = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    client.listen();
    dispose = () => {
      client.dispose();
      connection.dispose();
    };
  });
  after(() => dispose());

  /** A request's promise, and whether it has settled yet. */
  function tracked<T>(promise: Promise<T>): { promise: Promise<T>; settled: () => boolean } {
    let done = false;
    void promise.then(
      () => (done = true),
      () => (done = true),
    );
    return { promise, settled: () => done };
  }

  const rangeOf = (text: string, needle: string): Range => {
    const offset = text.indexOf(needle);
    assert.ok(offset >= 0, needle);
    return { start: positionAt(text, offset), end: positionAt(text, offset + needle.length) };
  };

  it('answer for the version they were asked about once its analysis arrives, never empty before', async () => {
    void client.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: URI, languageId: 'imr', version: 1, text: seed } });
    const approved = replaceOnce(seed, 'Injection:  Overturned', 'Injection:  Approved');
    void client.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: URI, version: 2 }, contentChanges: [{ text: approved }] });

    const actions = tracked(
      client.sendRequest(CodeActionRequest.type, { textDocument: { uri: URI }, range: rangeOf(approved, 'Approved'), context: { diagnostics: [] } }),
    );
    const held = await analysis.requested((text) => text === approved);
    // The same version asked again shares the analysis on its way rather than starting another.
    const completionAt = approved.indexOf('Approved') + 'Appr'.length;
    const completions = tracked(
      client.sendRequest(CompletionRequest.type, {
        textDocument: { uri: URI },
        position: positionAt(approved, completionAt),
        context: { triggerKind: CompletionTriggerKind.Invoked },
      }),
    );
    assert.equal(actions.settled(), false, 'the code actions wait for the analysis');
    assert.equal(completions.settled(), false, 'the completions wait for the analysis');
    held.release();

    const titles = ((await actions.promise) as CodeAction[]).map((action) => action.title);
    assert.deepEqual(titles, ['Change to "Overturned"', 'Disable decision-value for this line']);
    const labels = ((await completions.promise) as CompletionList).items.map((item) => item.label);
    assert.deepEqual(labels, ['Upheld', 'Overturned']);
    assert.equal(analysis.requests.filter((request) => request.request.text === approved).length, 1, 'one analysis of version 2');
  });

  it('answer from the newer version when the draft changed while an older analysis was on its way', async () => {
    const ohoi = replaceOnce(seed, 'Texas, Ohio', 'Texas, Ohoi');
    void client.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: URI, version: 3 }, contentChanges: [{ text: ohoi }] });
    const first = tracked(
      client.sendRequest(CodeActionRequest.type, { textDocument: { uri: URI }, range: rangeOf(ohoi, 'Ohoi'), context: { diagnostics: [] } }),
    );
    const older = await analysis.requested((text) => text === ohoi);

    const both = replaceOnce(ohoi, 'Ohoi, California', 'Ohoi, Californa');
    void client.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: URI, version: 4 }, contentChanges: [{ text: both }] });
    const second = tracked(
      client.sendRequest(CodeActionRequest.type, { textDocument: { uri: URI }, range: rangeOf(both, 'Californa'), context: { diagnostics: [] } }),
    );
    const newer = await analysis.requested((text) => text === both);
    newer.release();
    const titles = ((await second.promise) as CodeAction[]).map((action) => action.title);
    assert.deepEqual(titles, ['Change to "California"', 'Disable credential-state for this line', 'Fix all fixable IMR findings']);
    assert.equal(first.settled(), false, 'the request on version 3 still waits for its own analysis');
    older.release();
    assert.deepEqual(
      ((await first.promise) as CodeAction[]).map((action) => action.title),
      ['Change to "Ohio"', 'Disable credential-state for this line'],
    );
  });
});
