// The guards that make pathological Markdown cheap replace characters one for one, and only past limits no letter reaches.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { Emphasis, Heading, InlineCode, Paragraph, Strong } from 'mdast';
import { lint } from '../../engine/src/lint';
import { parseMarkdown } from '../../engine/src/parse';
import { MAX_BACKTICK_RUN, MAX_DELIMITER_RUNS, MAX_INDENT, tame } from '../../engine/src/tame';

const seed = readFileSync(new URL('../fixtures/seed.imr.md', import.meta.url), 'utf8');

/** The offsets at which two texts of the same length differ. */
function differences(a: string, b: string): number[] {
  assert.equal(a.length, b.length, 'no offset moves');
  return [...a].flatMap((char, index) => (char === b[index] ? [] : [index]));
}

describe('tame', () => {
  it('leaves a real letter, bold labels and code spans alone', () => {
    const letter = `${seed}\n**Claims Administrator guideline:** _Decision based on MTUS_ \`code\` and \`\`\`\`fence\`\`\`\`\n`;
    assert.equal(tame(letter), letter);
  });

  it(`keeps the first ${MAX_DELIMITER_RUNS} emphasis delimiters of a paragraph and turns the rest into look-alikes`, () => {
    const text = '_a* '.repeat(10_000);
    const tamed = tame(text);
    const changed = differences(text, tamed);
    // Runs alternate _ and *, two to each 4 characters: run 257 is the _ at 512.
    assert.equal(changed[0], (MAX_DELIMITER_RUNS / 2) * 4, 'the first change is the delimiter after the limit');
    assert.ok(changed.every((index) => text[index] === '_' || text[index] === '*'));
    assert.equal(changed.length, 20_000 - MAX_DELIMITER_RUNS);
  });

  it('counts delimiters per paragraph: a blank line, a heading or a bullet starts the count again', () => {
    const paragraph = '*a* '.repeat(MAX_DELIMITER_RUNS / 2 - 1);
    const text = [paragraph, '', paragraph, '# Heading *x*', paragraph, '- item *y*', paragraph].join('\n');
    assert.equal(tame(text), text);
    // Lines that only continue the paragraph share its count.
    const continued = [paragraph, paragraph, paragraph].join('\n');
    assert.notEqual(tame(continued), continued);
  });

  it('emphasis before the limit still parses; delimiters after it read as text', () => {
    const text = `*kept* ${'_a* '.repeat(MAX_DELIMITER_RUNS)}*lost*`;
    const [paragraph] = parseMarkdown(text).children as Paragraph[];
    assert.equal((paragraph.children[0] as Emphasis).type, 'emphasis');
    assert.equal(paragraph.children.at(-1)?.type, 'text');
  });

  it(`turns backtick runs longer than ${MAX_BACKTICK_RUN} into look-alikes and keeps shorter code spans`, () => {
    const long = '`'.repeat(MAX_BACKTICK_RUN + 1);
    const text = `\`code\` ${long}x${long}`;
    const tamed = tame(text);
    assert.deepEqual(
      differences(text, tamed),
      [...Array(MAX_BACKTICK_RUN + 1).keys()].flatMap((index) => [7 + index, 8 + MAX_BACKTICK_RUN + 1 + index]).sort((a, b) => a - b),
    );
    const [paragraph] = parseMarkdown(text).children as Paragraph[];
    assert.equal((paragraph.children[0] as InlineCode).value, 'code');
  });

  it(`ends indentation past ${MAX_INDENT} characters with a no-break space, so a list stops nesting there`, () => {
    const text = Array.from({ length: 100 }, (_, depth) => `${' '.repeat(depth * 2)}- item ${depth}`).join('\n');
    const tamed = tame(text);
    const changed = differences(text, tamed);
    assert.ok(changed.every((index) => tamed[index] === '\u00a0' && text[index] === ' '));
    assert.equal(changed.length, 100 - MAX_INDENT / 2 - 1);
    const result = lint(`${seed}\n${text}\n`);
    assert.deepEqual(result.failures, []);
    assert.ok(result.model);
  });

  it('a heading after the guards still reads at its own offset', () => {
    const text = `${'_a* '.repeat(1000)}\n\n# Title`;
    const heading = parseMarkdown(text).children.find((node): node is Heading => node.type === 'heading');
    assert.equal(heading?.position?.start.offset, text.indexOf('# Title'));
    assert.ok(!parseMarkdown('**b**').children.some((node) => node.type !== 'paragraph'));
    assert.equal(((parseMarkdown('**b**').children[0] as Paragraph).children[0] as Strong).type, 'strong');
  });
});
