import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyEdits } from '../../engine/src/fixes';
import { lint } from '../../engine/src/lint';
import type { TextEdit } from '../../engine/src/rules/types';
import { fixAll } from '../../engine/src/language/fix-all';
import { defects, draftWith, repaired, seedWith } from './drafts';

/** Edits are sorted and do not overlap, so the text between them is left as it was. */
function assertDisjoint(edits: TextEdit[]): void {
  for (let i = 1; i < edits.length; i++) assert.ok(edits[i - 1].span.end <= edits[i].span.start, `edit ${i} overlaps the one before`);
}

describe('fix-all', () => {
  for (const defect of defects) {
    it(`fixes ${defect.name} (${defect.ruleId}) with one edit and nothing else changed`, () => {
      const draft = draftWith([defect]);
      assert.ok(
        lint(draft).findings.some((finding) => finding.ruleId === defect.ruleId && defect.message.test(finding.message)),
        'the defect is reported',
      );
      const result = fixAll(draft);
      assert.equal(result.text, repaired(draft, [defect]));
      assert.equal(result.edits.length, 1);
      assert.equal(applyEdits(draft, result.edits).text, result.text);
      assert.deepEqual(
        result.remaining.filter((finding) => finding.ruleId === defect.ruleId && defect.message.test(finding.message)),
        [],
      );
      assert.deepEqual(
        result.remaining.filter((finding) => finding.fix).map((finding) => finding.ruleId),
        [],
      );
    });
  }

  for (const eol of ['\n', '\r\n']) {
    it(`fixes every defect of one draft at once, pass after pass, with ${eol === '\n' ? 'LF' : 'CRLF'} line breaks kept`, () => {
      const draft = draftWith(defects, eol);
      const result = fixAll(draft);
      assert.equal(result.text, repaired(draft, defects, eol));
      // The conclusion can only be checked once the decision word is right: a second pass adds it.
      assert.equal(result.passes, 2);
      assert.equal(result.edits.length, defects.length);
      assertDisjoint(result.edits);
      assert.equal(applyEdits(draft, result.edits).text, result.text);
      const reported = new Set(result.remaining.map((finding) => finding.ruleId));
      for (const ruleId of ['decision-value', 'mtus-statement', 'conclusion-decision', 'required-section', 'credential-state', 'phi'])
        assert.ok(!reported.has(ruleId), `${ruleId} still reports`);
      if (eol === '\r\n') assert.doesNotMatch(result.text, /[^\r]\n/);
    });
  }

  it('stops after the given number of passes', () => {
    const draft = draftWith(defects);
    const result = fixAll(draft, {}, undefined, 1);
    assert.equal(result.passes, 1);
    assert.ok(
      result.remaining.some((finding) => finding.ruleId === 'conclusion-decision' && finding.fix),
      'the conclusion is left for a second pass',
    );
  });

  it('leaves a clean draft alone', () => {
    const result = fixAll(seedWith());
    assert.equal(result.text, seedWith());
    assert.deepEqual(result.edits, []);
    assert.equal(result.passes, 0);
  });

  it('honours configuration: a rule switched off is not fixed', () => {
    const defect = defects.find((candidate) => candidate.ruleId === 'phi')!;
    const draft = draftWith([defect]);
    assert.equal(fixAll(draft, { config: { rules: { phi: 'off' } } }).text, draft);
  });

  it('honours a directive that disables the rule for the line', () => {
    const defect = defects.find((candidate) => candidate.ruleId === 'credential-state')!;
    const draft = draftWith([defect]).replace('State(s) of Licensure:', '<!-- imr-disable-next-line credential-state -->\nState(s) of Licensure:');
    assert.equal(fixAll(draft).text, draft);
  });
});

describe('fixAll never applies a fix whose finding it did not remove', () => {
  it('inserts a missing section once, even when the insertion lands in an unclosed comment', () => {
    const result = fixAll('Some text\n\n<!--\n');
    assert.equal(result.text.split('HOW THE IMR FINAL DETERMINATION WAS MADE').length - 1, 1);
    assert.ok(
      result.remaining.some((finding) => finding.ruleId === 'required-section'),
      'the finding is still reported, for the writer to see',
    );
  });
});
