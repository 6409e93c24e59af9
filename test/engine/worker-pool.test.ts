// The pool of checking threads over a scripted thread that speaks its protocol: where each job goes, when a thread
// starts, how a job ends (answered, failed, over its time or memory, the thread gone), and when a thread retires.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import type { ImrConfig } from '../../engine/src/config/schema';
import { fixAll } from '../../engine/src/language/fix-all';
import { lint } from '../../engine/src/lint';
import { renderExportDocument } from '../../engine/src/render/document';
import { renderDetermination } from '../../engine/src/render/render';
import { CheckStopped, type Analysis, type AnalysisRequest, type Rendering } from '../../engine/src/service/analysis';
import { addressSpaceLeftMb } from '../../engine/src/service/workers/address-space';
import { stopFindings, stopMessage, type CheckBudget } from '../../engine/src/service/workers/budget';
import { WorkerPool, type Outcome, type WorkerPoolOptions } from '../../engine/src/service/workers/pool';
import type { AnalyseAnswer } from '../../engine/src/service/workers/protocol';
import { workerAnalysis, type WorkerAnalysis } from '../../engine/src/service/workers/step';
import { packModel } from '../../engine/src/service/workers/transfer';
import { LineIndex } from '../../engine/src/text';

const SCRIPT = path.resolve(import.meta.dirname, '../support/scripted-worker.cjs');
const BUDGET: CheckBudget = { timeMs: 10_000, memoryMb: 64 };

interface Echo {
  kind: string;
  model?: boolean;
  uri: string;
  threadId: number;
  workerData: unknown;
  resourceLimits: Record<string, number>;
  execArgv: string[];
  forgotten: string[];
}

