import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lint } from '../../engine/src/lint';
import { foldingRanges } from '../../engine/src/language/folding';
import { seed, seedWith } from './drafts';

describe('folding', () => {
  it("folds the seed's sections, its item and its fields", () => {
    assert.deepEqual(foldingRanges(lint(seed).model!), [
      { startLine: 0, endLine: 24 },
      { startLine: 28, endLine: 52 },
      { startLine: 56, endLine: 98 },
      { startLine: 62, endLine: 98 },
      { startLine: 66, endLine: 68 },
      { startLine: 74, endLine: 78 },
      { startLine: 82, endLine: 98 },
    ]);
  });

  it('gives the same lines with CRLF line breaks', () => {
    assert.deepEqual(foldingRanges(lint(seedWith('\r\n')).model!), foldingRanges(lint(seed).model!));
  });

  it('leaves one-line fields unfolded', () => {
    const draft =
      'IMR ISSUES, DECISIONS AND RATIONALES\n\nLumbar MRI:  Upheld\nClaims Administrator guideline: one line.\nDecision rationale: first line\ncontinues here.\n';
    assert.deepEqual(foldingRanges(lint(draft).model!), [
      { startLine: 0, endLine: 5 },
      { startLine: 2, endLine: 5 },
      { startLine: 4, endLine: 5 },
    ]);
  });
});

describe('folding in the order of the lines', () => {
  it('folds the items of an issues section written first before the section that follows it', () => {
    const draft = [
      'IMR ISSUES, DECISIONS AND RATIONALES',
      '',
      'Lumbar MRI:  Upheld',
      'Claims Administrator guideline: The Claims Administrator based its decision on the MTUS.',
      'Decision based on MTUS ACOEM Practice Guidelines, 2nd Edition (2004), Chapter 12',
      'Decision rationale: Here, there were no red flags.',
      'Therefore, the request was not medically necessary.',
      '',
      'CLINICAL CASE SUMMARY',
      '',
      'The applicant has low back pain',
      'after lifting boxes at work.',
      '',
    ].join('\n');
    assert.deepEqual(foldingRanges(lint(draft).model!), [
      { startLine: 0, endLine: 6 },
      { startLine: 2, endLine: 6 },
      { startLine: 3, endLine: 4 },
      { startLine: 5, endLine: 6 },
      { startLine: 8, endLine: 11 },
    ]);
  });
});
