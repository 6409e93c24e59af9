import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, draft, findingsOf, item, MTUS_CA, NOT_NECESSARY, rangeOf } from '../support/drafts';

describe('item-fields', () => {
  for (const [field, label] of [
    ['claims', 'Claims Administrator guideline'],
    ['reviewer', 'MAXIMUS guideline'],
    ['rationale', 'Decision rationale'],
  ] as const) {
    it(`reports a missing "${label}" at the item line as an error, and inserts the label in its place`, () => {
      const text = draft({ items: [item({ [field]: null })] });
      const [finding, ...rest] = findingsOf(text, 'item-fields');
      assert.equal(rest.length, 0);
      assert.equal(finding.severity, 'error');
      assert.deepEqual(finding.range, rangeOf(text, 'Tramadol 50 mg #120:  Upheld'));
      assert.equal(finding.message, `Item "Tramadol 50 mg #120" has no "${label}:" field; add it.`);
      const fixed = applyFix(text, finding);
      const labels = [...fixed.matchAll(/^(Claims Administrator guideline|MAXIMUS guideline|Decision rationale):/gm)].map((match) => match[1]);
      assert.deepEqual(labels, ['Claims Administrator guideline', 'MAXIMUS guideline', 'Decision rationale']);
      assert.deepEqual(
        findingsOf(fixed, 'item-fields').map((again) => again.message),
        [`"${label}" of "Tramadol 50 mg #120" is empty; write it after the label.`],
      );
    });
  }

  it('reports each missing field of an item that has none', () => {
    const text = draft({ items: [item({ claims: null, reviewer: null, rationale: null }), item({ name: 'Lumbar MRI' })] });
    const findings = findingsOf(text, 'item-fields');
    assert.equal(findings.length, 3);
    assert.ok(findings.every((finding) => finding.range.start.line === rangeOf(text, 'Tramadol 50 mg #120').start.line));
  });

  it('reports a label with nothing after it', () => {
    const text = draft({ items: [item({ reviewer: '' })] });
    const [finding] = findingsOf(text, 'item-fields');
    assert.deepEqual(finding.range, rangeOf(text, 'MAXIMUS guideline'));
    assert.equal(finding.fix, undefined);
  });

  it('keeps CRLF line ends in the inserted label', () => {
    const text = draft({ items: [item({ reviewer: null })] }).replace(/\n/g, '\r\n');
    const fixed = applyFix(text, findingsOf(text, 'item-fields')[0]);
    assert.match(fixed, /\r\nMAXIMUS guideline: \r\n\r\nDecision rationale:/);
  });

  it('does not fire when every field is present, in any label form', () => {
    assert.deepEqual(findingsOf(draft(), 'item-fields'), []);
    const forms = item()
      .replace('Claims Administrator guideline:', '**Claims Administrator guideline:**')
      .replace('MAXIMUS guideline:', '- MAXIMUS guideline:')
      .replace('Decision rationale:', '**Decision rationale**:');
    assert.deepEqual(findingsOf(draft({ items: [forms] }), 'item-fields'), []);
  });

  it('does not run for the 2013 format, whose items carry no fields', () => {
    const text = draft({ frontMatter: 'profile: ca-dwc-imr-2013', items: [item({ claims: null, reviewer: null, rationale: null })] });
    assert.deepEqual(findingsOf(text, 'item-fields'), []);
  });
});

describe('item-fields: misspelt labels', () => {
  for (const [written, label] of [
    ['Decision rational', 'Decision rationale'],
    ['Claim Administrator guideline', 'Claims Administrator guideline'],
    ['MAXIMUS guidlines', 'MAXIMUS guideline'],
  ] as const) {
    it(`reports "${written}:" as the "${label}" label misspelt and corrects it`, () => {
      const text = draft({ items: [item().replace(`${label}:`, `${written}:`)] });
      const [finding, ...rest] = findingsOf(text, 'item-fields');
      assert.equal(rest.length, 0);
      assert.equal(finding.severity, 'error');
      assert.deepEqual(finding.range, rangeOf(text, written));
      assert.match(finding.message, new RegExp(`looks like the label "${label}" misspelt.*correct the label`));
      const fixed = applyFix(text, finding);
      assert.equal(fixed, draft());
    });
  }

  it('does not take a prose line with a colon for a misspelt label', () => {
    const rationale =
      'Decision in brief: the applicant has not improved.\n\nThe reviewer notes: no return to work. Therefore, the request was not medically necessary.';
    assert.deepEqual(findingsOf(draft({ items: [item({ rationale })] }), 'item-fields'), []);
  });
});

