// YAML front matter: its keys and values, where each value is written, and a clear message when it is no mapping.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lint } from '../../engine/src/lint';
import { readFrontMatter } from '../../engine/src/model/frontmatter';
import { flatten } from '../../engine/src/model/lines';
import type { FrontMatter } from '../../engine/src/model/types';
import { parseMarkdown } from '../../engine/src/parse';
import { LineIndex } from '../../engine/src/text';
import { rangeOf } from '../support/drafts';

const frontMatter = (text: string): FrontMatter => {
  const index = new LineIndex(text);
  const { yaml } = flatten(parseMarkdown(text), text, index);
  assert.ok(yaml, 'the draft has front matter');
  return readFrontMatter(yaml, index);
};

describe('front matter', () => {
  it('reads the keys and where each value is written', () => {
    const text = '---\ncase: CM15-0071234\nprofile: ca-dwc-imr-2015\n---\n\nText.\n';
    const read = frontMatter(text);
    assert.deepEqual(read.data, { case: 'CM15-0071234', profile: 'ca-dwc-imr-2015' });
    assert.equal(read.error, undefined);
    assert.deepEqual(read.span, { start: 0, end: text.indexOf('\n\nText') });
    assert.deepEqual(read.keys.case.range, rangeOf(text, 'CM15-0071234'));
    assert.deepEqual(read.keys.profile.range, rangeOf(text, 'ca-dwc-imr-2015'));
  });

  it('places a key without a value at the key, and an empty value where it would be', () => {
    const text = '---\n? lonely\nempty:\nb: 2\n---\n';
    const read = frontMatter(text);
    assert.deepEqual(read.data, { lonely: null, empty: null, b: 2 });
    assert.deepEqual(read.keys.lonely.range, rangeOf(text, 'lonely'));
    assert.deepEqual(read.keys.empty.span, { start: text.indexOf('empty:') + 6, end: text.indexOf('empty:') + 6 });
    assert.deepEqual(read.keys.b.range, rangeOf(text, '2'));
  });

  it('places no key that is not a word, such as a list written as a key', () => {
    const text = '---\n? [case, profile]\n: CM15-0071234\ncase: CM15-0071234\n---\n';
    const read = frontMatter(text);
    assert.equal(read.error, undefined);
    assert.deepEqual(Object.keys(read.keys), ['case']);
    assert.deepEqual(read.keys.case.range, rangeOf(text, 'CM15-0071234', 1));
  });

  it('reads lines ended by a lone carriage return, as old Mac files are, at their offsets', () => {
    const text = '---\rcase: A\rdate: 2014-06-02\r---\r\rText.';
    const read = frontMatter(text);
    assert.deepEqual(read.data, { case: 'A', date: '2014-06-02' });
    assert.deepEqual(read.keys.date.span, { start: text.indexOf('2014'), end: text.indexOf('2014') + 10 });
    assert.deepEqual(read.keys.date.range, { start: { line: 2, character: 6 }, end: { line: 2, character: 16 } });
  });

  it('reads an empty or comment-only front matter as no keys, without an error', () => {
    for (const text of ['---\n# only a comment\n---\n', '---\n\n---\n']) {
      const read = frontMatter(text);
      assert.deepEqual([read.data, read.keys, read.error], [{}, {}, undefined], text);
    }
  });

  it('says why front matter that is no mapping of keys is not read', () => {
    for (const text of ['---\n- a\n- b\n---\n', '---\nnull\n---\n', '---\n"just a string"\n---\n']) {
      const read = frontMatter(text);
      assert.deepEqual([read.data, read.keys, read.error], [{}, {}, 'front matter is not a mapping of keys to values'], text);
    }
    const broken = frontMatter('---\ncase: [1\n---\n');
    assert.equal(broken.error, 'Flow sequence in block collection must be sufficiently indented and end with a ]');
    assert.deepEqual([broken.data, broken.keys], [{}, {}]);
  });

  it('says an alias with no anchor before it has no value, and the rest of the draft is still checked', () => {
    const text = '---\ncase: *case\nprofile: ca-dwc-imr\n---\n\nHOW THE IMR FINAL DETERMINATION WAS MADE\n\nThe reviewer read the file.\n';
    const read = frontMatter(text);
    assert.deepEqual([read.data, read.keys, read.error], [{}, {}, 'Unresolved alias (the anchor must be set before the alias): case']);
    const result = lint(text, { today: '2026-11-30' });
    assert.deepEqual(result.failures, []);
    assert.deepEqual(
      result.findings.filter((finding) => finding.ruleId === 'front-matter').map((finding) => finding.message),
      [
        'The front matter is not valid YAML (Unresolved alias (the anchor must be set before the alias): case); correct it, or remove the block between the "---" lines.',
      ],
    );
    assert.ok(
      result.findings.some((finding) => finding.ruleId === 'required-section'),
      'the draft after the front matter is checked',
    );
  });

  it('reads `key: value` lines as YAML reads them, as text, and leaves numbers, booleans and dates to YAML', () => {
    const text = '---\ncase: CM15-0123456\nreviewer: Dr. J. Doe (MD)\nyear: 2015\nsigned: true\n---\n';
    const read = frontMatter(text);
    assert.deepEqual(read.data, { case: 'CM15-0123456', reviewer: 'Dr. J. Doe (MD)', year: 2015, signed: true });
    assert.deepEqual(read.keys.reviewer.range, rangeOf(text, 'Dr. J. Doe (MD)'));
  });

  it('takes the last of a repeated key', () => {
    const text = '---\na: 1\na: 2\n---\n';
    const read = frontMatter(text);
    assert.deepEqual(read.data, { a: 2 });
    assert.deepEqual(read.keys.a.range, rangeOf(text, '2'));
  });
});
