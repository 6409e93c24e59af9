// An item's fields: the label, the text up to the next label, item or section, what the text says, and which field
// the item takes as its rationale and guidelines when one is written twice.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveProfile } from '../../engine/src/config/profiles';
import { buildDetermination } from '../../engine/src/model/build';
import { ModelCache } from '../../engine/src/model/cache';
import type { Determination } from '../../engine/src/model/types';
import { draft, MTUS_CA, MTUS_REVIEWER, NON_MTUS_CA, NOT_NECESSARY, rangeOf } from '../support/drafts';

const build = (text: string, cache?: ModelCache): Determination => buildDetermination(text, (requested) => resolveProfile(requested), undefined, cache);

describe('fields', () => {
  it('reads the label without its colon and the value over the lines up to the next label', () => {
    const text = draft({
      items: [
        `Knee brace:  Upheld\n\nClaims Administrator guideline:   ${MTUS_CA}\n\nMAXIMUS guideline: ${MTUS_REVIEWER}\nwrapped on.\n\nDecision rationale: ${NOT_NECESSARY}`,
      ],
    });
    const [entry] = build(text).items;
    const [claims, reviewer, rationale] = entry.fields;
    assert.deepEqual(
      [claims.label.text, reviewer.label.text, rationale.label.text],
      ['Claims Administrator guideline', 'MAXIMUS guideline', 'Decision rationale'],
    );
    assert.deepEqual(claims.label.range, rangeOf(text, 'Claims Administrator guideline'));
    assert.equal(claims.value.text, MTUS_CA);
    assert.equal(claims.value.offsetAt(0), text.indexOf(MTUS_CA));
    assert.equal(reviewer.value.text, `${MTUS_REVIEWER} wrapped on.`);
    assert.deepEqual(reviewer.range, { start: rangeOf(text, 'MAXIMUS guideline:').start, end: rangeOf(text, 'wrapped on.').end });
    assert.equal(reviewer.lines.length, 2);
    assert.equal(entry.reviewer?.citation, entry.reviewer?.citations[0]);
    assert.equal(entry.reviewer?.citation?.source?.catalogueId, 'mtus-chronic-pain');
    assert.deepEqual(entry.range.end, rangeOf(text, NOT_NECESSARY).end);
  });

  it('reads an empty field as an empty value at the end of its label, with nothing read from it', () => {
    for (const cache of [undefined, new ModelCache()]) {
      const text = draft({ items: ['Knee brace:  Upheld\n\nClaims Administrator guideline:\n\nMAXIMUS guideline:  \n\nDecision rationale:'] });
      const [entry] = build(text, cache).items;
      const [claims, reviewer, rationale] = entry.fields;
      const labelEnd = text.indexOf('Claims Administrator guideline:') + 'Claims Administrator guideline:'.length;
      assert.deepEqual([claims.value.text, claims.value.offsetAt(0)], ['', labelEnd]);
      assert.deepEqual(
        [entry.claimsAdministrator?.statement, entry.claimsAdministrator?.citations, entry.claimsAdministrator?.citation],
        [undefined, [], undefined],
      );
      assert.equal(reviewer.value.text, '');
      assert.equal(entry.rationale, rationale);
      assert.deepEqual([entry.rationale?.conclusion, entry.rationale?.mtusExplanation], [undefined, undefined]);
      // An empty field is never looked up in the cache.
      if (cache) assert.deepEqual(cache.stats.fields, { read: 0, kept: 0 });
    }
  });

  it('takes the first of a field written twice as the item’s own, and keeps both', () => {
    const text = draft({
      items: [
        [
          'Knee brace:  Upheld',
          `Claims Administrator guideline: ${MTUS_CA}`,
          `Claims Administrator guideline: ${NON_MTUS_CA}`,
          `MAXIMUS guideline: ${MTUS_REVIEWER}`,
          'MAXIMUS guideline: The Expert Reviewer did not base their decision on the MTUS.',
          `Decision rationale: The first rationale. ${NOT_NECESSARY}`,
          'Decision rationale: The second rationale. Therefore, the request was medically necessary.',
        ].join('\n\n'),
      ],
    });
    const [entry] = build(text).items;
    assert.equal(entry.fields.length, 6);
    assert.equal(entry.claimsAdministrator, entry.fields[0]);
    assert.equal(entry.claimsAdministrator?.statement?.basedOnMtus, true);
    assert.equal(entry.reviewer, entry.fields[2]);
    assert.equal(entry.reviewer?.statement?.basedOnMtus, true);
    assert.equal(entry.rationale, entry.fields[4]);
    assert.equal(entry.rationale?.conclusion?.necessary, false);
    assert.equal((entry.fields[5] as typeof entry.rationale)?.conclusion?.necessary, true);
  });

  it('keeps each item’s fields its own when items are kept and moved by the cache', () => {
    const cache = new ModelCache();
    const items = ['Knee brace', 'Lumbar MRI', 'Cervical MRI'].map(
      (name) =>
        `${name}:  Upheld\n\nClaims Administrator guideline: ${MTUS_CA}\n\nMAXIMUS guideline: ${MTUS_REVIEWER}\n\nDecision rationale: ${name} was reviewed. ${NOT_NECESSARY}`,
    );
    const text = draft({ items });
    build(text, cache);
    const edited = text.replace('Knee brace was reviewed.', 'Knee brace was reviewed.\n\nThe applicant was seen twice.');
    const model = build(edited, cache);
    assert.deepEqual(cache.stats.items, { read: 1, kept: 2 });
    assert.deepEqual(model, build(edited));
    for (const entry of model.items) {
      assert.equal(entry.claimsAdministrator, entry.fields[0], entry.name.text);
      assert.equal(entry.reviewer, entry.fields[1], entry.name.text);
      assert.equal(entry.rationale, entry.fields[2], entry.name.text);
      assert.equal(entry.reviewer?.citation, entry.reviewer?.citations[0], entry.name.text);
    }
  });
});
