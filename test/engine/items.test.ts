// Items as reviewers write them (section 10 of the domain reference): numbered, the decision on the next line or in
// a short paragraph below, an item line without a decision, names broken over lines, headings inside a rationale.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveProfile } from '../../engine/src/config/profiles';
import { lint } from '../../engine/src/lint';
import { buildDetermination } from '../../engine/src/model/build';
import { draft, findingsOf, MTUS_CA, MTUS_REVIEWER, NECESSARY, NOT_NECESSARY, problems, rangeOf } from '../support/drafts';

const fields = (rationale = `Twelve sessions exceed the ten the guideline allows. ${NOT_NECESSARY}`): string =>
  [`Claims Administrator guideline: ${MTUS_CA}`, `MAXIMUS guideline: ${MTUS_REVIEWER}`, `Decision rationale: ${rationale}`].join('\n\n');

const items = (text: string): string[] => lint(text).model!.items.map((item) => `${item.number ?? '-'} ${item.name.text} = ${item.decision.text || '(none)'}`);

describe('items as reviewers write them', () => {
  for (const [form, line] of [
    ['"1. "', '1. Physical therapy, twelve sessions:  Upheld'],
    ['"1) "', '1) Physical therapy, twelve sessions:  Upheld'],
    ['"1." and a tab, as Word pastes it', '1.\tPhysical therapy, twelve sessions:  Upheld'],
  ] as const) {
    it(`reads a numbered item line: ${form}`, () => {
      const text = draft({ items: [`${line}\n\n${fields()}`] });
      assert.deepEqual(items(text), ['1 Physical therapy, twelve sessions = Upheld']);
      assert.deepEqual(problems(text), []);
    });
  }

  it('reads the decision on the next line of the same paragraph', () => {
    const text = draft({ items: [`Physical therapy, two times a week for six weeks, twelve sessions total:\nUpheld\n\n${fields()}`] });
    assert.deepEqual(items(text), ['- Physical therapy, two times a week for six weeks, twelve sessions total = Upheld']);
    assert.deepEqual(problems(text), []);
  });

  it('reads the decision as a short paragraph of its own below a long name, as PDF extraction leaves it', () => {
    const text = draft({ items: [`Physical therapy, two times a week for six weeks, twelve sessions total:\n\nUpheld\n\n${fields()}`] });
    assert.deepEqual(items(text), ['- Physical therapy, two times a week for six weeks, twelve sessions total = Upheld']);
    assert.deepEqual(problems(text), []);
  });

  it('reads an item name broken over the lines of its paragraph whole', () => {
    const text = draft({
      items: [
        `1. Lumbar MRI:  Upheld\n\n${fields()}`,
        `2. Electromyography and nerve conduction studies of the\nbilateral upper extremities:\n\nUpheld\n\n${fields()}`,
      ],
    });
    assert.deepEqual(items(text), ['1 Lumbar MRI = Upheld', '2 Electromyography and nerve conduction studies of the bilateral upper extremities = Upheld']);
    assert.deepEqual(problems(text), []);
  });

  it('reads an item line that wrapping broke before its decision whole, its first line in the name', () => {
    const text = draft({
      items: [
        `1. Tramadol 50 mg #120, one tablet every six hours as needed for\npain:  Upheld\n\n${fields()}`,
        `2. Naproxen 550 mg #60, one tablet twice a day as needed for\npain \u2013 Overturned\n\n${fields(`NSAIDs are recommended for chronic low back pain. ${NECESSARY}`)}`,
      ],
    });
    assert.deepEqual(items(text), [
      '1 Tramadol 50 mg #120, one tablet every six hours as needed for pain = Upheld',
      '2 Naproxen 550 mg #60, one tablet twice a day as needed for pain = Overturned',
    ]);
    // Without a colon: the decision alone on the last line, or no decision before the fields.
    const plain = draft({
      items: [`1. Physical therapy, two times a week for six\nweeks\nUpheld\n\n${fields()}`, `2. Lumbar MRI with and without\ncontrast\n\n${fields()}`],
    });
    assert.deepEqual(items(plain), ['1 Physical therapy, two times a week for six weeks = Upheld', '2 Lumbar MRI with and without contrast = (none)']);
    const [tramadol, naproxen] = lint(text).model!.items;
    assert.deepEqual(naproxen.name.range, { start: rangeOf(text, 'Naproxen').start, end: rangeOf(text, 'for\npain', 1).end });
    // The second item's first line is its own, not the end of the first item's rationale.
    assert.ok(!tramadol.rationale!.value.text.includes('Naproxen'), tramadol.rationale!.value.text);
    assert.deepEqual(problems(text), []);
  });

  it('reads an item line wrapped in the paragraph of the item line above it from the line after that one', () => {
    const text = draft({ items: [`Knee brace:  Upheld\nLumbar MRI, as needed\nfor pain:  Upheld\n\n${fields()}`] });
    assert.deepEqual(items(text), ['- Knee brace = Upheld', '- Lumbar MRI, as needed for pain = Upheld']);
    const [brace, mri] = lint(text).model!.items;
    assert.deepEqual([brace.lines, brace.range], [[], rangeOf(text, 'Knee brace:  Upheld')]);
    assert.deepEqual(mri.name.range, { start: rangeOf(text, 'Lumbar MRI').start, end: rangeOf(text, 'for pain').end });
  });

  it('reads an item line glued to the end of a field whose label is misspelt as an item line of its own', () => {
    const text = draft({
      items: [
        `Knee brace:  Upheld\n\nClaims Administrator guideline: ${MTUS_CA}\n\nMAXIMUS guideline: ${MTUS_REVIEWER}\n\nDecison rationale: as in the note above\nLumbar MRI:  Upheld\n\n${fields()}`,
      ],
    });
    assert.deepEqual(items(text), ['- Knee brace = Upheld', '- Lumbar MRI = Upheld']);
  });

  it('reads a decision below its name with the emphasis marks a paste left unclosed', () => {
    const text = draft({
      items: [`Knee brace, two times a week:\n**Upheld\n\n${fields()}`, `Lumbar MRI, with and without contrast:\nUpheld__\n\n${fields()}`],
    });
    assert.deepEqual(
      lint(text).model!.items.map((entry) => [entry.name.text, entry.decision.text, entry.decision.class]),
      [
        ['Knee brace, two times a week', 'Upheld', 'valid'],
        ['Lumbar MRI, with and without contrast', 'Upheld', 'valid'],
      ],
    );
  });

  it('places the decision written after the two spaces of the seed, and the name before its colon', () => {
    const text = draft({ items: [`Lumbar MRI:  Upheld\n\n${fields()}`] });
    const [mri] = lint(text).model!.items;
    assert.deepEqual([mri.name.range, mri.decision.range], [rangeOf(text, 'Lumbar MRI'), rangeOf(text, 'Upheld')]);
  });

  it('reads no item in a quotation, and ends an item without fields at its decision on the next line', () => {
    const text = draft({ items: [`Lumbar MRI:  Upheld\n\n${fields()}`, '> Cervical MRI:  Upheld', 'Knee brace, two times a week:\nUpheld'] });
    assert.deepEqual(items(text), ['- Lumbar MRI = Upheld', '- Knee brace, two times a week = Upheld']);
    const [, brace] = lint(text).model!.items;
    assert.deepEqual(brace.range, { start: rangeOf(text, 'Knee brace').start, end: rangeOf(text, 'week:\nUpheld').end });
  });

  it('reaches over the prose written under an item that has no fields yet', () => {
    const text = draft({ items: [`Lumbar MRI:  Upheld\n\n${fields()}`, 'Knee brace:  Upheld\n\nThe file holds no guideline fields for this request yet.'] });
    const [, brace] = lint(text).model!.items;
    assert.deepEqual(brace.range, { start: rangeOf(text, 'Knee brace').start, end: rangeOf(text, 'for this request yet.').end });
  });

  it('reports a numbered item line without a decision on its own line, never merged into the item above', () => {
    const text = draft({ items: [`1) Lumbar MRI:  Upheld\n\n${fields()}`, `2) H-wave device, 30-day home trial:\n\n${fields()}`] });
    assert.deepEqual(items(text), ['1 Lumbar MRI = Upheld', '2 H-wave device, 30-day home trial = (none)']);
    const [finding, ...rest] = findingsOf(text, 'decision-value');
    assert.equal(rest.length, 0);
    assert.deepEqual(finding.range, rangeOf(text, 'H-wave device, 30-day home trial'));
    assert.deepEqual(
      finding.suggestions?.map((suggestion) => suggestion.title),
      ['Add decision "Upheld"', 'Add decision "Overturned"'],
    );
    // Nothing is reported twice: the second item's fields are its own.
    assert.deepEqual(findingsOf(text, 'field-order'), []);
  });

  it('keeps headings, lists and tables inside a long rationale in the rationale', () => {
    const rationale = [
      'The request is evaluated against the guideline.',
      '#### Discussion',
      'The applicant has had twelve sessions already:',
      '1. The first six sessions produced no functional gain.',
      '2. Home exercise was not documented:',
      '| Visit | Gain |\n| --- | --- |\n| 6 | none |',
      NOT_NECESSARY,
    ].join('\n\n');
    const text = draft({ items: [`Physical therapy, six more sessions:  Upheld\n\n${fields(rationale)}`] });
    assert.deepEqual(items(text), ['- Physical therapy, six more sessions = Upheld']);
    assert.equal(lint(text).model!.items[0].rationale?.conclusion?.necessary, false);
    assert.deepEqual(problems(text), []);
  });

  it('reads text pasted from Word as it was meant: non-breaking spaces, smart quotes, dashes, tabs, trailing spaces', () => {
    const line = 'Naproxen\u00a0550\u00a0mg #60 \u2013 Overturned   ';
    const rationale = `The MTUS doesn\u2019t limit NSAIDs to \u201cacute\u201d pain.\tTherefore, the request was medically necessary.`;
    const text = draft({ items: [`${line}\n\n${fields(rationale)}`] });
    assert.deepEqual(items(text), ['- Naproxen\u00a0550\u00a0mg #60 = Overturned']);
    assert.deepEqual(problems(text), []);
  });
});

