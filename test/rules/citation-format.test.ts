import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { draft, findingsOf, item, NON_MTUS_CA, NON_MTUS_REVIEWER, rangeOf } from '../support/drafts';

describe('citation-format', () => {
  it('reports a guideline field without a citation at its label, as an error', () => {
    const text = draft({ items: [item({ reviewer: 'The Expert Reviewer based their decision on the MTUS.' })] });
    const [finding, ...rest] = findingsOf(text, 'citation-format');
    assert.equal(rest.length, 0);
    assert.equal(finding.severity, 'error');
    assert.deepEqual(finding.range, rangeOf(text, 'MAXIMUS guideline'));
    assert.match(finding.message, /has no citation; end it with "Decision based on MTUS <source>" or "Decision based on Non-MTUS Citation <source>"/);
  });

  it('reports a citation that names no guideline at its prefix', () => {
    const text = draft({ items: [item({ claims: 'The Claims Administrator based their decision on the MTUS. Decision based on MTUS.' })] });
    const [finding] = findingsOf(text, 'citation-format');
    assert.deepEqual(finding.range, rangeOf(text, 'Decision based on MTUS'));
    assert.equal(finding.message, 'Name the guideline after "Decision based on MTUS".');
  });

  it('reads citations across paragraphs, as the seed breaks them', () => {
    const claims = 'The Claims Administrator did not base their decision on the\n\nMTUS.  Decision based on Non-MTUS Citation ODG Hip and Pelvis Chapter';
    const text = draft({
      items: [
        item({
          decision: 'Overturned',
          claims,
          reviewer: NON_MTUS_REVIEWER,
          rationale: 'The MTUS does not address the topic. Therefore, the request was medically necessary.',
        }),
      ],
    });
    assert.deepEqual(findingsOf(text, 'citation-format'), []);
  });

  it('does not fire on either citation form, in any spacing or case', () => {
    for (const claims of [
      NON_MTUS_CA,
      'The Claims Administrator based their decision on the MTUS.Decision based on MTUS Chronic Pain Medical Treatment Guidelines',
      'The Claims Administrator based their decision on the MTUS. decision based on the MTUS Chronic Pain Medical Treatment Guidelines, page 78.',
      'The Claims Administrator did not base its decision on the MTUS. Decision based on Non MTUS Citations: ODG Low Back Chapter',
    ]) {
      assert.deepEqual(findingsOf(draft({ items: [item({ claims })] }), 'citation-format'), [], claims);
    }
  });

  it('leaves an empty field to item-fields', () => {
    assert.deepEqual(findingsOf(draft({ items: [item({ claims: '' })] }), 'citation-format'), []);
  });
});