describe('item-fields: inserted labels look like their neighbours', () => {
  it('writes a bold label where the draft writes bold labels', () => {
    const text = draft({ items: [item({ reviewer: null }).replace(/^(Claims Administrator guideline|Decision rationale):/gm, '**$1:**')] });
    const fixed = applyFix(text, findingsOf(text, 'item-fields')[0]);
    assert.match(fixed, /\n\*\*MAXIMUS guideline:\*\* \n\n\*\*Decision rationale:\*\*/);
  });

  it('keeps the colon outside the bold when the draft does', () => {
    const text = draft({ items: [item({ rationale: null }).replace(/^(Claims Administrator guideline|MAXIMUS guideline):/gm, '**$1**:')] });
    const fixed = applyFix(text, findingsOf(text, 'item-fields')[0]);
    assert.ok(fixed.endsWith('\n\n**Decision rationale**: \n'), JSON.stringify(fixed.slice(-60)));
  });

  it('adds a list item where the fields are list items', () => {
    const listed = ['1. Tramadol 50 mg #120:  Upheld', `   - Claims Administrator guideline: ${MTUS_CA}`, `   - Decision rationale: ${NOT_NECESSARY}`].join(
      '\n',
    );
    const text = draft({ items: [listed] });
    const [finding] = findingsOf(text, 'item-fields');
    const fixed = applyFix(text, finding);
    assert.match(fixed, /\n {3}- MAXIMUS guideline: \n {3}- Decision rationale:/);
    assert.deepEqual(
      findingsOf(fixed, 'item-fields').map((again) => again.message),
      ['"MAXIMUS guideline" of "Tramadol 50 mg #120" is empty; write it after the label.'],
    );
  });
});

describe('item-fields: what each fix is called and writes', () => {
  it('copies a numbered list marker with its number, its spacing and bold written with underscores', () => {
    for (const [claims, rationale] of [
      ['1.  ', '2.  '],
      ['10)\t__', '11)\t__'],
    ]) {
      const close = claims.endsWith('__') ? '__' : '';
      const text = draft({
        items: [
          `Tramadol 50 mg #120:  Upheld\n\n${claims}Claims Administrator guideline${close}: ${MTUS_CA}\n${rationale}Decision rationale${close}: ${NOT_NECESSARY}`,
        ],
      });
      const fixed = applyFix(text, findingsOf(text, 'item-fields')[0]);
      assert.equal(fixed, text.replace(`\n${rationale}Decision`, `\n${rationale}MAXIMUS guideline${close}: \n${rationale}Decision`), JSON.stringify(claims));
    }
  });

  it('names the label a fix inserts, and writes each label of an item without fields after its line, apart from it', () => {
    const text = draft({ items: [item({ claims: null, reviewer: null, rationale: null })] });
    const findings = findingsOf(text, 'item-fields');
    assert.deepEqual(
      findings.map((finding) => [finding.fix?.title, finding.fix?.edits[0].newText]),
      [
        ['Insert "Claims Administrator guideline:"', '\n\nClaims Administrator guideline: '],
        ['Insert "MAXIMUS guideline:"', '\n\nMAXIMUS guideline: '],
        ['Insert "Decision rationale:"', '\n\nDecision rationale: '],
      ],
    );
    assert.equal(
      applyFix(text, findings[0]),
      text.replace('Tramadol 50 mg #120:  Upheld\n', 'Tramadol 50 mg #120:  Upheld\n\nClaims Administrator guideline: \n'),
    );
  });

  it('says which field a misspelt label was meant to be, and names the label its fix writes', () => {
    const text = draft({ items: [item().replace('MAXIMUS guideline:', 'MAXIMUS guidline:')] });
    const [finding, ...rest] = findingsOf(text, 'item-fields');
    assert.equal(rest.length, 0);
    assert.equal(
      finding.message,
      '"MAXIMUS guidline" looks like the label "MAXIMUS guideline" misspelt, so item "Tramadol 50 mg #120" has no "MAXIMUS guideline:" field; correct the label.',
    );
    assert.equal(finding.fix?.title, 'Change to "MAXIMUS guideline"');
  });

  it('takes a misspelt label for its own field only, and inserts a field missing outright', () => {
    const text = draft({ items: [item({ rationale: null }).replace('MAXIMUS guideline:', 'MAXIMUS guidline:')] });
    assert.deepEqual(
      findingsOf(text, 'item-fields').map((finding) => [finding.range, finding.message, finding.fix?.title]),
      [
        [
          rangeOf(text, 'Tramadol 50 mg #120:  Upheld'),
          'Item "Tramadol 50 mg #120" has no "Decision rationale:" field; add it.',
          'Insert "Decision rationale:"',
        ],
        [
          rangeOf(text, 'MAXIMUS guidline'),
          '"MAXIMUS guidline" looks like the label "MAXIMUS guideline" misspelt, so item "Tramadol 50 mg #120" has no "MAXIMUS guideline:" field; correct the label.',
          'Change to "MAXIMUS guideline"',
        ],
      ],
    );
  });
});
