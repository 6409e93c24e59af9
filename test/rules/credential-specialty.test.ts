import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LintOptions } from '../../engine/src/lint';
import { applyFix, draft, findingsOf, rangeOf } from '../support/drafts';

describe('credential-specialty', () => {
  it('notes an unknown specialty as info, never more, at the entry', () => {
    const text = draft({ specialties: 'Preventive Medicine, Wilderness Medicine' });
    const [finding, ...rest] = findingsOf(text, 'credential-specialty');
    assert.equal(rest.length, 0);
    assert.equal(finding.severity, 'info');
    assert.deepEqual(finding.range, rangeOf(text, 'Wilderness Medicine'));
    assert.match(finding.message, /not a specialty this extension knows; check it is a board, subspecialty or discipline/);
  });

  it('suggests the nearest specialty for a misspelling', () => {
    const text = draft({ specialties: 'Occupational Medicin' });
    const [finding] = findingsOf(text, 'credential-specialty');
    assert.match(finding.message, /did you mean "Occupational Medicine"\?/);
    assert.equal(finding.fix, undefined);
    assert.deepEqual(findingsOf(applyFix(text, finding, 0), 'credential-specialty'), []);
  });

  it('accepts ABMS boards, subspecialties, disciplines and their usual spellings', () => {
    for (const specialties of [
      'Physical Medicine and Rehabilitation, and Pain Medicine',
      'Orthopedic Surgery; Sports Medicine',
      'Allergy & Immunology',
      'Otolaryngology - Head and Neck Surgery',
      'Board Certified in Anesthesiology',
      'American Board of Psychiatry and Neurology',
      'Chiropractic, Acupuncture',
    ]) {
      assert.deepEqual(findingsOf(draft({ specialties }), 'credential-specialty'), [], specialties);
    }
  });

  it('reads a specialty typed with runs of spaces or after "Board-certified" as written once, and names its suggestion', () => {
    const text = draft({ specialties: 'Occupational   Medicin, Orthopedic  Surgery, Board-certified  Anesthesiology, Board certified Pain Medicine' });
    const [finding, ...rest] = findingsOf(text, 'credential-specialty');
    assert.equal(rest.length, 0);
    assert.deepEqual(finding.range, rangeOf(text, 'Occupational   Medicin'));
    assert.equal(finding.message, '"Occupational   Medicin" is not a specialty this extension knows; did you mean "Occupational Medicine"?');
    assert.deepEqual(
      finding.suggestions?.map((suggestion) => suggestion.title),
      ['Change to "Occupational Medicine"'],
    );
  });

  it('accepts specialties the configuration adds, however they are spelt', () => {
    const text = draft({ specialties: 'Preventive Medicine, Wilderness  Medicine' });
    assert.deepEqual(
      findingsOf(text, 'credential-specialty', { config: { rules: { 'credential-specialty': ['info', { specialties: ['wilderness medicine'] }] } } }),
      [],
    );
    assert.equal(findingsOf(text, 'credential-specialty').length, 1);
  });

  it('suggests a specialty for one typed with a long run of spaces, as for one typed with one', () => {
    const text = draft({ specialties: 'Occupational       Medicin' });
    assert.deepEqual(
      findingsOf(text, 'credential-specialty').map((finding) => finding.suggestions?.map((suggestion) => suggestion.title)),
      [['Change to "Occupational Medicine"']],
    );
  });

  it('reads the board a reviewer is certified by, however the certification is worded or quoted', () => {
    const specialties = [
      'Diplomate of the American Board of Orthopaedic Surgery',
      'Certified by the American Board of Physical Medicine and Rehabilitation',
      'Board certified by the American Board of Anesthesiology',
      'Board-certified by the American Board of Psychiatry and Neurology',
      '\u201cAmerican Board of Surgery\u201d',
      '(Board Certified in Pain Medicine)',
      '\u201cOrthopaedic Surgery\u201d',
    ];
    const text = draft({ specialties: specialties.join('; ') });
    assert.deepEqual(findingsOf(text, 'credential-specialty'), []);
    // The same wording before a specialty no one certifies is still noted, whole.
    const unknown = draft({ specialties: 'Diplomate of the American Board of Wilderness Medicine' });
    assert.deepEqual(
      findingsOf(unknown, 'credential-specialty').map((finding) => [finding.range, finding.message]),
      [
        [
          rangeOf(unknown, 'Diplomate of the American Board of Wilderness Medicine'),
          '"Diplomate of the American Board of Wilderness Medicine" is not a specialty this extension knows; check it is a board, subspecialty or discipline.',
        ],
      ],
    );
  });

  it('accepts a specialty the configuration adds in either spelling of "orthopaedic"', () => {
    const config = { rules: { 'credential-specialty': ['info', { specialties: ['Orthopaedic Trauma'] }] } } satisfies LintOptions['config'];
    for (const specialties of ['Orthopaedic Trauma', 'Orthopedic Trauma']) {
      const text = draft({ specialties });
      assert.deepEqual(findingsOf(text, 'credential-specialty', { config }), [], specialties);
      assert.equal(findingsOf(text, 'credential-specialty').length, 1, specialties);
    }
  });

  it('reads the words of a certification only where they open an entry: two names run together are noted', () => {
    // A comma lost in a paste runs a subspecialty into the board that certifies it.
    const text = draft({ specialties: 'Spine American Board of Surgery' });
    assert.deepEqual(
      findingsOf(text, 'credential-specialty').map((finding) => [finding.range, finding.message]),
      [
        [
          rangeOf(text, 'Spine American Board of Surgery'),
          '"Spine American Board of Surgery" is not a specialty this extension knows; check it is a board, subspecialty or discipline.',
        ],
      ],
    );
    assert.deepEqual(findingsOf(text.replace('Spine American', 'Spine Surgery, American'), 'credential-specialty'), []);
  });
});
