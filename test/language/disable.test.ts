// "Disable <rule> for this line", as data: the directive above the finding's line, or the rule added to one there.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits } from '../../engine/src/fixes';
import { disableForLine, disableNextLineComment } from '../../engine/src/language/disable';
import { lint } from '../../engine/src/lint';
import type { Finding } from '../../engine/src/rules/types';
import { LineIndex } from '../../engine/src/text';
import { replaceOnce, seed } from './drafts';

/** The directive for the first finding of `ruleId`, applied, and the draft linted again. */
function disabled(text: string, ruleId: string): { text: string; remaining: Finding[] } {
  const result = lint(text, { today: '2016-01-01' });
  const finding = result.findings.find((candidate) => candidate.ruleId === ruleId);
  assert.ok(finding, `a ${ruleId} finding`);
  const fix = disableForLine({ lines: result.model!.lines, model: result.model }, finding);
  assert.ok(fix, 'a directive can switch it off');
  assert.equal(fix.title, `Disable ${ruleId} for this line`);
  const after = applyEdits(text, fix.edits).text;
  return { text: after, remaining: lint(after, { today: '2016-01-01' }).findings.filter((candidate) => candidate.ruleId === ruleId) };
}

describe('disable for this line', () => {
  it('puts the directive above the line, indented like it, with the draft’s own line breaks', () => {
    const text = replaceOnce(seed, 'State(s) of Licensure: Texas, Ohio', '  State(s) of Licensure: Texas, Ohoi').replace(/\n/g, '\r\n');
    const { text: after, remaining } = disabled(text, 'credential-state');
    assert.ok(after.includes(`\r\n  ${disableNextLineComment('credential-state')}\r\n  State(s) of Licensure: Texas, Ohoi`));
    assert.deepEqual(remaining, []);
  });

  it('adds the rule to a directive already above the line', () => {
    const text = replaceOnce(seed, 'Texas, Ohio, California', 'Texas, Ohoi, California, reviewer@example.com');
    const first = disabled(text, 'phi');
    const second = disabled(first.text, 'credential-state');
    assert.match(second.text, /\n<!-- imr-disable-next-line phi credential-state -->\nState\(s\) of Licensure: /);
    assert.deepEqual(second.remaining, []);
    assert.deepEqual(
      lint(second.text).findings.filter((finding) => finding.ruleId === 'phi'),
      [],
    );
  });

  it('offers nothing inside the front matter, nor for what no rule reports', () => {
    const text = `---\ncase: 12345\n---\n${seed}`;
    const result = lint(text);
    const front = result.findings.find((finding) => finding.ruleId === 'front-matter')!;
    assert.equal(disableForLine({ lines: result.model!.lines, model: result.model }, front), undefined);
    const notice = { ...front, ruleId: 'configuration', range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } } };
    assert.equal(disableForLine({ lines: new LineIndex(text) }, notice), undefined);
  });
});