describe('the pool of checking threads', () => {
  const pools: WorkerPool[] = [];
  const logged: string[] = [];
  const pool = (options: Partial<WorkerPoolOptions> = {}): WorkerPool => {
    const made = new WorkerPool({ script: SCRIPT, log: (message) => logged.push(message), ...options });
    pools.push(made);
    return made;
  };
  after(async () => {
    await Promise.all(pools.map((made) => made.close()));
  });

  const request = (uri: string, text: string): AnalysisRequest => ({ uri: `file:///drafts/${uri}`, text, config: {}, today: '2026-01-15' });
  const analyse = (threads: WorkerPool, uri: string, text: string, budget = BUDGET) =>
    threads.run(`file:///drafts/${uri}`, { kind: 'analyse', request: request(uri, text), model: false }, budget);
  const echo = (outcome: Outcome<AnalyseAnswer>): Echo => {
    assert.ok('ok' in outcome && outcome.ok, JSON.stringify(outcome));
    return (outcome.answer as AnalyseAnswer & { echo: Echo }).echo;
  };

  it('starts a thread with the first job, with its heap, code range and kept documents, and answers', async () => {
    const threads = pool({ keptDocuments: 3, youngGenerationMb: 16 });
    const spawned = once(threads.events, 'spawn');
    assert.deepEqual(threads.size, { threads: 0, busy: 0, queued: 0 });
    const answer = echo(await analyse(threads, 'a.imr.md', 'echo', { timeMs: 10_000, memoryMb: 96 }));
    assert.deepEqual((await spawned)[0], { threads: 1 });
    assert.deepEqual(answer.workerData, { keptDocuments: 3 });
    assert.equal(answer.resourceLimits.maxOldGenerationSizeMb, 96);
    assert.equal(answer.resourceLimits.codeRangeSizeMb, 32);
    assert.equal(answer.resourceLimits.maxYoungGenerationSizeMb, 16);
    assert.deepEqual(answer.execArgv, []);
    assert.deepEqual([answer.kind, answer.uri], ['analyse', 'file:///drafts/a.imr.md']);
    assert.deepEqual(threads.size, { threads: 1, busy: 0, queued: 0 });
    const defaults = echo(await analyse(pool(), 'a.imr.md', 'echo'));
    assert.deepEqual(defaults.workerData, { keptDocuments: 8 });
    assert.notEqual(defaults.resourceLimits.maxYoungGenerationSizeMb, 16, "V8's own young generation");
  });

  it('runs one job at a time on a thread, the next on it when it is free, and a second thread only past busyMs', async () => {
    const threads = pool({ busyMs: 150 });
    const first = echo(await analyse(threads, 'a.imr.md', 'echo'));
    const order: string[] = [];
    const slow = analyse(threads, 'a.imr.md', 'sleep:3000').then((outcome) => (order.push('slow'), echo(outcome)));
    const quick = analyse(threads, 'b.imr.md', 'echo').then((outcome) => (order.push('quick'), echo(outcome)));
    assert.deepEqual(threads.size, { threads: 1, busy: 1, queued: 1 }, 'the thread has been busy less than busyMs');
    const [slowEcho, quickEcho] = await Promise.all([slow, quick]);
    assert.deepEqual(order, ['quick', 'slow']);
    assert.equal(slowEcho.threadId, first.threadId, 'a document goes to the thread that holds it');
    assert.notEqual(quickEcho.threadId, first.threadId);
    assert.equal(threads.size.threads, 2);
  });

  it('never starts more threads than maxWorkers: a job waits for one', async () => {
    const threads = pool({ busyMs: 0, maxWorkers: 1 });
    const order: string[] = [];
    await Promise.all([
      analyse(threads, 'a.imr.md', 'sleep:200').then(() => order.push('a')),
      analyse(threads, 'b.imr.md', 'echo').then(() => order.push('b')),
    ]);
    assert.deepEqual(order, ['a', 'b']);
    assert.equal(threads.size.threads, 1);
  });

  it('waits for the thread that holds a document while it is busy less than busyMs, though another is free', async () => {
    const threads = pool({ busyMs: 400 });
    // Two threads: b's job starts the second once a's has been busy 400 ms.
    const [a, b] = (await Promise.all([analyse(threads, 'a.imr.md', 'sleep:1500'), analyse(threads, 'b.imr.md', 'echo')])).map(echo);
    assert.notEqual(b.threadId, a.threadId);
    const order: string[] = [];
    const [, second] = await Promise.all([
      analyse(threads, 'a.imr.md', 'sleep:50').then((outcome) => (order.push('first'), outcome)),
      analyse(threads, 'a.imr.md', 'echo').then((outcome) => (order.push('second'), outcome)),
    ]);
    assert.deepEqual(order, ['first', 'second']);
    assert.equal(echo(second).threadId, a.threadId, 'not the free thread');
  });

  it('stops a job over its time budget, retires its thread, and starts a new one for the next', async () => {
    const threads = pool();
    const retired = once(threads.events, 'retire');
    const started = performance.now();
    assert.deepEqual(await analyse(threads, 'a.imr.md', 'hang', { timeMs: 300, memoryMb: 64 }), { ok: false, stop: { kind: 'time', timeMs: 300 } });
    assert.ok(performance.now() - started >= 300);
    assert.deepEqual((await retired)[0], { threads: 0, reason: 'time' });
    assert.ok(echo(await analyse(threads, 'a.imr.md', 'echo')));
  });

  it('stops a job over its memory budget', { timeout: 60_000 }, async () => {
    const threads = pool();
    const retired = once(threads.events, 'retire');
    assert.deepEqual(await analyse(threads, 'a.imr.md', 'grow', { timeMs: 60_000, memoryMb: 64 }), { ok: false, stop: { kind: 'memory', memoryMb: 64 } });
    assert.deepEqual((await retired)[0], { threads: 0, reason: 'memory' });
  });

  it('ends a job the thread failed, and keeps the thread for the next', async () => {
    const threads = pool();
    const first = echo(await analyse(threads, 'a.imr.md', 'echo'));
    assert.deepEqual(await analyse(threads, 'a.imr.md', 'fail'), { ok: false, stop: { kind: 'failed', reason: 'Error: scripted failure' } });
    assert.equal(echo(await analyse(threads, 'a.imr.md', 'echo')).threadId, first.threadId);
  });

  it('ends the job of a thread that exits or throws, and logs what was thrown', async () => {
    const threads = pool();
    const exited = once(threads.events, 'retire');
    assert.deepEqual(await analyse(threads, 'a.imr.md', 'exit'), { ok: false, stop: { kind: 'failed', reason: 'it exited with status 3' } });
    assert.deepEqual((await exited)[0], { threads: 0, reason: 'failed' });
    logged.length = 0;
    assert.deepEqual(await analyse(threads, 'a.imr.md', 'throw'), { ok: false, stop: { kind: 'failed', reason: 'TypeError: scripted' } });
    assert.equal(logged.length, 1);
    assert.match(logged[0], /^imr: a checking thread failed: TypeError: scripted\n\s+at /);
  });

  it('logs what a thread prints, cut to 2,000 characters and its trailing line breaks', async () => {
    const threads = pool();
    logged.length = 0;
    echo(await analyse(threads, 'a.imr.md', 'log'));
    assert.deepEqual(logged, [`imr: checking thread: ${'x'.repeat(2000)}`, 'imr: checking thread: a library warning']);
  });

  it('retires a thread idle for idleMs', async () => {
    const threads = pool({ idleMs: 100 });
    echo(await analyse(threads, 'a.imr.md', 'echo'));
    const alive = setInterval(() => undefined, 1000);
    const [event] = await once(threads.events, 'retire').finally(() => clearInterval(alive));
    assert.deepEqual(event, { threads: 0, reason: 'idle' });
    assert.equal(threads.size.threads, 0);
  });

  it('tells the thread that holds a document to forget it once it closes, or once it moves to another thread', async () => {
    const threads = pool({ busyMs: 0 });
    const home = echo(await analyse(threads, 'a.imr.md', 'echo'));
    threads.forget('file:///drafts/a.imr.md');
    threads.forget('file:///drafts/never.imr.md');
    assert.deepEqual(echo(await analyse(threads, 'b.imr.md', 'echo')).forgotten, ['file:///drafts/a.imr.md']);
    // b's thread is busy past busyMs (0): a job for b starts a second thread, which b moves to.
    const [, moved] = await Promise.all([analyse(threads, 'c.imr.md', 'sleep:200'), analyse(threads, 'b.imr.md', 'echo')]);
    assert.notEqual(echo(moved).threadId, home.threadId);
    assert.deepEqual(echo(await analyse(threads, 'c.imr.md', 'echo')).forgotten, ['file:///drafts/a.imr.md', 'file:///drafts/b.imr.md']);
  });

  it('gives a job whose memory limit no thread has a thread of its own, retiring an idle one when at maxWorkers', async () => {
    const threads = pool({ maxWorkers: 1 });
    const small = echo(await analyse(threads, 'a.imr.md', 'echo', { timeMs: 10_000, memoryMb: 64 }));
    const retired = once(threads.events, 'retire');
    const large = echo(await analyse(threads, 'a.imr.md', 'echo', { timeMs: 10_000, memoryMb: 128 }));
    assert.notEqual(large.threadId, small.threadId);
    assert.equal(large.resourceLimits.maxOldGenerationSizeMb, 128);
    assert.deepEqual((await retired)[0], { threads: 1, reason: 'idle' });
  });

  it('fails only the job whose request cannot be sent, and keeps the thread', async () => {
    const threads = pool();
    const first = echo(await analyse(threads, 'a.imr.md', 'echo'));
    const unclonable = { ...request('a.imr.md', 'echo'), config: { read: () => 1 } as never };
    const outcome = await threads.run('file:///drafts/a.imr.md', { kind: 'analyse', request: unclonable, model: false }, BUDGET);
    assert.ok('ok' in outcome && !outcome.ok && outcome.stop.kind === 'failed');
    assert.match(outcome.stop.kind === 'failed' ? outcome.stop.reason : '', /could not be cloned/);
    assert.equal(echo(await analyse(threads, 'a.imr.md', 'echo')).threadId, first.threadId);
  });

  it('ends running and queued jobs as failed when closed, and every thread with them', async () => {
    const threads = pool({ maxWorkers: 1, busyMs: 0 });
    const running = analyse(threads, 'a.imr.md', 'hang');
    const queued = analyse(threads, 'b.imr.md', 'echo');
    assert.deepEqual(threads.size, { threads: 1, busy: 1, queued: 1 });
    const retired = once(threads.events, 'retire');
    await threads.close();
    const closed = { ok: false, stop: { kind: 'failed', reason: 'the checking threads were closed' } };
    assert.deepEqual(await running, closed);
    assert.deepEqual(await queued, closed);
    assert.deepEqual((await retired)[0], { threads: 0, reason: 'closed' });
    assert.deepEqual(threads.size, { threads: 0, busy: 0, queued: 0 });
  });
});