describe('which lines start an item', () => {
  /** Each item read from the issues section, the placeholder FIELDS standing for an item's three fields. */
  const read = (issues: string): string[] =>
    buildDetermination(draft({ items: [issues.replaceAll('FIELDS', fields())] }), (requested) => resolveProfile(requested)).items.map(
      (entry) =>
        `${entry.number ?? '-'} ${entry.name.text} = ${entry.decision.text}[${entry.decision.class}] fields ${entry.fields.length} depth ${entry.header.depth}`,
    );

  it('reads a line with a decision after its colon as an item when the decision is known, or the line is shaped like one', () => {
    for (const [issues, expected] of [
      // A decision the vocabulary does not know: an item only as a heading, in sequence, or above its fields.
      ['Physical therapy: Maybe later\n\nThe request is unclear.\n\nLumbar MRI:  Upheld\n\nFIELDS', ['- Lumbar MRI = Upheld[valid] fields 3 depth 0']],
      ['Physical therapy: Maybe later\n\nFIELDS', ['- Physical therapy = Maybe later[unknown] fields 3 depth 0']],
      ['### Physical therapy: Maybe later\n\nThe request is unclear.', ['- Physical therapy = Maybe later[unknown] fields 0 depth 3']],
      ['1. Physical therapy: Maybe later\n\nThe request is unclear.', ['1 Physical therapy = Maybe later[unknown] fields 0 depth 0']],
      ['2. Physical therapy: Maybe later\n\nThe request is unclear.', []],
      // A UR word is known: the rules report it.
      ['Physical therapy: Pending\n\nThe request is unclear.', ['- Physical therapy = Pending[ur-word] fields 0 depth 0']],
      // The decision is at most three words and 40 characters.
      ['Lumbar MRI: one two three\n\nFIELDS', ['- Lumbar MRI = one two three[unknown] fields 3 depth 0']],
      ['Lumbar MRI: one two three four\n\nFIELDS', []],
      [`Lumbar MRI: Overturned${'x'.repeat(30)}\n\nFIELDS`, [`- Lumbar MRI = Overturned${'x'.repeat(30)}[unknown] fields 3 depth 0`]],
      [`Lumbar MRI: Overturned${'x'.repeat(31)}\n\nFIELDS`, []],
      // The name is at most 20 words, and no sentence.
      [`${words(20)}: Upheld\n\nFIELDS`, [`- ${words(20)} = Upheld[valid] fields 3 depth 0`]],
      [`${words(21)}: Upheld\n\nFIELDS`, []],
      ['The MRI was reviewed. Lumbar MRI:  Upheld\n\nFIELDS', []],
      ['The MRI was reviewed.  Lumbar MRI:  Upheld\n\nFIELDS', []],
      ['Lumbar MRI.:  Upheld\n\nFIELDS', []],
      ['The items set forth below: Upheld\n\nFIELDS', []],
      ['The items set  forth below: Upheld\n\nFIELDS', []],
      ['The items set forth  below: Upheld\n\nFIELDS', []],
      // A decision after a dash, only when it is a decision.
      ['Lumbar MRI \u2014 Upheld\n\nFIELDS', ['- Lumbar MRI = Upheld[valid] fields 3 depth 0']],
      ['Lumbar MRI - twice weekly\n\nFIELDS', ['- Lumbar MRI - twice weekly = [missing] fields 3 depth 0']],
      ['(1) Lumbar MRI:  Upheld\n\nFIELDS', ['1 Lumbar MRI = Upheld[valid] fields 3 depth 0']],
      // A number written in the line itself, not as a list: in a heading, in bold, after a non-breaking space.
      [
        '### 1. Lumbar MRI: Upheld\n\nFIELDS\n\n### 2) Knee brace: Overturned\n\nFIELDS',
        ['1 Lumbar MRI = Upheld[valid] fields 3 depth 3', '2 Knee brace = Overturned[valid] fields 3 depth 3'],
      ],
      ['**1.\u00a0Lumbar MRI:** Upheld\n\nFIELDS', ['1 Lumbar MRI = Upheld[valid] fields 3 depth 0']],
      // A strength is no number, nor is a number of three digits.
      ['2.5% Lidocaine cream: Upheld\n\nFIELDS', ['- 2.5% Lidocaine cream = Upheld[valid] fields 3 depth 0']],
      ['**123. Lumbar MRI:** Upheld\n\nFIELDS', []],
      // The decision follows the last colon, or a dash with space around it.
      ['Lumbar MRI: L4-L5: Upheld\n\nFIELDS', ['- Lumbar MRI: L4-L5 = Upheld[valid] fields 3 depth 0']],
      ['Lumbar MRI - Upheld   \n\nFIELDS', ['- Lumbar MRI = Upheld[valid] fields 3 depth 0']],
      ['Lumbar MRI-Upheld\n\nFIELDS', ['- Lumbar MRI-Upheld = [missing] fields 3 depth 0']],
    ] as const) {
      assert.deepEqual(read(issues), expected, issues);
    }
  });

  it('inside a field, starts an item only at a clear item line', () => {
    for (const [rest, expected] of [
      // A line of prose with a colon stays in the rationale; an IMR decision after a short name is an item.
      ['Frequency: twice weekly\n\nKnee brace: Upheld\n\nMore.', ['- Knee brace = Upheld[valid] fields 0 depth 0']],
      ['The reviewer considered this: Denied\n\nMore.', []],
      ['Knee brace: Denied\n\nFIELDS', ['- Knee brace = Denied[ur-word] fields 3 depth 0']],
      ['Knee brace: Maybe later\n\nFIELDS', []],
      [`${words(12)}: Upheld\n\nMore.`, [`- ${words(12)} = Upheld[valid] fields 0 depth 0`]],
      [`${words(13)}: Upheld\n\nMore.`, []],
      [`${words(12)}: Denied\n\nFIELDS`, [`- ${words(12)} = Denied[ur-word] fields 3 depth 0`]],
      [`${words(13)}: Denied\n\nFIELDS`, []],
      ['### Knee brace: Maybe later\n\nMore.', []],
      ['### Knee brace: Maybe later\n\nFIELDS', ['- Knee brace = Maybe later[unknown] fields 3 depth 3']],
      // Without a decision on the line.
      ['Knee brace:\n\nFIELDS', ['- Knee brace = [missing] fields 3 depth 0']],
      ['Knee brace\n\nFIELDS', []],
      ['Knee brace:\nDenied\n\nMore.', []],
      ['Knee brace:\nDenied\n\nFIELDS', ['- Knee brace = Denied[ur-word] fields 3 depth 0']],
      ['Knee brace:\nOverturned\n\nMore.', ['- Knee brace = Overturned[valid] fields 0 depth 0']],
    ] as const) {
      const [first, ...later] = read(`Lumbar MRI:  Upheld\n\nFIELDS\n\n${rest}`);
      assert.match(first, /^- Lumbar MRI = Upheld\[valid\]/);
      assert.deepEqual(later, expected, rest);
    }
  });

  it('inside a field, starts the item that carries the next number', () => {
    for (const [rest, expected] of [
      ['2. Knee brace: Maybe later\n\nFIELDS', ['2 Knee brace = Maybe later[unknown] fields 3 depth 0']],
      ['2. Knee brace: Maybe later\n\nMore.', []],
      ['2. Knee brace: Denied\n\nMore.', ['2 Knee brace = Denied[ur-word] fields 0 depth 0']],
      ['2. Knee brace:\nDenied\n\nMore.', ['2 Knee brace = Denied[ur-word] fields 0 depth 0']],
      ['2. Knee brace:\n\nMore.', ['2 Knee brace = [missing] fields 0 depth 0']],
      ['3. Knee brace:\n\nMore.', []],
      // A list of the field's own goes on from its last number: its next entry is the field's, whatever number it carries.
      ['1. The first reason was weighed.\n2. Knee brace: Denied\n\nMore.', []],
    ] as const) {
      const [first, ...later] = read(`1. Lumbar MRI:  Upheld\n\nFIELDS\n\n${rest}`);
      assert.match(first, /^1 Lumbar MRI = Upheld\[valid\]/);
      assert.deepEqual(later, expected, rest);
    }
  });

  it('reads an item line without a decision when its fields, its number or a decision below say it is one', () => {
    for (const [issues, expected] of [
      ['Knee brace:\n\nFIELDS', ['- Knee brace = [missing] fields 3 depth 0']],
      ['Knee brace\n\nFIELDS', ['- Knee brace = [missing] fields 3 depth 0']],
      ['Knee brace\n\nSome prose.', []],
      ['1. Knee brace:\n\nSome prose.', ['1 Knee brace = [missing] fields 0 depth 0']],
      ['1. Knee brace\n\nSome prose.', []],
      ['### Knee brace\n\nSome prose.', []],
      ['Knee brace:\nDenied\n\nSome prose.', ['- Knee brace = Denied[ur-word] fields 0 depth 0']],
      ['Knee brace\nUpheld\n\nSome prose.', ['- Knee brace = Upheld[valid] fields 0 depth 0']],
      ['Knee brace\nUphled\n\nSome prose.', []],
      ['Lumbar MRI:\n__Overturned__\n\nMore.', ['- Lumbar MRI = Overturned[valid] fields 0 depth 0']],
      // The decision below is a short paragraph of its own, never a heading or the start of a longer paragraph.
      ['Lumbar MRI:\n\nOverturned\nmore text\n\nMore.', []],
      ['Lumbar MRI:\n\n# Overturned\n\nMore.', []],
      ['Lumbar MRI: the knee\nOverturned\n\nMore.', []],
      ['Lumbar MRI:\nis not overturned today\n\nMore.', []],
      // A name broken over the lines of its paragraph is read whole from up to four lines above its colon.
      [
        'Electromyography and\nnerve conduction\nstudies of the\nbilateral upper\nextremities:\n\nUpheld\n\nFIELDS',
        ['- Electromyography and nerve conduction studies of the bilateral upper extremities = Upheld[valid] fields 3 depth 0'],
      ],
      [
        'Electromyography and\nnerve conduction\nstudies of\nthe\nbilateral upper\nextremities:\n\nUpheld\n\nFIELDS',
        ['- extremities = Upheld[valid] fields 3 depth 0'],
      ],
    ] as const) {
      assert.deepEqual(read(issues), expected, issues);
    }
  });

  it('leaves a field label before the first item to no item', () => {
    assert.deepEqual(read('Decision rationale: stray\n\nKnee brace:  Upheld\n\nFIELDS'), ['- Knee brace = Upheld[valid] fields 3 depth 0']);
  });

  it('takes the decision below without its emphasis, and extends the item over its fields', () => {
    const text = draft({ items: [`Lumbar MRI:\n**Overturned**\n\n${fields()}\n\nThe last line of the rationale.`] });
    const [entry] = buildDetermination(text, (requested) => resolveProfile(requested)).items;
    assert.deepEqual(entry.decision.range, rangeOf(text, 'Overturned'));
    assert.deepEqual(entry.header.range, rangeOf(text, 'Lumbar MRI:'));
    assert.deepEqual(entry.name.range, rangeOf(text, 'Lumbar MRI'));
    assert.deepEqual(entry.range, { start: rangeOf(text, 'Lumbar MRI:').start, end: rangeOf(text, 'The last line of the rationale.').end });
    assert.equal(entry.lines?.length, 4);
  });

  it("keeps a wrapped item name's first lines out of the field above it", () => {
    const text = draft({
      items: [
        `1. Lumbar MRI:  Upheld\n\n${fields()}\n\n2. Electromyography and nerve conduction studies of the\nbilateral upper extremities:\n\nUpheld\n\n${fields()}`,
      ],
    });
    const [mri, emg] = buildDetermination(text, (requested) => resolveProfile(requested)).items;
    assert.doesNotMatch(mri.rationale!.value.text, /Electromyography/);
    assert.deepEqual(mri.range.end, rangeOf(text, NOT_NECESSARY).end);
    assert.deepEqual(mri.rationale!.range.end, rangeOf(text, NOT_NECESSARY).end);
    assert.equal(mri.lines?.length, 3);
    assert.deepEqual(emg.name.range, {
      start: rangeOf(text, 'Electromyography').start,
      end: rangeOf(text, 'bilateral upper extremities').end,
    });
    assert.equal(emg.number, 2);
  });

  it("ends an item without fields at its last line of prose when the next item's name begins below it", () => {
    const text = draft({
      items: [
        `1. Lumbar MRI:  Upheld\n\nThe request was reviewed.\n\n2. Electromyography and nerve conduction studies of the\nbilateral upper extremities:\n\nUpheld\n\n${fields()}`,
      ],
    });
    const [mri, emg] = buildDetermination(text, (requested) => resolveProfile(requested)).items;
    assert.deepEqual(mri.range, { start: rangeOf(text, 'Lumbar MRI:').start, end: rangeOf(text, 'The request was reviewed.').end });
    assert.deepEqual(
      mri.lines?.map((line) => line.content.text),
      ['The request was reviewed.'],
    );
    assert.equal(emg.name.text, 'Electromyography and nerve conduction studies of the bilateral upper extremities');
  });

  it('keeps lines that nearly are field labels with the item, and never reads a quotation as an item', () => {
    const text = draft({
      items: [`Lumbar MRI:  Upheld\n\n${fields()}\n\nDecison rationale: more.\nDecison rationale: not opening its paragraph.\n\n> Knee brace: Upheld`],
    });
    const [entry, ...rest] = buildDetermination(text, (requested) => resolveProfile(requested)).items;
    assert.deepEqual(rest, []);
    assert.deepEqual(
      entry.nearLabels.map((label) => [label.text, label.canonical, label.kind, label.range]),
      [['Decison rationale', 'Decision rationale', 'rationale', rangeOf(text, 'Decison rationale')]],
    );
  });
});

/** `count` words, for names at the limits of their length. */
function words(count: number): string {
  return Array.from({ length: count }, (_, index) => `word${index + 1}`).join(' ');
}
