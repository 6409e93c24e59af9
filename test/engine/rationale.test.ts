import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findsNecessary, readConclusion, readMtusExplanation, sentences } from '../../engine/src/model/rationale';
import { LineIndex, MappedText } from '../../engine/src/text';

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

/** The rationale's text as it stands at `offset` of a document. */
const rationale = (text: string, offset = 0) => ({ value: MappedText.at(text, offset), index: new LineIndex(`${' '.repeat(offset)}${text}`) });

describe('the conclusion of a rationale', () => {
  it('reads whether a sentence finds the request necessary, from the clause of its necessity phrase', () => {
    for (const [sentence, necessary] of [
      ['The request is approved.', true],
      ['The request cannot be approved.', false],
      ['The request isn’t warranted.', false],
      ['The request was supported.', true],
      ['This is medically unnecessary.', false],
      ['The applicant has not worked; the request is medically necessary.', true],
      ['The applicant has not worked: the request is medically necessary.', true],
      ['Although not working, the request is medically necessary.', true],
      ['Although the applicant is not working, it is medically necessary.', true],
      ['It is not medically necessary.', false],
      ['The applicant is working and the request is medically indicated.', true],
      ['The request was never medically necessary.', false],
      ['The request is, therefore, not medically appropriate.', false],
      ['Neither the MTUS nor ODG, but the request is medically necessary.', true],
      ['Not all sessions, only six, are medically necessary.', false],
    ] as const) {
      assert.equal(findsNecessary(sentence), necessary, sentence);
    }
  });

  it('takes the last sentence on medical necessity that is not what a guideline says, where it is written', () => {
    const text = 'ODG notes that MRI is medically necessary after red flags. Therefore, the MRI was medically necessary. The applicant may return.';
    const { value, index } = rationale(text, 4);
    const conclusion = readConclusion(value, index)!;
    assert.deepEqual([conclusion.text, conclusion.necessary], ['Therefore, the MRI was medically necessary.', true]);
    const at = 4 + text.indexOf('Therefore');
    assert.deepEqual(conclusion.span, { start: at, end: at + conclusion.text.length });
    assert.deepEqual(conclusion.range, { start: { line: 0, character: at }, end: { line: 0, character: at + conclusion.text.length } });
  });

  it('reads a guideline quoted in a sentence that concludes or speaks of the request as the conclusion', () => {
    for (const text of [
      'Overall, the guideline criteria are medically necessary thresholds.',
      'The guideline says the request is medically necessary.',
      'Accordingly, the guidelines say therapy is medically necessary.',
      'Physical therapy is recommended, therefore, medically necessary here.',
    ]) {
      const { value, index } = rationale(text);
      assert.equal(readConclusion(value, index)?.text, text, text);
    }
  });

  it('falls back on a last sentence that concludes with "indicated", "warranted" or "supported"', () => {
    for (const [text, conclusion, necessary] of [
      ['Function improved. Therefore, the request is not indicated.', 'Therefore, the request is not indicated.', false],
      ['Function improved. Thus the request was warranted here.', 'Thus the request was warranted here.', true],
      ['The request is indicated.', undefined, undefined],
      ['Therefore, the applicant returned to work.', undefined, undefined],
      ['Therefore, the request is indicated. The applicant returned to work.', undefined, undefined],
      ['Therefore, the applicant improved. The request is indicated.', undefined, undefined],
      ['The request is indicated. Therefore, the applicant returned to work.', undefined, undefined],
      ['The MTUS states that therapy is medically necessary when function improves. Function did not improve.', undefined, undefined],
      ['', undefined, undefined],
    ] as const) {
      const { value, index } = rationale(text);
      const read = readConclusion(value, index);
      assert.deepEqual([read?.text, read?.necessary], [conclusion, necessary], text);
    }
  });
});

describe('why a rationale leaves the MTUS', () => {
  it('finds the sentence that says the MTUS does not answer the question, or was set aside', () => {
    for (const sentence of [
      'The MTUS does not specifically address the topic.',
      'The MTUS doesn’t discuss it.',
      'The MTUS fails to address it.',
      'The MTUS is silent on this.',
      'The MTUS remains inapplicable.',
      'Compounded creams are not addressed in the MTUS.',
      'This falls outside the scope of the MTUS.',
      'There is no applicable MTUS guideline.',
      'Silent as it is, the MTUS.',
      'The presumption of correctness was rebutted.',
      'The MTUS is outdated.',
    ]) {
      const text = `The applicant has knee pain. ${sentence} The request is fine.`;
      const { value, index } = rationale(text, 2);
      const explanation = readMtusExplanation(value, index);
      assert.equal(explanation?.text, sentence, sentence);
      assert.deepEqual(explanation?.span, { start: 2 + text.indexOf(sentence), end: 2 + text.indexOf(sentence) + sentence.length });
    }
  });

  it('finds none where the MTUS answers or another guideline is silent', () => {
    for (const text of ['The MTUS addresses it. The request is fine.', 'The ODG does not address it.', '']) {
      const { value, index } = rationale(text);
      assert.equal(readMtusExplanation(value, index), undefined, text);
    }
  });
});
