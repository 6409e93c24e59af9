// The guards that make pathological Markdown cheap replace characters one for one, and only past limits no letter reaches.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { Emphasis, Heading, InlineCode, Paragraph, Strong } from 'mdast';
import { lint } from '../../engine/src/lint';
import { parseMarkdown } from '../../engine/src/parse';
import { MAX_BACKTICK_RUN, MAX_DELIMITER_RUNS, MAX_INDENT, MAX_NESTING, MAX_RUN, tame } from '../../engine/src/tame';

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

describe('tame, marker by marker', () => {
  it(`turns container markers past ${MAX_NESTING} on a line into look-alikes, an ordered one keeping its digits`, () => {
    const markers = ['> ', '- ', '* ', '+ ', '1. ', '12) '];
    for (const marker of markers) {
      const line = `${marker.repeat(MAX_NESTING + 2)}text`;
      const tamed = tame(`Intro\n${line}\r\n${marker.repeat(MAX_NESTING)}kept`);
      const changed = differences(`Intro\n${line}\r\n${marker.repeat(MAX_NESTING)}kept`, tamed);
      const delimiter = marker.trim().at(-1)!;
      const expected = [MAX_NESTING, MAX_NESTING + 1].map((index) => 6 + index * marker.length + marker.length - 2);
      assert.deepEqual(changed, expected, JSON.stringify(marker));
      assert.ok(
        changed.every(
          (index) =>
            tamed[index] !== delimiter &&
            tamed[index] === { '>': '\u203a', '-': '\u2010', '*': '\u2217', '+': '\u2795', '.': '\u2024', ')': '\u2769' }[delimiter],
        ),
      );
    }
    // Only the markers that open the line: the same characters in its text are text.
    const text = `${'- '.repeat(MAX_NESTING + 1)}left - right > up`;
    assert.deepEqual(differences(text, tame(text)), [MAX_NESTING * 2]);
  });

  it(`keeps the ${MAX_RUN / 2} characters at each end of a run longer than ${MAX_RUN} and blanks its middle`, () => {
    for (const char of ['*', '_', '[', ']']) {
      const run = char.repeat(MAX_RUN + 44);
      assert.equal(tame(`a ${run} b`), `a ${char.repeat(MAX_RUN / 2)}${' '.repeat(44)}${char.repeat(MAX_RUN / 2)} b`, char);
      assert.equal(tame(char.repeat(MAX_RUN)), char.repeat(MAX_RUN));
    }
    const redacted = `${'['.repeat(300)}REDACTED${']'.repeat(300)}`;
    assert.equal(tame(redacted).slice(128 + 44, -(128 + 44)), `${'['.repeat(128)}REDACTED${']'.repeat(128)}`);
  });

  it('replaces each character once where two guards reach it, and every guard wherever it reaches, in order', () => {
    // 400 emphasis runs, then a run of 300 asterisks: the run is past the delimiter limit and longer than a long run.
    const text = `${'_a* '.repeat(200)}x${'*'.repeat(300)}y\n${'- '.repeat(MAX_NESTING + 1)}item`;
    const tamed = tame(text);
    const changed = differences(text, tamed);
    const run = text.indexOf('x*') + 1;
    assert.equal(tamed.slice(run, run + 300), '\u2217'.repeat(300), 'the whole run as look-alikes');
    assert.equal(tamed[MAX_DELIMITER_RUNS * 2], '\u02cd', 'the first delimiter past the limit');
    assert.equal(tamed[text.lastIndexOf('- ')], '\u2010', 'the marker past the nesting limit');
    assert.equal(changed.length, 400 - MAX_DELIMITER_RUNS + 300 + 1);
  });

  it('counts only delimiter runs next to a word: spaces, tabs, line breaks and the ends of the text are none', () => {
    const text = `* ${'_a* '.repeat(MAX_DELIMITER_RUNS / 2)} * \t*\t\n*\rb* *`;
    assert.deepEqual(differences(text, tame(text)), [text.indexOf('b*') + 1]);
  });

  it('starts the count again after a blank line or a heading, whatever the line breaks, and not after their look-alikes', () => {
    const paragraph = '*a* '.repeat(MAX_DELIMITER_RUNS / 2 - 1);
    for (const gap of ['\r\n\r\n', '\r\r', '\n \t\n', '\n   # Title\n', '\n#\n', '\n###### Title\r\n', '\n+ item\n', '\n*\titem\n']) {
      const text = `${paragraph}${gap}${paragraph}`;
      assert.equal(tame(text), text, JSON.stringify(gap));
    }
    for (const gap of ['\n####### Title\n', '\n    # Title\n', '\n#Title\n', '\n-\n', '\n']) {
      const text = `${paragraph}${gap}${paragraph}`;
      assert.notEqual(tame(text), text, JSON.stringify(gap));
    }
  });
});
