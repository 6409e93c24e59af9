import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sentences } from '../../engine/src/model/rationale';

const split = (text: string): string[] => sentences(text).map(([start, end]) => text.slice(start, end));

describe('sentences of a rationale', () => {
  it('does not end a sentence at an abbreviation, however long', () => {
    const text =
      'The MRI measured approx. 5 mm of effusion. Per Dr. Smith and Mrs. Ruiz, the injections, e.g. at L4-L5, i.e. the lowest level, helped. ' +
      'See Fig. 3 and pp. 12-14, Sec. 4, Ch. 7, No. 2, cf. the ODG. The applicant saw J. R. Ruiz, Jr. in the U.S. last year. Smith et al. disagreed.';
    assert.deepEqual(split(text), [
      'The MRI measured approx. 5 mm of effusion.',
      'Per Dr. Smith and Mrs. Ruiz, the injections, e.g. at L4-L5, i.e. the lowest level, helped.',
      'See Fig. 3 and pp. 12-14, Sec. 4, Ch. 7, No. 2, cf. the ODG.',
      'The applicant saw J. R. Ruiz, Jr. in the U.S. last year.',
      'Smith et al. disagreed.',
    ]);
  });

  it('ends a sentence at a word that only looks like an abbreviation, and at ! and ?', () => {
    const text = 'He takes Norco 10 mg. The answer was no. Is it indicated? It is not! (The MTUS is silent.) Done.';
    assert.deepEqual(split(text), ['He takes Norco 10 mg.', 'The answer was no.', 'Is it indicated?', 'It is not!', '(The MTUS is silent.)', 'Done.']);
  });
});
