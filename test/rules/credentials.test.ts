import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, draft, findingsOf, rangeOf } from '../support/drafts';
import { LETTER_2013 } from '../support/letters';

describe('credentials', () => {
  it('reports a missing states line at the specialties line, as an error, and inserts the label before it', () => {
    const text = draft({ states: null });
    const [finding, ...rest] = findingsOf(text, 'credentials');
    assert.equal(rest.length, 0);
    assert.equal(finding.severity, 'error');
    assert.deepEqual(finding.range, rangeOf(text, 'Certification(s)/Specialty:'));
    assert.match(finding.message, /no "State\(s\) of Licensure:" line; add it before "Certification\(s\)\/Specialty:"/);
    const fixed = applyFix(text, finding);
    assert.match(fixed, /\nState\(s\) of Licensure: \n\nCertification\(s\)\/Specialty: Preventive Medicine/);
    assert.deepEqual(findingsOf(fixed, 'credentials'), []);
    // The inserted line is still to be filled in, which the placeholder rule says.
    assert.deepEqual(
      findingsOf(fixed, 'placeholder').map((again) => again.message),
      ['"State(s) of Licensure:" lists nothing yet; write the states where the reviewer is licensed.'],
    );
  });

  it('reports a missing specialties line and inserts the label after the states line', () => {
    const text = draft({ specialties: null });
    const [finding] = findingsOf(text, 'credentials');
    assert.deepEqual(finding.range, rangeOf(text, 'State(s) of Licensure:'));
    assert.match(applyFix(text, finding), /State\(s\) of Licensure: Texas, Ohio, California\n\nCertification\(s\)\/Specialty: \n/);
  });

  it('reports both lines missing at the section title', () => {
    const text = draft({ states: null, specialties: null });
    const findings = findingsOf(text, 'credentials');
    assert.equal(findings.length, 2);
    for (const finding of findings) assert.deepEqual(finding.range, rangeOf(text, 'HOW THE IMR FINAL DETERMINATION WAS MADE'));
  });

  it('leaves a label that lists nothing to the placeholder rule', () => {
    const text = draft({ specialties: '' });
    assert.deepEqual(findingsOf(text, 'credentials'), []);
    const [finding] = findingsOf(text, 'placeholder');
    assert.deepEqual(finding.range, rangeOf(text, 'Certification(s)/Specialty:'));
  });

  it('accepts the block as paragraphs, list items, bold labels and label variants', () => {
    assert.deepEqual(findingsOf(draft(), 'credentials'), []);
    const list = draft()
      .replace('State(s) of Licensure:', '- **State(s) of Licensure:**')
      .replace('Certification(s)/Specialty:', '- Certifications/Specialties:');
    assert.deepEqual(findingsOf(list, 'credentials'), []);
  });
});

describe('credentials: misspelt labels', () => {
  for (const [written, label, kind] of [
    ['State(s) of Licensur', 'State(s) of Licensure', 'states'],
    // Three edits away ("stte", "licnsur"), the furthest a label is still read as misspelt.
    ['Stte of Licnsur', 'State(s) of Licensure', 'states'],
    ['Certifcation(s)/Specialty', 'Certification(s)/Specialty', 'specialties'],
    ['Certfication/Specalty', 'Certification(s)/Specialty', 'specialties'],
  ] as const) {
    it(`reports "${written}:" as the ${kind} label misspelt and corrects it`, () => {
      const text = draft().replace(`${label}:`, `${written}:`);
      const [finding, ...rest] = findingsOf(text, 'credentials');
      assert.equal(rest.length, 0);
      assert.equal(finding.severity, 'error');
      assert.deepEqual(finding.range, rangeOf(text, written));
      assert.match(finding.message, /misspelt; correct it/);
      assert.equal(applyFix(text, finding), draft());
    });
  }
});

describe('credentials: inserted labels look like their neighbours', () => {
  it('adds a list item to a block of list items', () => {
    const text = draft({ specialties: null }).replace('State(s) of Licensure:', '- State(s) of Licensure:');
    const fixed = applyFix(text, findingsOf(text, 'credentials')[0]);
    assert.match(fixed, /\n- State\(s\) of Licensure: Texas, Ohio, California\n- Certification\(s\)\/Specialty: \n/);
  });

  it('writes a bold label before a bold one', () => {
    const text = draft({ states: null }).replace('Certification(s)/Specialty:', '**Certification(s)/Specialty:**');
    const fixed = applyFix(text, findingsOf(text, 'credentials')[0]);
    assert.match(fixed, /\n\*\*State\(s\) of Licensure:\*\* \n\n\*\*Certification\(s\)\/Specialty:\*\* Preventive/);
  });
});

describe('credentials: what each finding says and what its fix is called', () => {
  it('says where a missing line goes: after the other label, or under the section title', () => {
    const text = draft({ specialties: null });
    const [finding] = findingsOf(text, 'credentials');
    assert.equal(finding.message, 'The credentials block has no "Certification(s)/Specialty:" line; add it after "State(s) of Licensure:".');
    assert.equal(finding.fix?.title, 'Insert "Certification(s)/Specialty:"');
    const both = draft({ states: null, specialties: null });
    assert.deepEqual(
      findingsOf(both, 'credentials').map((missing) => [missing.message, missing.fix?.title]),
      [
        [
          'The credentials block has no "State(s) of Licensure:" line; add it under "HOW THE IMR FINAL DETERMINATION WAS MADE".',
          'Insert "State(s) of Licensure:"',
        ],
        [
          'The credentials block has no "Certification(s)/Specialty:" line; add it under "HOW THE IMR FINAL DETERMINATION WAS MADE".',
          'Insert "Certification(s)/Specialty:"',
        ],
      ],
    );
  });

  it('quotes a misspelt label and names the label its fix writes', () => {
    const text = draft().replace('State(s) of Licensure:', 'Stte of Licnsur:');
    const [finding] = findingsOf(text, 'credentials');
    assert.equal(finding.message, '"Stte of Licnsur" looks like the label "State(s) of Licensure" misspelt; correct it so the credentials block is read.');
    assert.equal(finding.fix?.title, 'Change to "State(s) of Licensure"');
  });

  it('asks qualifications written in prose for the words that name the states, without a fix', () => {
    const text = LETTER_2013.replace(' and is licensed to practice in California', '');
    const [finding, ...rest] = findingsOf(text, 'credentials');
    assert.equal(rest.length, 0);
    assert.deepEqual(finding.range, rangeOf(text, 'Medical Qualifications of the Expert Reviewer:'));
    assert.equal(
      finding.message,
      '"Medical Qualifications of the Expert Reviewer:" does not name the states where the reviewer is licensed; write them after "licensed to practice in".',
    );
    assert.equal(finding.fix, undefined);
    assert.deepEqual(findingsOf(LETTER_2013, 'credentials'), []);
  });

  it('takes a misspelt states label for the states only, and still asks for the missing specialties line', () => {
    const text = draft({ specialties: null }).replace('State(s) of Licensure:', 'Stte of Licnsur:');
    assert.deepEqual(
      findingsOf(text, 'credentials').map((finding) => finding.message),
      [
        'The credentials block has no "Certification(s)/Specialty:" line; add it under "HOW THE IMR FINAL DETERMINATION WAS MADE".',
        '"Stte of Licnsur" looks like the label "State(s) of Licensure" misspelt; correct it so the credentials block is read.',
      ],
    );
  });
});
