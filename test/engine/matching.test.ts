import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { titleCandidates } from '../../engine/src/detect';
import { closest, editDistance, nearLimit } from '../../engine/src/distance';
import { compilePattern } from '../../engine/src/pattern';

// The matching every rule leans on: how far a misspelling is, what a configured pattern may be, which lines are titles.
describe('edit distance', () => {
  it('counts insertions, deletions, substitutions and swapped neighbours, and stops past a limit', () => {
    const cases: [string, string, number | undefined, number][] = [
      ['Overturned', 'Overturned', undefined, 0],
      ['Ovrturnd', 'Overturned', undefined, 2],
      ['Upheld', 'Uphled', undefined, 1],
      ['Uphled', 'Upheld', 1, 1],
      ['Texsa', 'Texas', undefined, 1],
      ['Stte of Licnsure', 'State of Licensure', 3, 2],
      ['kitten', 'sitting', undefined, 3],
      ['kitten', 'sitting', 2, 3],
      ['abc', 'abcdef', 2, 3],
      ['abcdef', 'ghijkl', 3, 4],
      ['', 'abc', undefined, 3],
      ['ca', 'abc', undefined, 3],
    ];
    for (const [a, b, limit, distance] of cases) assert.equal(editDistance(a, b, limit), distance, `${a} ${b} ${limit}`);
  });

  it('allows more edits to longer words: none under four letters, then one, two, three, and an eighth', () => {
    assert.deepEqual([0, 3, 4, 5, 6, 10, 11, 24, 25, 40].map(nearLimit), [0, 0, 1, 1, 2, 2, 3, 3, 3, 5]);
  });

  it('picks the nearest candidate within the limit, the first of equals, whatever the case', () => {
    assert.equal(closest('Ohoi', ['Iowa', 'Ohio']), 'Ohio');
    assert.equal(closest('Texsa', ['Texas City', 'Texas']), 'Texas');
    assert.equal(closest('Californa', ['Carolina', 'California']), 'California');
    assert.equal(closest('Nevda', ['Nevada', 'Neveda']), 'Nevada');
    assert.equal(closest('OHIO', ['Ohio']), 'Ohio');
    assert.equal(closest('xyz', ['xya']), undefined);
    assert.equal(closest('Ohio', []), undefined);
  });
});

describe('configured patterns', () => {
  it('compiles a pattern with its flags, each flag doing what it does in JavaScript', () => {
    const finds = (source: string, flags: string, text: string): boolean => {
      const compiled = compilePattern(source, flags);
      assert.ok(compiled.ok, source);
      return compiled.pattern.matcher(text).find();
    };
    assert.equal(finds('CLM\\d{6}', '', 'claim CLM123456'), true);
    assert.equal(finds('clm\\d+', '', 'CLM12'), false);
    assert.equal(finds('clm\\d+', 'i', 'CLM12'), true);
    assert.equal(finds('^b$', '', 'a\nb'), false);
    assert.equal(finds('^b$', 'm', 'a\nb'), true);
    assert.equal(finds('a.b', '', 'a\nb'), false);
    assert.equal(finds('a.b', 's', 'a\nb'), true);
    assert.equal(finds('\\u00e9', 'u', 'café'), true);
    assert.equal(compilePattern('CLM\\d{6}'), compilePattern('CLM\\d{6}'));
  });

  it('refuses what RE2 cannot run, saying what to write instead', () => {
    const RE2 = ' (patterns are matched in linear time, with RE2 syntax)';
    const cases: [string, string, string][] = [
      ['(?<=Claim )\\d+', '', `look-behind ("(?<=", "(?<!") is not supported; match the text around it instead${RE2}`],
      ['Claim (?!no)\\d+', '', `look-ahead ("(?=", "(?!") is not supported; match the text around it instead${RE2}`],
      ['(\\d)\\1', '', `back-references ("\\1", "\\k<name>") are not supported${RE2}`],
      ['[z-a]', '', `invalid character class range: \`z-a\`${RE2}`],
      ['abc', 'g', 'flags may be i, m, s and u; got "g"'],
      ['x'.repeat(1001), '', 'longer than 1000 characters'],
    ];
    for (const [source, flags, message] of cases) assert.deepEqual(compilePattern(source, flags), { ok: false, message }, source.slice(0, 20));
    assert.equal(compilePattern('x'.repeat(1000)).ok, true);
  });
});

describe('lines that could be titles', () => {
  it('skips code, comments, lists, quotations, rules and long lines, and splits "Title: text"', () => {
    const text = [
      'CLINICAL CASE SUMMARY',
      '=====',
      'Decision rationale: the text',
      'Abc: short colon',
      'Note:',
      '```md',
      'IMR ISSUES, DECISIONS AND RATIONALES',
      '````',
      'After fence',
      '~~~',
      'inside tilde',
      '~~~',
      'Before <!-- a comment',
      'HIDDEN TITLE',
      'ends here --> After comment',
      'Kept <!-- inline --> line',
      '- listed item',
      '  continued under the item',
      '',
      '    indented after the list',
      '',
      '> quoted',
      '1) numbered',
      '',
      '    indented code',
      'Paragraph start',
      '    indented continuation',
      '* * *',
      '\tTabbed code',
      'x'.repeat(160),
      'y'.repeat(159),
      `${'z'.repeat(99)}: after a late colon`,
      `${'w'.repeat(100)}: after a later colon`,
      '---',
      'Last line',
    ].join('\n');
    assert.deepEqual(titleCandidates(text), [
      'CLINICAL CASE SUMMARY',
      'Decision rationale: the text',
      'Decision rationale',
      'Abc: short colon',
      'Note:',
      'After fence',
      'Before ',
      ' After comment',
      'Kept  line',
      'Paragraph start',
      '    indented continuation',
      'y'.repeat(159),
      `${'z'.repeat(99)}: after a late colon`,
      'z'.repeat(99),
      `${'w'.repeat(100)}: after a later colon`,
      'Last line',
    ]);
    assert.deepEqual(titleCandidates('A\r\nB\rC'), ['A', 'B', 'C']);
  });
});
