// Items as reviewers write them (section 10 of the domain reference): numbered, the decision on the next line or in
// a short paragraph below, an item line without a decision, names broken over lines, headings inside a rationale.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lint } from '../../engine/src/lint';
import { draft, findingsOf, MTUS_CA, MTUS_REVIEWER, NOT_NECESSARY, problems, rangeOf } from '../support/drafts';

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
