// The checking threads (dist/analysis-worker.cjs): every check under its time and memory budget, a thread over budget
// replaced, other drafts never waiting on it, threads started when needed and retired when idle.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import type { ImrConfig } from '../../engine/src/config/schema';
import { fixAll } from '../../engine/src/language/fix-all';
import { lint } from '../../engine/src/lint';
import { CheckStopped, type AnalysisRequest } from '../../engine/src/service/analysis';
import { createImrService } from '../../engine/src/service/service';
import { profilingFlags } from '../../engine/src/service/workers/pool';
import { workerAnalysis, type WorkerAnalysis } from '../../engine/src/service/workers/step';
import { LineIndex } from '../../engine/src/text';
import { memoryHost } from '../config/memory-host';

const WORKER_BUNDLE = path.resolve(import.meta.dirname, '../../dist/analysis-worker.cjs');
const TODAY = '2026-01-15';
const seed = readFileSync(new URL('../fixtures/seed.imr.md', import.meta.url), 'utf8');
/** A million headings: no letter looks like this, and no guard stops it; micromark takes minutes and gigabytes. */
const headings = `${seed}\n${'# h\n'.repeat(1_000_000)}`;

const request = (uri: string, text: string, config: ImrConfig = {}): AnalysisRequest => ({ uri: `file:///drafts/${uri}`, text, config, today: TODAY });

