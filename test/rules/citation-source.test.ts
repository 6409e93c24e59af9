import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyFix, draft, findingsOf, item, NON_MTUS_CA, NON_MTUS_REVIEWER, rangeOf } from '../support/drafts';

const WHY = 'The MTUS does not address the topic. Therefore, the request was not medically necessary.';
const mtus = (citation: string) => `The Expert Reviewer based their decision on the MTUS. Decision based on MTUS ${citation}`;
const nonMtus = (citation: string) => `The Expert Reviewer did not base their decision on the MTUS. Decision based on Non-MTUS Citation ${citation}`;

describe('citation-source', () => {
  it('warns about a source the catalogue does not know, never with an error, and suggests the nearest one', () => {
    const text = draft({ items: [item({ reviewer: mtus('Chronic Pian Medical Treatment Guidelines, page 80') })] });
    const [finding, ...rest] = findingsOf(text, 'citation-source');
    assert.equal(rest.length, 0);
    assert.equal(finding.severity, 'warning');
    assert.deepEqual(finding.range, rangeOf(text, 'Chronic Pian Medical Treatment Guidelines'));
    assert.match(finding.message, /did you mean "Chronic Pain Medical Treatment Guidelines"\?/);
    assert.equal(finding.fix, undefined);
    assert.deepEqual(findingsOf(applyFix(text, finding, 0), 'citation-source'), []);
  });

  it('leaves the period that ends a citation out of the source it names', () => {
    const text = draft({ items: [item({ reviewer: nonMtus('Oficial Disability Guidelines.') })] });
    const [finding, ...rest] = findingsOf(text, 'citation-source');
    assert.equal(rest.length, 0);
    assert.deepEqual(finding.range, rangeOf(text, 'Oficial Disability Guidelines'));
    assert.equal(
      finding.message,
      '"Oficial Disability Guidelines" is not a guideline source this extension knows; did you mean "Official Disability Guidelines"?',
    );
    const fixed = applyFix(text, finding, 0);
    assert.equal(fixed, text.replace('Oficial Disability Guidelines.', 'Official Disability Guidelines.'));
    assert.deepEqual(findingsOf(fixed, 'citation-source'), []);
  });

  it('names the known sources when nothing is near', () => {
    const text = draft({ items: [item({ reviewer: nonMtus('Harrison Textbook of Internal Medicine, Chapter 4'), rationale: WHY })] });
    const [finding] = findingsOf(text, 'citation-source');
    assert.deepEqual(finding.range, rangeOf(text, 'Harrison Textbook of Internal Medicine'));
    assert.match(finding.message, /known: .*Official Disability Guidelines \(ODG\)/);
  });

  it('warns when a source is cited with the other kind, and suggests the right prefix', () => {
    const text = draft({ items: [item({ reviewer: mtus('ODG Low Back Chapter') })] });
    const [finding] = findingsOf(text, 'citation-source');
    assert.equal(finding.severity, 'warning');
    assert.deepEqual(finding.range, rangeOf(text, 'Decision based on MTUS', 1));
    assert.match(finding.message, /Official Disability Guidelines \(ODG\) is not part of the MTUS; cite it with "Decision based on Non-MTUS Citation"/);
    assert.match(applyFix(text, finding, 0), /Decision based on Non-MTUS Citation ODG Low Back Chapter/);
  });

  it('notes a chapter the catalogue does not know, as info', () => {
    const text = draft({ items: [item({ reviewer: nonMtus('ODG Toe Chapter, Bunions'), rationale: WHY })] });
    const [finding] = findingsOf(text, 'citation-source');
    assert.equal(finding.severity, 'info');
    assert.deepEqual(finding.range, rangeOf(text, 'Toe Chapter'));
  });

  it('matches chapter names leniently: "and" or "&", with or without "Chapter", chapter numbers', () => {
    for (const reviewer of [
      NON_MTUS_REVIEWER,
      nonMtus('ODG Hip & Pelvis Chapter'),
      nonMtus('ODG Hip and Pelvis'),
      nonMtus('Official Disability Guidelines (ODG), Knee & Leg Chapter, MRI'),
      nonMtus('ODG Forearm, Wrist & Hand (Acute & Chronic), Splinting'),
      nonMtus('ODG Pain (Chronic) Chapter, Opioids'),
      mtus('ACOEM Practice Guidelines, 2nd Edition (2004), Chapter 12 Low Back Complaints, page 308'),
      mtus('ACOEM Practice Guidelines, 2nd Edition (2004), Chapter 11 Forearm, Wrist, and Hand Complaints, pages 268-269'),
      mtus('ACOEM Practice Guidelines, 2nd Edition (2004), Chapter 12, page 303'),
      mtus('Chronic Pain Medical Treatment Guidelines, Opioids, criteria for use, pages 76-78'),
      mtus('Acupuncture Medical Treatment Guidelines'),
      mtus('Postsurgical Treatment Guidelines, Shoulder, page 27'),
      mtus('Drug Formulary'),
    ]) {
      const text = draft({ items: [item({ claims: NON_MTUS_CA, reviewer, rationale: WHY })] });
      assert.deepEqual(findingsOf(text, 'citation-source'), [], reviewer);
    }
  });
});
