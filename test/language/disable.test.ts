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

describe('disable for this line, edit by edit', () => {
  /** The directive's edit for the first finding of `ruleId` as [line, character, text inserted]. */
  function directive(text: string, ruleId: string, withModel = true): [number, number, string] | undefined {
    const result = lint(text, { today: '2016-01-01' });
    const finding = result.findings.find((candidate) => candidate.ruleId === ruleId)!;
    const fix = disableForLine(withModel ? { lines: result.model!.lines, model: result.model } : { lines: new LineIndex(text) }, finding);
    if (!fix) return undefined;
    assert.equal(fix.edits.length, 1);
    const [{ range, newText, span }] = fix.edits;
    assert.equal(span.start, span.end);
    return [range.start.line, range.start.character, newText];
  }
  const SSN = 'SSN 512-44-9031 was on the fax cover.';

  it('writes the directive above the very first line', () => {
    assert.deepEqual(directive(`${SSN}\n\n${seed}`, 'phi'), [0, 0, '<!-- imr-disable-next-line phi -->\n']);
  });

  it('writes it on the line right after the front matter, but not on the front matter closing line', () => {
    assert.deepEqual(directive(`---\ncase: CM15-0004471\n---\n${SSN}\n\n${seed}`, 'phi'), [3, 0, '<!-- imr-disable-next-line phi -->\n']);
  });

  it('adds the rule to a directive that names rules, even spaced out', () => {
    assert.deepEqual(directive(`<!--imr-disable-next-line   credentials   -->\n${SSN}\n\n${seed}`, 'phi'), [0, 39, ' phi']);
  });

  it('writes a new directive under one that names no rule, for a finding of an earlier check', () => {
    // A bare directive switches every rule off, so only a finding reported before it was written can be on that line.
    const before = `${SSN}\n\n${seed}`;
    const finding = lint(before).findings.find((candidate) => candidate.ruleId === 'phi')!;
    const moved = { ...finding, range: { start: { ...finding.range.start, line: 1 }, end: { ...finding.range.end, line: 1 } } };
    for (const bare of ['<!-- imr-disable-next-line -->', '<!-- imr-disable-next-line   -->']) {
      const text = `${bare}\n${before}`;
      const fix = disableForLine({ lines: new LineIndex(text) }, moved)!;
      assert.equal(applyEdits(text, fix.edits).text, `${bare}\n<!-- imr-disable-next-line phi -->\n${before}`);
    }
  });

  it('leaves indentation off where it would make a code block, and keeps a list item’s', () => {
    assert.deepEqual(directive(`    ${SSN}\n\n${seed}`, 'phi'), [0, 0, '<!-- imr-disable-next-line phi -->\n']);
    assert.deepEqual(directive(`- First note.\n  ${SSN}\n\n${seed}`, 'phi'), [1, 0, '  <!-- imr-disable-next-line phi -->\n']);
    assert.deepEqual(directive(`    ${SSN}\n\n${seed}`, 'phi', false), [0, 0, '    <!-- imr-disable-next-line phi -->\n']);
  });
  it('writes nothing on the closing line of the front matter, for a finding of an earlier check there', () => {
    const text = `---\ncase: CM15-0004471\n---\n${SSN}\n\n${seed}`;
    const finding = lint(text).findings.find((candidate) => candidate.ruleId === 'phi')!;
    const moved = { ...finding, range: { start: { ...finding.range.start, line: 2 }, end: { ...finding.range.end, line: 2 } } };
    const result = lint(text);
    assert.equal(disableForLine({ lines: result.model!.lines, model: result.model }, moved), undefined);
  });

  it('keeps a list item’s indentation where code stands elsewhere in the draft', () => {
    assert.deepEqual(directive(`Notes:\n\n    code elsewhere\n\n- First note.\n  ${SSN}\n\n${seed}`, 'phi'), [5, 0, '  <!-- imr-disable-next-line phi -->\n']);
  });
});
