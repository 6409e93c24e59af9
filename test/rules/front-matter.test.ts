import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { draft, findingsOf, problems, rangeOf } from '../support/drafts';

describe('front-matter', () => {
  it('warns about a case number of the wrong form, at its value', () => {
    const text = draft({ frontMatter: 'case: 14-0123456\nprofile: ca-dwc-imr' });
    const [finding, ...rest] = findingsOf(text, 'front-matter');
    assert.equal(rest.length, 0);
    assert.equal(finding.severity, 'warning');
    assert.deepEqual(finding.range, { start: { line: 1, character: 6 }, end: { line: 1, character: 16 } });
    assert.match(finding.message, /does not look like "CM" \+ two-digit year \+ "-" \+ seven digits; correct it/);
  });

  it('warns about an unknown profile and says which one it checks against', () => {
    const text = draft({ frontMatter: 'case: CM14-0123456\nprofile: ca-dwc-imr-2019' });
    const [finding] = findingsOf(text, 'front-matter');
    assert.deepEqual(finding.range, rangeOf(text, 'ca-dwc-imr-2019'));
    assert.match(finding.message, /Unknown profile "ca-dwc-imr-2019"; checking against "ca-dwc-imr"/);
  });

  it('reports front matter that is not YAML as an error over the whole block', () => {
    const text = draft({ frontMatter: 'case: [CM14-0123456' });
    const [finding] = findingsOf(text, 'front-matter');
    assert.equal(finding.severity, 'error');
    assert.deepEqual(finding.range, { start: { line: 0, character: 0 }, end: { line: 2, character: 3 } });
    assert.match(finding.message, /not valid YAML .*; correct it, or remove the block/);
  });

  it('accepts case metadata and every built-in profile, in LF or CRLF', () => {
    for (const frontMatter of ['case: CM14-0123456\nprofile: ca-dwc-imr', 'case: "CM15-0204817"', 'reviewer: internal draft 2\ncase: CM13-0008765']) {
      assert.deepEqual(findingsOf(draft({ frontMatter }), 'front-matter'), [], frontMatter);
      assert.deepEqual(findingsOf(draft({ frontMatter }).replace(/\n/g, '\r\n'), 'front-matter'), [], frontMatter);
    }
    assert.deepEqual(problems(draft({ frontMatter: 'case: CM14-0123456\nprofile: ca-dwc-imr' })), []);
  });

  it('does nothing for a draft without front matter', () => {
    assert.deepEqual(findingsOf(draft(), 'front-matter'), []);
  });

  it('takes a quoted case number with spaces around it, and names a wrong one and an unknown profile in full', () => {
    assert.deepEqual(findingsOf(draft({ frontMatter: 'case: "  CM14-0123456 "\nprofile: ca-dwc-imr' }), 'front-matter'), []);
    const text = draft({ frontMatter: 'case: CM14-123\nprofile: ca-dwc-imr-2016' });
    assert.deepEqual(
      findingsOf(text, 'front-matter').map((finding) => [finding.range, finding.message]),
      [
        [
          rangeOf(text, 'CM14-123'),
          'Case number "CM14-123" does not look like "CM" + two-digit year + "-" + seven digits; correct it (for example "CM14-0123456").',
        ],
        [
          rangeOf(text, 'ca-dwc-imr-2016'),
          'Unknown profile "ca-dwc-imr-2016"; checking against "ca-dwc-imr". Name a built-in profile or one defined in configuration.',
        ],
      ],
    );
  });

  it('reports a key named through a YAML alias at the whole front matter, as it has no place of its own', () => {
    // `*profile` and `*case` stand for the keys their anchors name: the values apply, the keys are written elsewhere.
    const text = draft({ frontMatter: 'keys: [&profile profile, &case case]\n*profile : ca-dwc-imr-2019\n*case : 14-0123456' });
    const block = { start: { line: 0, character: 0 }, end: { line: 4, character: 3 } };
    assert.deepEqual(
      findingsOf(text, 'front-matter').map((finding) => [finding.range, finding.message.slice(0, 34)]),
      [
        [block, 'Unknown profile "ca-dwc-imr-2019";'],
        [block, 'Case number "14-0123456" does not '],
      ],
    );
  });
});