describe('the step in checking threads', () => {
  const steps: WorkerAnalysis[] = [];
  const step = (options: Partial<Parameters<typeof workerAnalysis>[0]> = {}): WorkerAnalysis => {
    const made = workerAnalysis({ script: SCRIPT, ...options });
    steps.push(made);
    return made;
  };
  after(async () => {
    await Promise.all(steps.map((made) => made.close()));
  });
  const request = (text: string, config: ImrConfig = {}): AnalysisRequest => ({ uri: 'file:///drafts/letter.imr.md', text, config, today: '2026-01-15' });
  const echoOf = (answer: unknown): Echo => (answer as { echo: Echo }).echo;
  const echoed = (analysis: Analysis): Echo => JSON.parse(analysis.lint.failures.find((failure) => failure.ruleId === 'echo')!.error) as Echo;

  it("hands the thread the request, asks for the model unless told not to, and returns the thread's findings", async () => {
    const analysis = await step().analyse(request('echo'));
    assert.deepEqual(analysis.lint.findings, []);
    assert.deepEqual(Object.keys(analysis), ['lint', 'deferredModel']);
    assert.equal(analysis.deferredModel, undefined);
    assert.equal(echoed(analysis).model, true);
    assert.equal(echoed(await step({ models: false }).analyse(request('echo'))).model, false);
  });

  it('reads the model the thread packed only when asked, with the text and configuration of this thread', async () => {
    const text = readFileSync(new URL('../fixtures/seed.imr.md', import.meta.url), 'utf8');
    const here = lint(text, { today: '2026-01-15' });
    const analysis = await step().analyse({ ...request('model', { packedModel: packModel(here.model!) } as ImrConfig), text: 'model' });
    assert.ok(analysis.deferredModel);
    const lines = new LineIndex('model');
    const model = await analysis.deferredModel(lines);
    assert.ok(model);
    assert.equal(model.text, 'model');
    assert.equal(model.lines, lines);
    assert.equal(model.profile.id, here.model!.profile.id);
    assert.deepEqual(model.items, here.model!.items);
  });

  it('says a check stopped over its time budget, or whose thread failed, in one finding and a failure', async () => {
    const threads = step();
    const stopped = await threads.analyse(request('hang', { budget: { timeMs: 200 } }));
    const time = stopMessage({ kind: 'time', timeMs: 200 });
    assert.deepEqual(stopped, {
      lint: { findings: stopFindings({ kind: 'time', timeMs: 200 }, {}), failures: [{ ruleId: 'check-budget', error: time }] },
      stopped: true,
    });
    const failed = await threads.analyse(request('fail', { rules: { 'unreadable-draft': 'error' } }));
    const reason = stopMessage({ kind: 'failed', reason: 'Error: scripted failure' });
    assert.deepEqual(failed.lint.failures, [{ ruleId: 'unreadable-draft', error: reason }]);
    assert.deepEqual(
      failed.lint.findings.map((finding) => [finding.ruleId, finding.severity, finding.message]),
      [['unreadable-draft', 'error', reason]],
    );
    assert.equal(failed.stopped, true);
  });

  it('runs fix-all and the letter in a thread, and throws the finding of one stopped', async () => {
    const threads = step();
    assert.equal(echoOf(await threads.fixAll(request('echo'))).kind, 'fixAll');
    assert.equal(echoOf(await threads.render({ ...request('echo'), mode: 'preview' })).kind, 'render');
    await assert.rejects(threads.fixAll(request('fail')), (error: unknown) => error instanceof CheckStopped && error.findings[0].ruleId === 'unreadable-draft');
    await assert.rejects(
      threads.render({ ...request('hang', { budget: { timeMs: 100 } }), mode: 'export' }),
      (error: unknown) => error instanceof CheckStopped && error.findings[0].ruleId === 'check-budget' && /^Stopped after 100 ms/.test(error.message),
    );
  });

  it('has the thread that holds a document forget it', async () => {
    const threads = step();
    await threads.analyse(request('echo'));
    threads.forget('file:///drafts/letter.imr.md');
    assert.deepEqual(echoed(await threads.analyse({ ...request('echo'), uri: 'file:///drafts/other.imr.md' })).forgotten, ['file:///drafts/letter.imr.md']);
  });
});

