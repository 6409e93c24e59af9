// Items written as determination sentences (the 2013 letters), read across PDF line breaks, and each item's own
// block of fields further on, found by its number or its name.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveProfile } from '../../engine/src/config/profiles';
import { buildDetermination } from '../../engine/src/model/build';
import type { Determination } from '../../engine/src/model/types';
import { rangeOf } from '../support/drafts';

const build = (text: string): Determination => buildDetermination(text, (requested) => resolveProfile(requested));

const SENTENCE = 'MAXIMUS Federal Services, Inc. has determined the request for';
const GUIDELINE = 'Medical Treatment Guideline(s) Relied Upon by the Expert Reviewer:';
const RATIONALE = 'Rationale for the Decision:';

/** A 2013 letter: the notice's sentences, the decision section's, and what follows them (the items' blocks). */
const letter = (parts: { notice?: string[]; decisions: string[]; blocks?: string[] }): string =>
  [
    '---\nprofile: ca-dwc-imr-2013\n---',
    'NOTICE OF INDEPENDENT MEDICAL REVIEW DETERMINATION',
    ...(parts.notice ?? []),
    'INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE',
    'A decision has been made for each of the treatment and/or services that were in dispute:',
    ...parts.decisions,
    'Medical Qualifications of the Expert Reviewer:',
    'The expert reviewer is Board Certified in Internal Medicine and is licensed to practice in California.',
    'Case Summary:',
    'The applicant is a 61-year-old clerk with chronic low back pain.',
    ...(parts.blocks ?? []),
  ].join('\n\n') + '\n';

const read = (model: Determination) =>
  model.items.map((item) => ({
    number: item.number,
    name: item.name.text,
    decision: [item.decision.text, item.decision.class, item.decision.value],
  }));

