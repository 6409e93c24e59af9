// The budget of one check and the finding of a check stopped over it, as the checking threads report them: the
// words a reviewer reads, the budget configuration gives, and the severity of the finding.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_MEMORY_BUDGET_MB, DEFAULT_TIME_BUDGET_MS } from '../../engine/src/limits';
import { budgetOf, formatDuration, stopFindings, stopMessage } from '../../engine/src/service/workers/budget';
import { WorkerPool } from '../../engine/src/service/workers/pool';

describe('the budget of one check', () => {
  it('takes time and memory from configuration, each on its own, else the defaults', () => {
    assert.deepEqual(budgetOf({}), { timeMs: DEFAULT_TIME_BUDGET_MS, memoryMb: DEFAULT_MEMORY_BUDGET_MB });
    assert.deepEqual(budgetOf({ budget: { timeMs: 2_500 } }), { timeMs: 2_500, memoryMb: 512 });
    assert.deepEqual(budgetOf({ budget: { memoryMb: 1_024 } }), { timeMs: 10_000, memoryMb: 1_024 });
  });

  it('says a duration in milliseconds below a second, else in seconds to a tenth, with separators', () => {
    assert.deepEqual([0, 500, 999, 1_000, 2_500, 10_000, 600_000, 1_234_567].map(formatDuration), [
      '0 ms',
      '500 ms',
      '999 ms',
      '1 s',
      '2.5 s',
      '10 s',
      '600 s',
      '1,234.6 s',
    ]);
  });

  it('tells the reviewer which budget stopped the check, that nothing changed, and what to raise', () => {
    assert.equal(
      stopMessage({ kind: 'time', timeMs: 2_500 }),
      'Stopped after 2.5 s: this draft takes longer to check than the budget of one check allows, so it shows no other findings. Nothing was changed; if it is a real letter, raise the time budget ("budget.timeMs").',
    );
    assert.equal(
      stopMessage({ kind: 'memory', memoryMb: 16_384 }),
      'Stopped at 16,384 MB: this draft needs more memory to check than the budget of one check allows, so it shows no other findings. Nothing was changed; if it is a real letter, raise the memory budget ("budget.memoryMb").',
    );
    assert.equal(
      stopMessage({ kind: 'failed', reason: 'it exited with status 134' }),
      'This draft could not be checked (the thread checking it failed: it exited with status 134). Nothing was changed; please report the problem with the draft attached.',
    );
  });

  it('gives a check over budget one check-budget finding, a failed thread one unreadable-draft finding, as configured', () => {
    const origin = { span: { start: 0, end: 0 }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
    const time = { kind: 'time', timeMs: 500 } as const;
    const failed = { kind: 'failed', reason: 'Error: out of stack' } as const;
    assert.deepEqual(stopFindings(time, {}), [{ ruleId: 'check-budget', severity: 'warning', message: stopMessage(time), ...origin }]);
    assert.deepEqual(stopFindings({ kind: 'memory', memoryMb: 64 }, { rules: { 'check-budget': 'error' } }), [
      { ruleId: 'check-budget', severity: 'error', message: stopMessage({ kind: 'memory', memoryMb: 64 }), ...origin },
    ]);
    assert.deepEqual(stopFindings(failed, { rules: { 'check-budget': 'off' } }), [
      { ruleId: 'unreadable-draft', severity: 'warning', message: stopMessage(failed), ...origin },
    ]);
    assert.deepEqual(stopFindings(failed, { rules: { 'unreadable-draft': ['info', {}] } })[0].severity, 'info');
    assert.deepEqual(stopFindings(time, { rules: { 'check-budget': 'off' } }), []);
  });
});

describe('checking threads closed', () => {
  it('ends every later job as failed, saying why, without starting a thread', async () => {
    const pool = new WorkerPool({ script: '/nowhere/analysis-worker.cjs' });
    const spawned: unknown[] = [];
    pool.events.on('spawn', (event) => spawned.push(event));
    assert.deepEqual(pool.size, { threads: 0, busy: 0, queued: 0 });
    pool.forget('file:///drafts/never-checked.imr.md');
    await pool.close();
    const request = { uri: 'file:///drafts/letter.imr.md', text: '', config: {}, today: '2026-01-15' };
    assert.deepEqual(await pool.run(request.uri, { kind: 'analyse', request, model: false }, { timeMs: 1_000, memoryMb: 64 }), {
      ok: false,
      stop: { kind: 'failed', reason: 'the checking threads were closed' },
    });
    assert.deepEqual(pool.size, { threads: 0, busy: 0, queued: 0 });
    assert.deepEqual(spawned, []);
  });
});