describe('checks where no thread can start', () => {
  const prlimit = spawnSync('prlimit', ['--version']).status === 0;
  /** Runs `body` with this process's address space limited to what it uses now and `headroomMb` more, as `ulimit -v` would. */
  function withAddressSpace<T>(headroomMb: number, body: () => T): T {
    const used = Number(/^VmSize:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'))![1]) * 1024;
    const limit = (soft: string): void => {
      const run = spawnSync('prlimit', ['--pid', String(process.pid), `--as=${soft}:unlimited`]);
      assert.equal(run.status, 0, String(run.stderr));
    };
    limit(String(used + headroomMb * 2 ** 20));
    try {
      return body();
    } finally {
      limit('unlimited');
    }
  }
  const text = readFileSync(new URL('../fixtures/seed.imr.md', import.meta.url), 'utf8').replace('Overturned', 'Approved');
  const request: AnalysisRequest = { uri: 'file:///drafts/letter.imr.md', text, config: {}, today: '2026-01-15' };

  it('measures the address space left under a limit, and none without one', { skip: !prlimit && 'needs prlimit' }, () => {
    assert.equal(addressSpaceLeftMb(), undefined);
    const left = withAddressSpace(300, () => addressSpaceLeftMb());
    assert.ok(left !== undefined && left > 250 && left <= 300, String(left));
  });

  it('starts no thread without room for one, and says why', { skip: !prlimit && 'needs prlimit' }, async () => {
    const threads = new WorkerPool({ script: SCRIPT });
    const spawned: unknown[] = [];
    threads.events.on('spawn', (event) => spawned.push(event));
    const pending = withAddressSpace(200, () => threads.run(request.uri, { kind: 'analyse', request, model: false }, { timeMs: 1_000, memoryMb: 64 }));
    const outcome = await pending;
    assert.ok('unavailable' in outcome);
    assert.match(outcome.unavailable, /^the process's address-space limit \(ulimit -v\) leaves (1\d\d|200) MB, and a checking thread needs 464 MB$/);
    assert.deepEqual(spawned, []);
    await threads.close();
  });

  it('checks, fixes and renders in this thread instead, without a budget, and logs that once', { skip: !prlimit && 'needs prlimit' }, async () => {
    const logged: string[] = [];
    const threads = workerAnalysis({ script: SCRIPT, log: (message) => logged.push(message) });
    const [analysis, fixed, preview, exported] = await Promise.all(
      withAddressSpace(100, () => [
        threads.analyse(request),
        threads.fixAll(request),
        threads.render({ ...request, mode: 'preview' }),
        threads.render({ ...request, mode: 'export', fileName: 'CM16-0001.imr.md', printSummary: true }),
      ]),
    );
    await threads.close();
    const here = lint(text, { today: request.today });
    assert.deepEqual((analysis as Analysis).lint.findings, here.findings);
    assert.ok((analysis as Analysis).lint.model, 'the model of this thread, read here');
    assert.deepEqual(fixed, fixAll(text, { today: request.today }));
    assert.equal((preview as Rendering & { mode: 'preview' }).rendered.html, renderDetermination(text, { today: request.today, mode: 'preview' }).html);
    assert.equal(
      (exported as Rendering & { mode: 'export' }).html,
      renderExportDocument(text, { today: request.today, fileName: 'CM16-0001.imr.md', printSummary: true }),
    );
    assert.equal(logged.length, 1);
    assert.match(
      logged[0],
      /^imr: checks run without a time or memory budget: the process's address-space limit \(ulimit -v\) leaves \d+ MB, and a checking thread needs 912 MB\.$/,
    );
  });
});
