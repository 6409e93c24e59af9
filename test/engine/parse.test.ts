// Markdown to a tree as the engine reads drafts: front matter only where it is closed, offsets that count a
// byte-order mark, and no tree deeper than the engine walks.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Nodes, Root } from 'mdast';
import { frontMatterExtent, MAX_DEPTH, parseMarkdown, parseMarkdownFragment } from '../../engine/src/parse';

const depthOf = (node: Nodes, depth = 0): number =>
  Math.max(depth, ...('children' in node ? node.children.map((child) => depthOf(child as Nodes, depth + 1)) : []));
const texts = (node: Nodes): string[] => ('children' in node ? node.children.flatMap((child) => texts(child as Nodes)) : 'value' in node ? [node.value] : []);
const types = (root: Root): string[] => root.children.map((child) => child.type);

describe('front matter', () => {
  it('ends after the line that closes it, whatever the line breaks, a byte-order mark and trailing blanks', () => {
    // The front matter, then what follows it.
    const cases: [string, string][] = [
      ['---\ncase: CM16-0001234\n---\n', 'Body'],
      ['---\n---\n', 'Body'],
      ['\ufeff---\ncase: 1\n---\n', ''],
      ['---\r\ncase: 1\r\n---\r\n', 'Body'],
      ['---\rcase: 1\r---\r', 'Body'],
      ['--- \t\ncase: 1\n---  \n', 'Body\n---\n'],
      ['---\ncase: 1\n---', ''],
    ];
    for (const [front, body] of cases) assert.equal(frontMatterExtent(front + body), front.length, JSON.stringify(front + body));
  });

  it('is none without an opening `---` on the first line and a closing one', () => {
    for (const text of [
      '',
      '---',
      '---\n',
      '---\ncase: 1\n',
      '----\ncase: 1\n---\n',
      '---\ncase: 1\n----\n',
      'Title\n---\ncase: 1\n---\n',
      ' ---\ncase: 1\n---\n',
    ])
      assert.equal(frontMatterExtent(text), 0, JSON.stringify(text));
  });

  it('is read as YAML when closed, and as CommonMark reads the text when never closed', () => {
    assert.deepEqual(types(parseMarkdown('---\ncase: 1\n---\n- item\n')), ['yaml', 'list']);
    assert.deepEqual(types(parseMarkdown('---\n- item\n\n> quoted\n')), ['thematicBreak', 'list', 'blockquote']);
    assert.deepEqual(types(parseMarkdownFragment('---\ncase: 1\n---\n- item\n')), ['thematicBreak', 'heading', 'list'], 'a fragment never starts the draft');
  });
});

describe('the tree of a draft', () => {
  it('counts a byte-order mark in offsets and in the columns of the first line only', () => {
    const text = '\ufeff# Title\n\nText\n';
    const [heading, paragraph] = parseMarkdown(text).children;
    assert.deepEqual(heading.position, { start: { line: 1, column: 2, offset: 1 }, end: { line: 1, column: 9, offset: 8 } });
    assert.deepEqual(paragraph.position, { start: { line: 3, column: 1, offset: 10 }, end: { line: 3, column: 5, offset: 14 } });
    assert.equal(text.slice(heading.position!.start.offset, heading.position!.end.offset), '# Title');
    const plain = parseMarkdown('# Title\n').children[0];
    assert.deepEqual(plain.position?.start, { line: 1, column: 1, offset: 0 });
  });

  it(`flattens blocks nested past ${MAX_DEPTH} into their paragraphs, in order, with every word`, () => {
    const text = `${'- '.repeat(32)}first\n${' '.repeat(64)}${'- '.repeat(32)}second\n`;
    const root = parseMarkdown(text);
    assert.ok(depthOf(root) <= MAX_DEPTH + 2, `depth ${depthOf(root)}`);
    assert.deepEqual(texts(root), ['first', 'second']);
    let container: Nodes = root;
    for (let depth = 0; depth < MAX_DEPTH; depth++) container = (container as { children: Nodes[] }).children.at(-1)!;
    assert.deepEqual(
      (container as { children: Nodes[] }).children.map((child) => child.type),
      ['paragraph'],
      'a block container at the limit holds leaf blocks',
    );
  });

  it(`flattens emphasis nested past ${MAX_DEPTH} into its text, in order`, () => {
    let text = '';
    for (let level = 0; level < 100; level++) text += `${level % 2 ? '_' : '*'}open${level} `;
    for (let level = 99; level >= 0; level--) text += `close${level}${level % 2 ? '_' : '*'} `;
    const root = parseMarkdown(text);
    assert.ok(depthOf(root) <= MAX_DEPTH + 1, `depth ${depthOf(root)}`);
    const words = texts(root).join('').split(/\s+/).filter(Boolean);
    assert.equal(words.length, 200);
    assert.equal(words[0], 'open0');
    assert.equal(words[199], 'close0');
    let container: Nodes = root;
    for (let depth = 0; depth < MAX_DEPTH; depth++)
      container = (container as { children: Nodes[] }).children[(container as { children: Nodes[] }).children.length > 1 ? 1 : 0];
    assert.ok(
      (container as { children: Nodes[] }).children.every((child) => child.type === 'text'),
      'an inline node at the limit holds text',
    );
  });

  it('leaves a draft within the limit as micromark reads it', () => {
    const text = '> - **Left hip** injection\n>   1. *ODG* Hip and Pelvis\n';
    const root = parseMarkdown(text);
    assert.equal(depthOf(root), 8);
    assert.deepEqual(texts(root), ['Left hip', ' injection', 'ODG', ' Hip and Pelvis']);
  });
});
