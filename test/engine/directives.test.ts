import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { draft, item, lineOf, lintText } from '../support/drafts';

// Switches written in the draft, each checked by the findings left: which rule, on which line.
const OVERTURN = (name: string): string =>
  item({ name, decision: 'Overturn', rationale: 'Here, the applicant improved. Therefore, the request was medically necessary.' });
const SSN = 'The applicant, SSN 512-44-9031, returned to regular duty work.';

function reported(text: string): string[] {
  return lintText(text).map((finding) => `${finding.ruleId} ${text.split('\n')[finding.range.start.line].split(/\s+/).slice(0, 3).join(' ')}`);
}

describe('directives in a draft', () => {
  const items = [OVERTURN('Tramadol 50 mg #120'), OVERTURN('Naproxen 550 mg #60'), OVERTURN('Lumbar MRI')];

  it('reports every defect where no directive is written', () => {
    assert.deepEqual(reported(draft({ summary: SSN, items })), [
      'phi The applicant, SSN',
      'decision-value Tramadol 50 mg',
      'decision-value Naproxen 550 mg',
      'decision-value Lumbar MRI: Overturn',
    ]);
  });

  it('switches one rule off between imr-disable and imr-enable, and only that rule', () => {
    const text = draft({
      summary: SSN,
      items: [items[0], '<!-- imr-disable decision-value -->', items[1], '<!-- imr-enable decision-value -->', items[2]],
    });
    assert.deepEqual(reported(text), ['phi The applicant, SSN', 'decision-value Tramadol 50 mg', 'decision-value Lumbar MRI: Overturn']);
  });

  it('switches every rule off after a bare imr-disable; enabling one rule leaves the others off', () => {
    const text = `<!-- imr-disable -->\n\n${draft({ summary: SSN, items: [items[0], '<!-- imr-enable phi -->', items[1]] })}`;
    assert.deepEqual(reported(text), []);
    const enabledBefore = `<!-- imr-disable -->\n\n<!-- imr-enable phi -->\n\n${draft({ summary: SSN, items: [items[0]] })}`;
    assert.deepEqual(reported(enabledBefore), ['phi The applicant, SSN']);
  });

  it('takes an imr-disable written after a finding as no switch for it', () => {
    const text = draft({ summary: SSN, items: [items[0], '<!-- imr-disable -->', items[1]] });
    assert.deepEqual(reported(text), ['phi The applicant, SSN', 'decision-value Tramadol 50 mg']);
  });

  it('switches a rule off on its own line, or on the next line only', () => {
    const sameLine = draft({
      summary: SSN,
      items: [items[0].replace('Overturn', 'Overturn <!-- imr-disable-line decision-value -->'), items[1], items[2]],
    });
    assert.deepEqual(reported(sameLine), ['phi The applicant, SSN', 'decision-value Naproxen 550 mg', 'decision-value Lumbar MRI: Overturn']);
    const nextLine = draft({ summary: `<!-- imr-disable-next-line -->\n${SSN}`, items: [`<!-- imr-disable-next-line phi -->\n${items[0]}`, items[1]] });
    assert.deepEqual(reported(nextLine), ['decision-value Tramadol 50 mg', 'decision-value Naproxen 550 mg']);
    assert.equal(lineOf(nextLine, 'Tramadol'), lineOf(nextLine, 'imr-disable-next-line phi') + 1);
  });

  it('leaves a rule the directive does not name reported', () => {
    const text = draft({ summary: `${SSN} <!-- imr-disable-line decision-value -->`, items: [`<!-- imr-disable-next-line phi credentials -->\n${items[0]}`] });
    assert.deepEqual(reported(text), ['phi The applicant, SSN', 'decision-value Tramadol 50 mg']);
  });
  it('keeps a rule off after a line directive for another rule, and on again right below an imr-enable', () => {
    assert.deepEqual(reported(draft({ summary: `<!-- imr-disable phi -->\n\n<!-- imr-disable-next-line credentials -->\n${SSN}` })), []);
    assert.deepEqual(reported(draft({ summary: `<!-- imr-disable phi -->\n\n<!-- imr-enable phi -->\n${SSN}` })), ['phi The applicant, SSN']);
  });

  it('switches a rule off from the line an imr-disable ends', () => {
    assert.deepEqual(reported(draft({ summary: `${SSN} <!-- imr-disable phi -->\n\nSSN 512-44-9032 again.` })), []);
  });
});
