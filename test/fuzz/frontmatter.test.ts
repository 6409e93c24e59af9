// Front matter of plain `key: value` lines, read without the YAML parser, is what the YAML parser reads.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { readFrontMatter, readYamlFrontMatter } from '../../engine/src/model/frontmatter';
import { flatten } from '../../engine/src/model/lines';
import { parseMarkdown } from '../../engine/src/parse';
import { LineIndex } from '../../engine/src/text';

const scale = Number(process.env.FUZZ_SCALE ?? 1);
const seed = Number(process.env.FUZZ_SEED ?? 20261126);

// Keys and values as drafts write them, and what YAML reads otherwise: numbers, booleans, null, quotes, comments,
// flow, anchors, tags, a colon, a tab, indentation.
const keys = ['case', 'profile', 'reviewer', 'Case_No', 'date-received', 'true', 'Null', '1st', ' case', 'case ', 'a b'];
// prettier-ignore
const values = ['CM15-0123456', 'ca-dwc-imr', 'ca-dwc-imr-2013', 'Dr. Smith', 'Orthopaedic Surgery', 'J. Doe (MD)', 'x', 'a  b', 'v1.2', 'no', 'yes', 'on', 'off', 'True', 'FALSE', 'null', '~', '2015-03-04', '12', '0x1F', '.inf', '"quoted"', "'single'", 'a # comment', 'a: b', 'a:b', '[a, b]', '{a: b}', '&anchor a', '*alias', '!tag a', '|', '>', '%x', '@x', '`x', 'a\tb', ''];
const line = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .tuple(fc.constantFrom(...keys), fc.constantFrom(': ', ':  ', ':', ' : '), fc.constantFrom(...values), fc.constantFrom('', ' ', '  '))
      .map((parts) => parts.join('')),
  },
  { weight: 1, arbitrary: fc.constantFrom('', '  ', '# a comment', '  indented: x', '- item', '\t') },
);
const breaks = fc.constantFrom('\n', '\n', '\r\n', '\r');

describe('front matter read without the YAML parser', () => {
  const cases = Math.max(1, Math.round(3000 * scale));
  it(`equals what the YAML parser reads: values, where each is written, errors (${cases} front matters)`, () => {
    let plain = 0;
    fc.assert(
      fc.property(fc.array(fc.tuple(line, breaks), { minLength: 1, maxLength: 6 }), (lines) => {
        const body = lines.map(([text, lineBreak]) => text + lineBreak).join('');
        const text = `---\n${body}---\n\nText.\n`;
        const index = new LineIndex(text);
        const { yaml } = flatten(parseMarkdown(text), text, index);
        if (!yaml) return;
        const read = readFrontMatter(yaml, index);
        const expected = readYamlFrontMatter(yaml, index);
        assert.deepEqual(read, expected, JSON.stringify(text));
        if (read.error === undefined && Object.keys(read.data).length > 0) plain++;
      }),
      { numRuns: cases, seed },
    );
    assert.ok(plain > cases / 10, `only ${plain} of ${cases} front matters were mappings`);
  });
});
