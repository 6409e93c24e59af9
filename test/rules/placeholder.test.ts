import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { draft, findingsOf, item, rangeOf } from '../support/drafts';

const messages = (text: string): string[] => findingsOf(text, 'placeholder').map((finding) => finding.message);

describe('placeholder', () => {
  it("reports the template's item name, at the name, as an error", () => {
    const text = draft({ items: [item({ name: 'Name of the disputed item' })] });
    const [finding, ...rest] = findingsOf(text, 'placeholder');
    assert.equal(rest.length, 0);
    assert.equal(finding.severity, 'error');
    assert.deepEqual(finding.range, rangeOf(text, 'Name of the disputed item'));
    assert.equal(finding.message, '"Name of the disputed item" is the template\'s placeholder; write the name of the disputed item.');
    assert.equal(finding.fix, undefined);
    // Written, it is gone.
    assert.deepEqual(findingsOf(text.replace('Name of the disputed item', 'Lumbar MRI'), 'placeholder'), []);
  });

  it('reports template text left in prose, whole, once, and what an earlier template left', () => {
    const text = draft({
      items: [
        item({
          reviewer: 'The Expert Reviewer based their decision on the MTUS. Decision based on MTUS [source, chapter or topic, pages]',
          rationale: 'Reasoning from the case file and the cited guideline. Therefore, the request was not medically necessary.',
        }),
      ],
    });
    assert.deepEqual(messages(text), [
      '"[source, chapter or topic, pages]" is template text left in; write the guideline cited: its source, chapter or topic, and pages.',
      '"Reasoning from the case file and the cited guideline." is template text left in; write the reasoning from the case file and the guideline.',
    ]);
    // The source is the placeholder rule's, not an unknown guideline.
    assert.deepEqual(findingsOf(text, 'citation-source'), []);
  });

  it('reports an empty credentials line at its label, and a bracketed one at its text, instead of an unknown state', () => {
    const empty = draft({ states: '' });
    assert.deepEqual(findingsOf(empty, 'placeholder')[0].range, rangeOf(empty, 'State(s) of Licensure:'));
    const bracketed = draft({ specialties: '[Certification(s) or specialty]' });
    assert.deepEqual(findingsOf(bracketed, 'placeholder')[0].range, rangeOf(bracketed, '[Certification(s) or specialty]'));
    assert.deepEqual(findingsOf(bracketed, 'credential-specialty'), []);
  });

  it('reports TODO, XXX, [text to fill in] and <names> left in', () => {
    const text = draft({ summary: 'The applicant was seen on [date of visit] by <treating physician>. TODO add the MRI result. XXX' });
    assert.deepEqual(
      findingsOf(text, 'placeholder').map((finding) => text.slice(finding.span.start, finding.span.end)),
      ['[date of visit]', '<treating physician>', 'TODO', 'XXX'],
    );
  });

  it('leaves alone what is not left to fill in: redactions, [sic], reference numbers, quoted brackets, HTML a draft may use, a redacted number', () => {
    const text = draft({
      summary:
        'The [REDACTED] report [2] notes "the patient [sic] reported pain" and "[the applicant] declined". SSN XXX-XX-1234 was removed.<br>The disputed items are set forth below.',
    });
    assert.deepEqual(messages(text), []);
  });

  it('does not read code', () => {
    const text = draft({ summary: 'Text.\n\n```\nTODO [date] <name>\n```' });
    assert.deepEqual(messages(text), []);
  });

  it('says what each kind of unfinished text stands for, and passes over checkboxes, quotations and HTML with attributes', () => {
    const summary =
      'See page N and pp. N of the MTUS. TBD: FIXME later. Checked [ ] and [x]; \u201c[quoted words]\u201d and <span class="x">bold</span> <i>it</i> <br/> <Dr name>  [to be filled]';
    const text = draft({ states: '', specialties: '[Certification(s) or specialty]', summary });
    assert.deepEqual(
      findingsOf(text, 'placeholder').map((finding) => [text.slice(finding.span.start, finding.span.end), finding.message]),
      [
        ['State(s) of Licensure:', '"State(s) of Licensure:" lists nothing yet; write the states where the reviewer is licensed.'],
        ['[Certification(s) or specialty]', '"[Certification(s) or specialty]" is text to fill in; write the reviewer\'s certifications or specialties.'],
        ['N', '"N" is the template\'s page number left in; write the pages cited.'],
        ['N', '"N" is the template\'s page number left in; write the pages cited.'],
        ['TBD', '"TBD" marks text still to write; finish it and remove the mark.'],
        ['FIXME', '"FIXME" marks text still to write; finish it and remove the mark.'],
        ['<Dr name>', '"<Dr name>" is text to fill in; write what it stands for.'],
        ['[to be filled]', '"[to be filled]" is text to fill in; write what it stands for.'],
      ],
    );
  });

  it('reports two marks left side by side, each once', () => {
    const text = draft({ summary: 'The applicant was seen by <treating physician>[specialty] on [date of visit]<time>. TODO[result of the MRI]' });
    assert.deepEqual(
      findingsOf(text, 'placeholder').map((finding) => [text.slice(finding.span.start, finding.span.end), finding.message]),
      [
        ['<treating physician>', '"<treating physician>" is text to fill in; write what it stands for.'],
        ['[specialty]', '"[specialty]" is text to fill in; write what it stands for.'],
        ['[date of visit]', '"[date of visit]" is text to fill in; write what it stands for.'],
        ['<time>', '"<time>" is text to fill in; write what it stands for.'],
        ['TODO', '"TODO" marks text still to write; finish it and remove the mark.'],
        ['[result of the MRI]', '"[result of the MRI]" is text to fill in; write what it stands for.'],
      ],
    );
    const written = text
      .replace('<treating physician>[specialty]', 'the treating orthopedist')
      .replace('[date of visit]<time>', 'June 3, 2014')
      .replace(' TODO[result of the MRI]', '');
    assert.deepEqual(messages(written), []);
  });

  it('reads bracketed text that opens or ends with a space or an x as text to fill in; only [ ], [x] and [X] are checkboxes', () => {
    const text = draft({ summary: 'The applicant had an MRI on [ date of the MRI ] and an [X-ray date] film; therapy was [number of visits, e.g. 2x].' });
    assert.deepEqual(
      findingsOf(text, 'placeholder').map((finding) => text.slice(finding.span.start, finding.span.end)),
      ['[ date of the MRI ]', '[X-ray date]', '[number of visits, e.g. 2x]'],
    );
  });

  it('does not read an indented block, which Markdown prints as code', () => {
    const text = draft({ summary: 'The records were reviewed.\n\n    TODO [date] <name> XXX page N' });
    assert.deepEqual(messages(text), []);
    // The same words in a paragraph are unfinished text.
    assert.equal(messages(text.replace('\n\n    TODO', '\n\nTODO')).length, 5);
  });

  it('passes over an HTML tag with attributes that a paste from a word processor leaves, whatever its name', () => {
    const text = draft({ summary: 'The applicant returned to <font face="Arial">regular duty</font> work.' });
    assert.deepEqual(messages(text), []);
    assert.deepEqual(messages(text.replace('<font face="Arial">', '<font name>')), ['"<font name>" is text to fill in; write what it stands for.']);
  });

  it('says an empty specialties line lists nothing yet', () => {
    const text = draft({ specialties: '' });
    assert.deepEqual(messages(text), ['"Certification(s)/Specialty:" lists nothing yet; write the reviewer\'s certifications or specialties.']);
  });
});
