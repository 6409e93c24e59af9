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

  it('checks every citation of a field: a second "Decision based on" with a misspelt source', () => {
    const text = draft({
      items: [
        item({
          reviewer: `${mtus('Chronic Pain Medical Treatment Guidelines, Opioids, page 80.')} Decision based on Non-MTUS Citation Offical Disability Guidelines, Pain Chapter, Opioids`,
        }),
      ],
    });
    const [finding, ...rest] = findingsOf(text, 'citation-source');
    assert.equal(rest.length, 0);
    assert.equal(finding.severity, 'warning');
    assert.deepEqual(finding.range, rangeOf(text, 'Offical Disability Guidelines'));
    assert.match(finding.message, /did you mean "Official Disability Guidelines"\?/);
    assert.deepEqual(findingsOf(applyFix(text, finding, 0), 'citation-source'), []);
  });

  it('reports a second citation cited with the wrong kind at its own prefix, and fixes only that prefix', () => {
    const text = draft({
      items: [item({ reviewer: `${mtus('ACOEM, Chapter 12 Low Back Complaints, page 309.')} Decision based on MTUS ODG Low Back Chapter, Discography` })],
    });
    const [finding, ...rest] = findingsOf(text, 'citation-source');
    assert.equal(rest.length, 0);
    assert.deepEqual(finding.range, rangeOf(text, 'Decision based on MTUS', 2));
    assert.match(finding.message, /Official Disability Guidelines \(ODG\) is not part of the MTUS/);
    const fixed = applyFix(text, finding, 0);
    assert.match(fixed, /Decision based on MTUS ACOEM, Chapter 12 Low Back Complaints, page 309\. Decision based on Non-MTUS Citation ODG Low Back Chapter/);
    assert.deepEqual(findingsOf(fixed, 'citation-source'), []);
  });

  it("reads a source listed under another citation's prefix as its own kind", () => {
    for (const reviewer of [
      mtus('Chronic Pain Medical Treatment Guidelines, Epidural steroid injections, page 46; ODG Low Back Chapter, Epidural steroid injections'),
      mtus('Chronic Pain Medical Treatment Guidelines, Opioids, p. 80 and Official Disability Guidelines (ODG), Pain (Chronic) Chapter, Opioids'),
    ]) {
      const text = draft({ items: [item({ reviewer })] });
      assert.deepEqual(findingsOf(text, 'citation-source'), [], reviewer);
    }
  });

  it('notes an unknown chapter in a listed citation, at that chapter', () => {
    const text = draft({ items: [item({ reviewer: mtus('Chronic Pain Medical Treatment Guidelines, Opioids, page 80; ODG Toe Chapter, Bunions') })] });
    const [finding, ...rest] = findingsOf(text, 'citation-source');
    assert.equal(rest.length, 0);
    assert.equal(finding.severity, 'info');
    assert.deepEqual(finding.range, rangeOf(text, 'Toe Chapter'));
  });

  it('reports a Third Edition ACOEM cited as MTUS, told apart by its edition', () => {
    const text = draft({
      items: [item({ reviewer: mtus('American College of Occupational and Environmental Medicine (ACOEM), 3rd Edition, Chronic Pain, Opioids') })],
    });
    const [finding, ...rest] = findingsOf(text, 'citation-source');
    assert.equal(rest.length, 0);
    assert.deepEqual(finding.range, rangeOf(text, 'Decision based on MTUS', 1));
    assert.match(finding.message, /ACOEM Practice Guidelines, Third Edition is not part of the MTUS/);
  });

  it('knows the citation forms letters use, with editions, years, dashes and every way of writing pages', () => {
    for (const reviewer of [
      mtus('Chronic Pain Medical Treatment Guidelines, MTUS (Effective July 18, 2009) Page(s): 43'),
      mtus('Chronic Pain Medical Treatment Guidelines, MTUS (Effective July 18, 2009) Page(s): 79-80, Weaning of Medications'),
      mtus('American College of Occupational and Environmental Medicine (ACOEM), 2nd Edition, (2004) - Low Back Complaints, page 303-304'),
      mtus('ACOEM, 2nd Edition (2004), Chapter 12 Low Back Complaints, pp. 308-310'),
      mtus('ACOEM Practice Guidelines, 2nd Edition (2004), Chapter 13 Knee Complaints, pages 341–343'),
      mtus('ACOEM, Knee Complaints, Chapter 13, p. 343'),
      nonMtus('Official Disability Guidelines (ODG), Pain (Chronic) Chapter, Opioids'),
      nonMtus("ODG Treatment in Workers' Comp, Knee & Leg (Acute & Chronic)"),
      nonMtus('ODG -TWC Low Back Chapter'),
      nonMtus('Official Disability Guidelines (ODG), Treatment Index, 11th Edition (web), 2013, Low Back - Lumbar & Thoracic (Acute & Chronic), Discography'),
      nonMtus('ACOEM Practice Guidelines, 3rd Edition (2011), Hip and Groin Disorders, Intra-articular Glucocorticosteroid Injections'),
      nonMtus('American College of Occupational and Environmental Medicine (ACOEM), Third Edition, Chronic Pain, Opioids'),
    ]) {
      const text = draft({ items: [item({ claims: NON_MTUS_CA, reviewer, rationale: WHY })] });
      assert.deepEqual(findingsOf(text, 'citation-source'), [], reviewer);
    }
  });

  it('says an MTUS source cited as Non-MTUS is part of the MTUS, and names the prefix its suggestion writes', () => {
    const text = draft({ items: [item({ reviewer: nonMtus('Chronic Pain Medical Treatment Guidelines, page 80') })] });
    const [finding, ...rest] = findingsOf(text, 'citation-source');
    assert.equal(rest.length, 0);
    assert.equal(
      finding.message,
      'Chronic Pain Medical Treatment Guidelines is part of the MTUS; cite it with "Decision based on MTUS", or name the source the decision really rests on.',
    );
    assert.deepEqual(
      finding.suggestions?.map((suggestion) => suggestion.title),
      ['Change to "Decision based on MTUS"'],
    );
    assert.match(applyFix(text, finding, 0), /Decision based on MTUS Chronic Pain Medical Treatment Guidelines, page 80/);
  });

  it('names the suggested source in its suggestion', () => {
    const text = draft({ items: [item({ reviewer: mtus('Chronic Pian Medical Treatment Guidelines, page 80') })] });
    const [finding] = findingsOf(text, 'citation-source');
    assert.deepEqual(
      finding.suggestions?.map((suggestion) => suggestion.title),
      ['Change to "Chronic Pain Medical Treatment Guidelines"'],
    );
  });

  it('lists the known sources of the kind cited, one after another, when nothing is near', () => {
    const message = (reviewer: string): string => findingsOf(draft({ items: [item({ reviewer, rationale: WHY })] }), 'citation-source')[0].message;
    const unknown =
      '"Harrison Textbook of Internal Medicine" is not a guideline source this extension knows; check the name, or ignore this warning for a source outside the catalogue';
    assert.equal(
      message(nonMtus('Harrison Textbook of Internal Medicine, Chapter 4')),
      `${unknown} (known: ACOEM Practice Guidelines, Third Edition, Official Disability Guidelines (ODG), FDA labeling, Other nationally recognized evidence-based guideline, Peer-reviewed study).`,
    );
    assert.equal(
      message(mtus('Harrison Textbook of Internal Medicine, Chapter 4')),
      `${unknown} (known: ACOEM Practice Guidelines, 2nd Edition (2004), Chronic Pain Medical Treatment Guidelines, Acupuncture Medical Treatment Guidelines, Postsurgical Treatment Guidelines, Opioids Treatment Guidelines (2016), MTUS Drug Formulary (2018)).`,
    );
  });

  it('does not question the chapter of a source whose chapters the catalogue does not list', () => {
    const text = draft({ items: [item({ reviewer: mtus('Chronic Pain Medical Treatment Guidelines, Opioids Chapter, page 80') })] });
    assert.deepEqual(findingsOf(text, 'citation-source'), []);
  });

  it('words a note about an unknown chapter with the source it was looked for in', () => {
    const text = draft({ items: [item({ reviewer: nonMtus('ODG Toe Chapter, Bunions'), rationale: WHY })] });
    const [finding] = findingsOf(text, 'citation-source');
    assert.equal(finding.message, '"Toe Chapter" is not a chapter of Official Disability Guidelines (ODG) that this extension knows; check the chapter name.');
  });

  it("leaves an earlier template's text where the source or the chapter goes to the placeholder rule, until it is written", () => {
    for (const [citation, left] of [
      ['source, chapter or topic', 'source, chapter or topic'],
      ['ODG, chapter or topic', 'chapter or topic'],
    ]) {
      const text = draft({ items: [item({ reviewer: nonMtus(citation), rationale: WHY })] });
      assert.deepEqual(findingsOf(text, 'citation-source'), [], citation);
      assert.deepEqual(
        findingsOf(text, 'placeholder').map((finding) => text.slice(finding.span.start, finding.span.end)),
        [left],
        citation,
      );
      const written = text.replace(citation, 'ODG Pain Chapter, Opioids');
      assert.deepEqual([...findingsOf(written, 'citation-source'), ...findingsOf(written, 'placeholder')], [], citation);
    }
  });
});