describe('determination sentences (2013)', () => {
  it('reads each numbered sentence: its number, the treatment and the closing phrase as the decision', () => {
    const text = letter({
      decisions: [
        `(1) ${SENTENCE} Lidoderm 5% patch #30 is not medically necessary and appropriate.`,
        `(2) ${SENTENCE} physical therapy, six sessions is medically necessary and appropriate.`,
      ],
    });
    const model = build(text);
    assert.deepEqual(read(model), [
      { number: 1, name: 'Lidoderm 5% patch #30', decision: ['is not medically necessary and appropriate', 'valid', 'upheld'] },
      { number: 2, name: 'physical therapy, six sessions', decision: ['is medically necessary and appropriate', 'valid', 'overturned'] },
    ]);
    const [first] = model.items;
    assert.deepEqual(first.name.range, rangeOf(text, 'Lidoderm 5% patch #30'));
    assert.deepEqual(first.decision.range, rangeOf(text, 'is not medically necessary and appropriate'));
    // The header runs from the line's start (after its number) through the full stop.
    assert.equal(first.header.text, `(1) ${SENTENCE} Lidoderm 5% patch #30 is not medically necessary and appropriate.`);
    assert.deepEqual(first.range, first.header.range);
    assert.equal(first.header.depth, 0);
    assert.equal(first.placeholder, undefined);
    assert.deepEqual([first.fields, first.lines, first.nearLabels], [[], [], []]);
  });

  it('reads a sentence that PDF extraction broke over lines, and takes the last "is" for the decision', () => {
    const text = letter({
      decisions: [`1) ${SENTENCE}\nan MRI that is of the lumbar spine\nis not medically necessary and appropriate.`],
    });
    const model = build(text);
    assert.deepEqual(read(model), [
      { number: 1, name: 'an MRI that is of the lumbar spine', decision: ['is not medically necessary and appropriate', 'valid', 'upheld'] },
    ]);
    assert.deepEqual(model.items[0].name.range, {
      start: rangeOf(text, 'an MRI').start,
      end: rangeOf(text, 'of the lumbar spine').end,
    });
  });

  it('keeps the number of a sentence broken before "determined the request for", and finds its block by that number', () => {
    const sentences = [
      '1) MAXIMUS Federal Services, Inc. has\ndetermined the request for Lidoderm 5% patch #30 is not medically necessary and appropriate.',
      '(2) MAXIMUS Federal Services, Inc.\nhas determined the request for Soma is medically necessary and appropriate.',
    ];
    const text = letter({
      notice: sentences,
      decisions: sentences,
      blocks: [
        '1) Regarding the request for topical lidocaine:',
        `${RATIONALE} Lidoderm is not indicated for axial pain. It is not medically necessary and appropriate.`,
      ],
    });
    const model = build(text);
    assert.deepEqual(
      [model.items, model.repeatedItems!].map((items) => items.map((item) => [item.number, item.name.text])),
      [
        [
          [1, 'Lidoderm 5% patch #30'],
          [2, 'Soma'],
        ],
        [
          [1, 'Lidoderm 5% patch #30'],
          [2, 'Soma'],
        ],
      ],
    );
    const [lidoderm, soma] = model.items;
    // The header starts where the sentence does, on the line before the words it was found by.
    assert.equal(lidoderm.header.text, `${SENTENCE} Lidoderm 5% patch #30 is not medically necessary and appropriate.`);
    assert.deepEqual(lidoderm.header.range.start, rangeOf(text, 'MAXIMUS Federal Services, Inc. has\ndetermined', 1).start);
    assert.deepEqual(soma.header.range.start, rangeOf(text, '(2) MAXIMUS', 1).start);
    assert.equal(lidoderm.block?.text, 'Regarding the request for topical lidocaine:');
    assert.equal(lidoderm.rationale?.conclusion?.necessary, false);
    // A sentence inside a paragraph that is not numbered starts on the line it was found on.
    const prose = build(
      letter({ decisions: [`In summary, MAXIMUS Federal Services, Inc. has\n${SENTENCE.split(' has ')[1]} Soma is not medically necessary and appropriate.`] }),
    );
    assert.deepEqual(
      prose.items.map((item) => [item.number, item.header.text]),
      [[undefined, 'determined the request for Soma is not medically necessary and appropriate.']],
    );
  });

  it('keeps a sentence without a full stop up to the next sentence, and one without a verb as having no decision', () => {
    const text = letter({
      decisions: [`1) ${SENTENCE} Norco 10/325 is medically necessary and appropriate`, `2) ${SENTENCE} a TENS unit`],
    });
    const model = build(text);
    assert.deepEqual(read(model), [
      { number: 1, name: 'Norco 10/325', decision: ['is medically necessary and appropriate', 'valid', 'overturned'] },
      { number: 2, name: 'a TENS unit', decision: ['', 'missing', undefined] },
    ]);
    assert.equal(model.items[1].header.text, `${SENTENCE} a TENS unit`);
    assert.deepEqual(model.items[1].decision.span, { start: text.indexOf('a TENS unit') + 11, end: text.indexOf('a TENS unit') + 11 });
  });

  it('reads the decision a sentence gives however it is written, for the rules to judge', () => {
    const text = letter({ decisions: [`1) ${SENTENCE} Norco is Medically Necessary and Appropriate.`, `2) ${SENTENCE} Soma is denied.`] });
    assert.deepEqual(
      read(build(text)).map((item) => item.decision),
      [
        ['is Medically Necessary and Appropriate', 'casing', 'overturned'],
        ['is denied', 'ur-word', 'upheld'],
      ],
    );
  });

  it('marks the template text left for the treatment as a placeholder', () => {
    const text = letter({ decisions: [`1) ${SENTENCE} [treatment or service in dispute] is medically necessary and appropriate.`] });
    assert.equal(build(text).items[0].placeholder?.fill, 'the treatment or service in dispute');
  });

  it('reads the notice’s sentences as the items repeated, and nothing when a section has none', () => {
    const sentence = `1) ${SENTENCE} Lidoderm 5% patch #30 is not medically necessary and appropriate.`;
    const model = build(letter({ notice: [sentence], decisions: [sentence] }));
    assert.deepEqual(
      model.repeatedItems?.map((item) => item.name.text),
      ['Lidoderm 5% patch #30'],
    );
    assert.deepEqual(build(letter({ decisions: [] })).items, []);
    assert.deepEqual(build(letter({ decisions: [] })).repeatedItems, []);
  });

  it('reads a heading sentence with its depth', () => {
    const model = build(letter({ decisions: [`### ${SENTENCE} Soma is not medically necessary and appropriate.`] }));
    assert.equal(model.items[0].header.depth, 3);
    assert.equal(model.items[0].number, undefined);
  });

  describe("each item's block", () => {
    const decisions = [
      `1) ${SENTENCE} Lidoderm 5% patch #30 is not medically necessary and appropriate.`,
      `2) ${SENTENCE} physical therapy, six sessions is medically necessary and appropriate.`,
    ];

    it('gives each block its fields, found by the name it repeats', () => {
      const text = letter({
        decisions,
        blocks: [
          'Regarding the request for Physical Therapy - six sessions:',
          GUIDELINE,
          'MTUS Chronic Pain Medical Treatment Guidelines, Physical Medicine, pages 98-99.',
          RATIONALE,
          'Six sessions fall within the guideline.',
          'The request is medically necessary and appropriate.',
          'Regarding the request for Lidoderm 5% patch #30:',
          `${RATIONALE} Lidoderm is not indicated for axial pain. The request is not medically necessary and appropriate.`,
        ],
      });
      const [lidoderm, therapy] = build(text).items;
      assert.equal(therapy.block?.text, 'Regarding the request for Physical Therapy - six sessions:');
      assert.deepEqual(therapy.block?.range, rangeOf(text, 'Regarding the request for Physical Therapy - six sessions:'));
      assert.deepEqual(
        therapy.fields.map((field) => [field.kind, field.value.text]),
        [
          ['reviewer', 'MTUS Chronic Pain Medical Treatment Guidelines, Physical Medicine, pages 98-99.'],
          ['rationale', 'Six sessions fall within the guideline. The request is medically necessary and appropriate.'],
        ],
      );
      assert.equal(therapy.rationale?.conclusion?.necessary, true);
      assert.equal(therapy.reviewer?.citation, undefined, 'a 2013 letter cites in prose');
      assert.equal(therapy.lines?.length, 5);
      // The block is apart from the item's sentence: the item keeps its own span.
      assert.deepEqual(therapy.range, therapy.header.range);
      assert.deepEqual(
        lidoderm.fields.map((field) => field.kind),
        ['rationale'],
      );
      assert.equal(lidoderm.rationale?.conclusion?.necessary, false);
    });

    it('finds a block by number when its name differs, and keeps the first block of an item', () => {
      const text = letter({
        decisions,
        blocks: [
          '2) Regarding the request for PT:',
          `${RATIONALE} The request is medically necessary and appropriate.`,
          '(2) Regarding the request for therapy again:',
          `${RATIONALE} Again.`,
        ],
      });
      const [lidoderm, therapy] = build(text).items;
      assert.equal(therapy.block?.text, 'Regarding the request for PT:');
      assert.deepEqual(
        therapy.fields.map((field) => field.value.text),
        ['The request is medically necessary and appropriate.', 'Again.'],
      );
      assert.equal(lidoderm.block, undefined);
      assert.deepEqual(lidoderm.fields, []);
    });

    it('reads only a block that opens its line, and nothing before the first block or of a block naming no item', () => {
      const text = letter({
        decisions,
        blocks: [
          `${RATIONALE} Stray.`,
          'As the reviewer noted in writing, Regarding the request for Lidoderm 5% patch #30:',
          'Regarding the request for a wheelchair:',
          `${RATIONALE} Not an item of this letter.`,
        ],
      });
      const model = build(text);
      assert.deepEqual(
        model.items.map((item) => [item.block, item.fields.length]),
        [
          [undefined, 0],
          [undefined, 0],
        ],
      );
    });

    it('looks for blocks only from the decision section on', () => {
      const sentence = `1) ${SENTENCE} Lidoderm 5% patch #30 is not medically necessary and appropriate.`;
      const text = letter({
        notice: [sentence, 'Regarding the request for Lidoderm 5% patch #30:', `${RATIONALE} Written in the notice.`],
        decisions: [sentence],
      });
      const [lidoderm] = build(text).items;
      assert.equal(lidoderm.block, undefined);
      assert.deepEqual(lidoderm.fields, []);
    });

    it('keeps the lines that nearly are labels, and prose between fields in the field above', () => {
      const text = letter({
        decisions,
        blocks: ['Regarding the request for Lidoderm 5% patch #30:', 'Rationale for the Decison:', 'Not indicated.', 'Still the near label.'],
      });
      const [lidoderm] = build(text).items;
      assert.deepEqual(
        lidoderm.nearLabels.map((label) => [label.text, label.canonical, label.kind]),
        [['Rationale for the Decison', 'Rationale for the Decision', 'rationale']],
      );
      assert.deepEqual(lidoderm.nearLabels[0].range, rangeOf(text, 'Rationale for the Decison'));
      assert.deepEqual(lidoderm.fields, []);
      assert.equal(lidoderm.lines?.length, 3);
    });
  });
});