describe('checking threads', () => {
  const steps: WorkerAnalysis[] = [];
  const threads = (options: Partial<Parameters<typeof workerAnalysis>[0]> = {}): WorkerAnalysis => {
    const step = workerAnalysis({ script: WORKER_BUNDLE, ...options });
    steps.push(step);
    return step;
  };
  after(async () => {
    await Promise.all(steps.map((step) => step.close()));
  });

  it('finds what the engine finds in this thread, and hands over a model that answers as the original does', async () => {
    const step = threads();
    const analysis = await step.analyse(request('seed.imr.md', seed));
    const here = lint(seed, { today: TODAY });
    assert.deepStrictEqual(analysis.lint.findings, here.findings);
    assert.equal(analysis.stopped, undefined);
    assert.ok(analysis.deferredModel, 'the model is handed over');
    assert.deepStrictEqual(await analysis.deferredModel(new LineIndex(seed)), { ...here.model!, lines: new LineIndex(seed) });
  });

  it('packs no model until one is asked for, and the model asked for is that of the text checked, even after a later edit', async () => {
    const step = threads();
    const edited = seed.replace('Overturned', 'Upheld');
    const first = await step.analyse(request('edits.imr.md', seed));
    const second = await step.analyse(request('edits.imr.md', edited));
    assert.ok(first.deferredModel && second.deferredModel);
    // The thread keeps its last check: the older text's model is read again, the newer one's comes from that check.
    const [older, newer] = [await first.deferredModel(new LineIndex(seed)), await second.deferredModel(new LineIndex(edited))];
    assert.deepStrictEqual(older, { ...lint(seed, { today: TODAY }).model!, lines: new LineIndex(seed) });
    assert.deepStrictEqual(newer, { ...lint(edited, { today: TODAY }).model!, lines: new LineIndex(edited) });
    assert.notEqual(older!.items[0].decision.text, newer!.items[0].decision.text);
  });

  it('checks for diagnostics without the model, and reads the model of that same check when a feature asks', async () => {
    const service = createImrService({ fileSystem: memoryHost({}) }, { analysis: threads(), today: () => TODAY });
    const draft = { uri: 'file:///drafts/diagnostics.imr.md', path: '/drafts/diagnostics.imr.md', languageId: 'imr', version: 1, text: seed };
    const findingsOnly = (await service.check(draft, { model: false }))!;
    assert.equal(findingsOnly.model, undefined);
    assert.deepStrictEqual(findingsOnly.findings, lint(seed, { today: TODAY }).findings);
    const [a, b] = await Promise.all([service.check(draft), service.check(draft)]);
    assert.equal(a, findingsOnly, 'the same check, now with its model');
    assert.equal(b, findingsOnly);
    assert.deepStrictEqual(a!.model, { ...lint(seed, { today: TODAY }).model!, lines: a!.lines });
  });

  it('starts no thread before the first check and one for drafts checked one after another', async () => {
    const step = threads();
    assert.equal(step.pool.size.threads, 0);
    for (let index = 0; index < 5; index++) await step.analyse(request(`letter-${index}.imr.md`, seed));
    assert.equal(step.pool.size.threads, 1);
  });

  it('stops a check over its time budget with one finding, and replaces the thread', { timeout: 60_000 }, async () => {
    const step = threads();
    const retired = once(step.pool.events, 'retire');
    const started = performance.now();
    const analysis = await step.analyse(request('headings.imr.md', headings, { budget: { timeMs: 500 } }));
    const elapsed = performance.now() - started;
    assert.equal(analysis.stopped, true);
    assert.deepEqual(
      analysis.lint.findings.map((finding) => [finding.ruleId, finding.severity, finding.range.start]),
      [['check-budget', 'warning', { line: 0, character: 0 }]],
    );
    assert.match(analysis.lint.findings[0].message, /^Stopped after 500 ms: this draft takes longer to check than the budget of one check allows/);
    assert.ok(elapsed < 5_000, `stopped after ${elapsed.toFixed(0)} ms`);
    assert.deepEqual((await retired)[0], { threads: 0, reason: 'time' });
    // A new thread checks the next draft.
    const next = await step.analyse(request('seed.imr.md', seed));
    assert.deepStrictEqual(next.lint.findings, lint(seed, { today: TODAY }).findings);
  });

  it('stops a check over its memory budget with one finding; the process lives on', { timeout: 120_000 }, async () => {
    const step = threads();
    const analysis = await step.analyse(request('headings.imr.md', headings, { budget: { memoryMb: 64, timeMs: 100_000 } }));
    assert.equal(analysis.stopped, true);
    assert.equal(analysis.lint.findings.length, 1);
    assert.match(analysis.lint.findings[0].message, /^Stopped at 64 MB: this draft needs more memory to check than the budget of one check allows/);
    assert.deepEqual(
      analysis.lint.failures.map((failure) => failure.ruleId),
      ['check-budget'],
    );
  });

  it('takes the severity configuration gives check-budget, or none when it is off', { timeout: 60_000 }, async () => {
    const step = threads();
    const error = await step.analyse(request('a.imr.md', headings, { budget: { timeMs: 200 }, rules: { 'check-budget': 'error' } }));
    assert.deepEqual(
      error.lint.findings.map((finding) => finding.severity),
      ['error'],
    );
    const off = await step.analyse(request('b.imr.md', headings, { budget: { timeMs: 200 }, rules: { 'check-budget': 'off' } }));
    assert.deepEqual(off.lint.findings, []);
  });

  it('checks other drafts on a second thread while one is stuck, and never more than two', { timeout: 60_000 }, async () => {
    const step = threads({ busyMs: 200 });
    const order: string[] = [];
    const stuck = step.analyse(request('headings.imr.md', headings, { budget: { timeMs: 8_000 } })).then((analysis) => {
      order.push('stuck');
      return analysis;
    });
    const others = await Promise.all(
      ['one', 'two', 'three'].map((name) =>
        step.analyse(request(`${name}.imr.md`, seed)).then((analysis) => {
          order.push(name);
          return analysis;
        }),
      ),
    );
    assert.equal(step.pool.size.threads, 2);
    for (const analysis of others) assert.equal(analysis.stopped, undefined);
    assert.equal((await stuck).stopped, true);
    assert.deepEqual(order.slice(0, 3).sort(), ['one', 'three', 'two'], 'the other drafts were answered before the stuck one');
  });

  it('retires a thread left idle', { timeout: 30_000 }, async () => {
    const step = threads({ idleMs: 100 });
    await step.analyse(request('seed.imr.md', seed));
    assert.equal(step.pool.size.threads, 1);
    // An idle thread and its timer keep no process alive; the test keeps this one alive until the thread retires.
    const alive = setInterval(() => undefined, 1000);
    const [event] = await once(step.pool.events, 'retire').finally(() => clearInterval(alive));
    assert.deepEqual(event, { threads: 0, reason: 'idle' });
    assert.equal((await step.analyse(request('seed.imr.md', seed))).stopped, undefined, 'a new thread checks the next draft');
  });

  it('runs fix-all and the letter there, with the results of this thread, and stops them over budget', { timeout: 60_000 }, async () => {
    const step = threads();
    const draft = seed.replace('Overturned', 'Approved');
    const findings = lint(draft, { today: TODAY }).findings;
    assert.deepStrictEqual(await step.fixAll({ ...request('fix.imr.md', draft), findings }), fixAll(draft, { today: TODAY }, findings));
    const rendering = await step.render({ ...request('fix.imr.md', draft), mode: 'export', fileName: 'fix.imr.md' });
    assert.equal(rendering.mode, 'export');
    assert.match(rendering.mode === 'export' ? rendering.html : '', /<meta name="generator" content="IMR Determinations">/);
    await assert.rejects(
      step.fixAll({ ...request('headings.imr.md', headings, { budget: { timeMs: 300 } }) }),
      (error: unknown) => error instanceof CheckStopped && /^Stopped after 300 ms/.test(error.message),
    );
    await assert.rejects(
      step.render({ ...request('headings.imr.md', headings, { budget: { timeMs: 300 } }), mode: 'preview' }),
      (error: unknown) => error instanceof CheckStopped && error.findings[0].ruleId === 'check-budget',
    );
  });

  it('serves the service: the same findings, hover from the handed-over model, fix-all, and a stopped draft in the letter', { timeout: 60_000 }, async () => {
    const step = threads();
    const files = memoryHost({});
    const inThreads = createImrService({ fileSystem: files }, { analysis: step, today: () => TODAY });
    const here = createImrService({ fileSystem: files }, { today: () => TODAY });
    const draft = {
      uri: 'file:///drafts/seed.imr.md',
      path: '/drafts/seed.imr.md',
      languageId: 'imr',
      version: 1,
      text: seed.replace('Overturned', 'Approved'),
    };
    const [remote, local] = [(await inThreads.check(draft))!, (await here.check(draft))!];
    assert.deepStrictEqual(remote.findings, local.findings);
    const decision = local.model!.items[0].decision.span.start;
    assert.deepStrictEqual(inThreads.hover(remote, decision, { docsUri: (id) => id }), here.hover(local, decision, { docsUri: (id) => id }));
    assert.deepStrictEqual(await inThreads.fixAll(remote), await here.fixAll(local));

    const hostile = { uri: 'file:///drafts/headings.imr.md', path: '/drafts/headings.imr.md', languageId: 'imr', version: 1, text: headings };
    const slow = createImrService(
      { fileSystem: memoryHost({ '/drafts/.imrlintrc.json': '{ "budget": { "timeMs": 300 } }' }) },
      { analysis: step, today: () => TODAY },
    );
    const stopped = (await slow.check(hostile))!;
    assert.deepEqual(
      stopped.findings.map((finding) => finding.ruleId),
      ['check-budget'],
    );
    assert.equal(stopped.model, undefined);
    const fixed = await slow.fixAll(stopped);
    assert.equal(fixed.stopped?.ruleId, 'check-budget');
    assert.deepEqual(fixed.edits, []);
    const letter = await slow.render(hostile, 'preview');
    assert.match(letter.html, /This draft is not shown: Stopped after 300 ms/);
    await assert.rejects(slow.exportHtml(hostile), /^CheckStopped: Stopped after 300 ms/);
  });
});

describe('the flags a checking thread starts with', () => {
  it("takes the process's --cpu-prof flags, with their values, and nothing else", () => {
    assert.deepEqual(
      profilingFlags(['--import', 'tsx', '--cpu-prof', '--cpu-prof-dir', '/tmp/p', '--inspect=9229', '--cpu-prof-interval', '500', '--cpu-prof-name=x']),
      ['--cpu-prof', '--cpu-prof-dir', '/tmp/p', '--cpu-prof-interval', '500', '--cpu-prof-name=x'],
    );
    assert.deepEqual(profilingFlags(['--inspect', '--max-old-space-size=64']), []);
  });
});
