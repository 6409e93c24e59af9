// The language server over stdio while a hostile draft is checked: the check is stopped at its budget with one finding,
// its thread replaced, and every other draft keeps being answered within a second.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import {
  CodeActionRequest,
  CompletionRequest,
  CompletionTriggerKind,
  DocumentSymbolRequest,
  HoverRequest,
  type Diagnostic,
  type Hover,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { positionAt, startServer, type LspSession } from '../support/lsp';
import { repository } from './hostile-support';

const seed = readFileSync(new URL('../fixtures/seed.imr.md', import.meta.url), 'utf8');
/** Row 6: a million headings (4 MB, under the size limit): minutes and gigabytes without a budget. */
const headings = `${seed}\n${'# h\n'.repeat(1_000_000)}`;
const DECISION = seed.indexOf('Overturned');

/** The peak resident memory of a process, in MB (Linux). */
function peakMegabytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

async function timed<T>(pending: Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await pending;
  return { value, ms: performance.now() - started };
}

describe('the budget of one check, language server', () => {
  let repo: ReturnType<typeof repository>;
  const sessions: LspSession[] = [];
  before(() => {
    repo = repository('budget-lsp');
  });
  after(async () => {
    for (const session of sessions) await session.stop();
    repo.remove();
  });

  async function server(options: Parameters<typeof startServer>[0]): Promise<LspSession> {
    const session = await startServer(options);
    sessions.push(session);
    return session;
  }

  /** Opens a draft in the workspace folder and returns the promise of its first diagnostics. */
  function open(session: LspSession, file: string, text: string): { uri: string; published: Promise<PublishDiagnosticsParams> } {
    const uri = pathToFileURL(path.join(repo.folder, file)).toString();
    const published = session.diagnostics(uri);
    session.open(uri, text);
    return { uri, published };
  }

  /** Hover, completion and the outline of a draft that is not being checked, each timed. */
  async function answersOn(session: LspSession, uri: string): Promise<{ hover: number; completion: number; symbols: number; hovered: Hover | null }> {
    const position = positionAt(seed, DECISION);
    const hover = await timed(session.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position }));
    const completion = await timed(
      session.connection.sendRequest(CompletionRequest.type, {
        textDocument: { uri },
        position: positionAt(seed, seed.indexOf(':', DECISION - 12) + 1),
        context: { triggerKind: CompletionTriggerKind.Invoked },
      }),
    );
    const symbols = await timed(session.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }));
    assert.ok(Array.isArray(symbols.value) && symbols.value.length > 0, 'the outline of the other draft');
    return { hover: hover.ms, completion: completion.ms, symbols: symbols.ms, hovered: hover.value };
  }

  const only = (diagnostics: Diagnostic[]): [unknown, string][] => diagnostics.map((diagnostic) => [diagnostic.code, String(diagnostic.message)]);

  it(
    'row 6: a million headings is stopped at the time budget with one finding; meanwhile another draft is answered within a second and checked on a second thread',
    { timeout: 120_000 },
    async (t) => {
      // Memory enough that time runs out first, however fast the machine.
      const session = await server({ settings: { budget: { timeMs: 3000, memoryMb: 2048 } }, workspaceFolders: [repo.folder] });
      const other = open(session, 'other.imr.md', seed);
      await other.published;

      const started = performance.now();
      const hostile = open(session, 'headings.imr.md', headings);
      let hostileAt = Infinity;
      void hostile.published.then(() => (hostileAt = performance.now()));

      const answers = await answersOn(session, other.uri);
      t.diagnostic(
        `while the hostile draft is checked: hover ${answers.hover.toFixed(0)} ms, completion ${answers.completion.toFixed(0)} ms, symbols ${answers.symbols.toFixed(0)} ms`,
      );
      assert.ok(answers.hovered, 'the hover on the decision word is answered');
      for (const [request, ms] of Object.entries({ hover: answers.hover, completion: answers.completion, symbols: answers.symbols })) {
        assert.ok(ms < 1000, `${request} answered in ${ms.toFixed(0)} ms`);
      }
      assert.equal(hostileAt, Infinity, 'the hostile draft was still being checked when they were answered');

      // An edit of the other draft is checked while the first thread is stuck: a second one takes it.
      const edited = session.diagnostics(other.uri, (params) => params.version === 2);
      session.change(other.uri, 2, [{ range: { start: positionAt(seed, DECISION), end: positionAt(seed, DECISION + 'Overturned'.length) }, text: 'Approved' }]);
      const checked = await edited;
      assert.ok(
        checked.diagnostics.some((diagnostic) => diagnostic.code === 'decision-value'),
        'the edit was checked',
      );
      assert.equal(hostileAt, Infinity, 'before the hostile draft was stopped');

      const { diagnostics } = await hostile.published;
      const elapsed = performance.now() - started;
      t.diagnostic(`the hostile draft's finding after ${elapsed.toFixed(0)} ms; peak server memory ${peakMegabytes(session.process.pid!).toFixed(0)} MB`);
      assert.deepEqual(only(diagnostics), [
        [
          'check-budget',
          'Stopped after 3 s: this draft takes longer to check than the budget of one check allows, so it shows no other findings. Nothing was changed; if it is a real letter, raise the time budget ("budget.timeMs").',
        ],
      ]);
      assert.match(String(diagnostics[0].codeDescription?.href), /docs\/rules\/check-budget\.md$/);
      assert.ok(elapsed < 30_000, `stopped after ${elapsed.toFixed(0)} ms`);

      // The thread was replaced: the next edit of the other draft is checked again.
      const again = session.diagnostics(other.uri, (params) => params.version === 3);
      session.change(other.uri, 3, [{ range: { start: positionAt(seed, DECISION), end: positionAt(seed, DECISION + 'Approved'.length) }, text: 'Upheld' }]);
      assert.equal(
        (await again).diagnostics.some((diagnostic) => diagnostic.code === 'decision-value'),
        false,
      );
      // The thread's heap grows with the parse until the stop: 0.9 GB in 3 s on the machine of these tests, more on a
      // faster one, within the 2 GB heap budget given above; the server never grows past it.
      assert.ok(peakMegabytes(session.process.pid!) < 2300, `peak ${peakMegabytes(session.process.pid!).toFixed(0)} MB`);
    },
  );

  it('a draft stopped over budget: its letter says so at once, and fix-all offers nothing', { timeout: 120_000 }, async () => {
    const session = await server({ settings: { budget: { timeMs: 1000 } }, workspaceFolders: [repo.folder] });
    const hostile = open(session, 'stopped.imr.md', headings);
    assert.equal((await hostile.published).diagnostics[0]?.code, 'check-budget');
    const letter = await timed(session.connection.sendRequest('imr/render', { uri: hostile.uri, mode: 'preview' }) as Promise<{ html: string }>);
    assert.match(letter.value.html, /This draft is not shown: Stopped after 1 s/);
    assert.ok(letter.ms < 1000, `the letter in ${letter.ms.toFixed(0)} ms`);
    const actions = await session.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: hostile.uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.imr'] },
    });
    assert.deepEqual(actions, []);
  });

  it('a check over the memory budget is stopped with one finding, and the server lives on', { timeout: 120_000 }, async (t) => {
    const session = await server({ settings: { budget: { memoryMb: 96, timeMs: 100_000 } }, workspaceFolders: [repo.folder] });
    const hostile = open(session, 'memory.imr.md', headings);
    const { diagnostics } = await hostile.published;
    t.diagnostic(`peak server memory ${peakMegabytes(session.process.pid!).toFixed(0)} MB`);
    assert.ok(peakMegabytes(session.process.pid!) < 400, `peak ${peakMegabytes(session.process.pid!).toFixed(0)} MB`);
    assert.deepEqual(
      only(diagnostics).map(([code, message]) => [code, message.slice(0, 91)]),
      [['check-budget', 'Stopped at 96 MB: this draft needs more memory to check than the budget of one check allows']],
    );
    const other = open(session, 'after-memory.imr.md', seed);
    assert.ok((await other.published).diagnostics.length > 0);
    assert.ok((await answersOn(session, other.uri)).hovered);
  });

  it(
    'row 6: a configuration raising maxFileSize, then a 20 MB draft: stopped at the budget with the finding, other drafts answered meanwhile, memory bounded',
    { timeout: 120_000 },
    async (t) => {
      const folder = path.join(repo.folder, 'large');
      mkdirSync(folder);
      writeFileSync(path.join(folder, '.imrlintrc.json'), JSON.stringify({ maxFileSize: 100_000_000, budget: { timeMs: 2000 } }));
      const session = await server({ workspaceFolders: [repo.folder] });
      const other = open(session, 'other-large.imr.md', seed);
      await other.published;
      const big = `${seed}\n${'The applicant reported improvement in function after therapy. '.repeat((20 * 2 ** 20) / 63)}`;
      const started = performance.now();
      const hostile = open(session, 'large/big.imr.md', big);
      let hostileAt = Infinity;
      void hostile.published.then(() => (hostileAt = performance.now()));
      const answers = await answersOn(session, other.uri);
      assert.ok(answers.hover < 1000 && answers.completion < 1000 && answers.symbols < 1000, JSON.stringify(answers));
      assert.equal(hostileAt, Infinity, 'answered while the 20 MB draft was being checked');
      const { diagnostics } = await hostile.published;
      t.diagnostic(
        `20 MB draft: finding after ${(performance.now() - started).toFixed(0)} ms; peak server memory ${peakMegabytes(session.process.pid!).toFixed(0)} MB`,
      );
      // Within its budget on a fast machine (the draft is the seed and one long paragraph: the seed's findings), stopped
      // at it with the one finding on a slower one; never longer, never more memory. The stop itself is certain in the
      // command line's test of this row, whose budget no 20 MB check fits in.
      const codes = diagnostics.map((diagnostic) => diagnostic.code);
      if (codes.includes('check-budget')) {
        assert.deepEqual(codes, ['check-budget']);
        assert.match(String(diagnostics[0].message), /^Stopped after 2 s:/);
      } else {
        assert.deepEqual(
          codes,
          (await other.published).diagnostics.map((diagnostic) => diagnostic.code),
        );
      }
      assert.ok(hostileAt - started < 2000 + 10_000, `published ${(hostileAt - started).toFixed(0)} ms after the draft was opened`);
      assert.ok(peakMegabytes(session.process.pid!) < 1000, `peak ${peakMegabytes(session.process.pid!).toFixed(0)} MB`);
    },
  );

  it('untrusted, a configuration cannot raise the budget (a notice says so) but may lower it', { timeout: 120_000 }, async () => {
    const raised = path.join(repo.folder, 'untrusted-raise');
    const lowered = path.join(repo.folder, 'untrusted-lower');
    mkdirSync(raised);
    mkdirSync(lowered);
    writeFileSync(path.join(raised, '.imrlintrc.json'), JSON.stringify({ budget: { timeMs: 600_000, memoryMb: 4096 } }));
    writeFileSync(path.join(lowered, '.imrlintrc.json'), JSON.stringify({ budget: { timeMs: 500 } }));
    const session = await server({ workspaceFolders: [raised, lowered], initializationOptions: { trusted: false } });
    const notices = (await open(session, 'untrusted-raise/d.imr.md', seed).published).diagnostics.filter((diagnostic) => diagnostic.code === 'configuration');
    assert.equal(notices.length, 1);
    assert.match(
      String(notices[0].message),
      /budget\.timeMs: 600000 is not used in an untrusted workspace, which cannot raise the budget above the default 10000/,
    );
    assert.match(String(notices[0].message), /budget\.memoryMb: 4096 is not used in an untrusted workspace/);
    assert.deepEqual(
      only((await open(session, 'untrusted-lower/h.imr.md', headings).published).diagnostics).map(([code, message]) => [code, message.slice(0, 24)]),
      [['check-budget', 'Stopped after 500 ms: th']],
    );
  });
});
