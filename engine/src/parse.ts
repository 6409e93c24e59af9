// Markdown to mdast, with YAML front matter.
import type { Nodes, Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { tame } from './tame';

export { MAX_NESTING } from './tame';

const withFrontMatter = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);
const plain = unified().use(remarkParse);

const BOM = 0xfeff;
const FRONT_MATTER_FENCE = /---[ \t]*(?:\r\n|\r|\n|$)/y;
// A later line that is `---`: only \r and \n end lines for micromark (not U+2028), hence no `^` with the m flag.
const CLOSING_FENCE = /(?:\r\n|\r|\n)---[ \t]*(?:\r\n|\r|\n|$)/g;

export function parseMarkdown(text: string): Root {
  // An opening `---` that is never closed makes micromark-extension-frontmatter treat the rest of the
  // draft as concrete, so no list or block quote is recognised in it (upstream issue #5): parse such a
  // draft without the extension, as CommonMark reads it.
  const root = (frontMatterExtent(text) > 0 ? withFrontMatter : plain).parse(tame(text));
  if (text.charCodeAt(0) === BOM) countByteOrderMark(root);
  return capDepth(root);
}

/** Parses text that does not start the draft (so a leading `---` is a thematic break, never front matter). */
export function parseMarkdownFragment(text: string): Root {
  return capDepth(plain.parse(tame(text)));
}

/**
 * Where YAML front matter ends (the offset after its closing fence), or 0 when the text has none.
 * As remark-frontmatter reads it: `---` opens the first line, the next line that is `---` closes it.
 */
export function frontMatterExtent(text: string): number {
  FRONT_MATTER_FENCE.lastIndex = text.charCodeAt(0) === BOM ? 1 : 0;
  if (!FRONT_MATTER_FENCE.test(text) || FRONT_MATTER_FENCE.lastIndex === text.length) return 0;
  const bodyStart = FRONT_MATTER_FENCE.lastIndex;
  if (FRONT_MATTER_FENCE.test(text)) return FRONT_MATTER_FENCE.lastIndex;
  CLOSING_FENCE.lastIndex = bodyStart;
  return CLOSING_FENCE.test(text) ? CLOSING_FENCE.lastIndex : 0;
}

/**
 * micromark skips a leading byte-order mark without counting it, so every offset (and every column on
 * line 1) would sit one before the character it names in the text the engine and the editor index.
 */
function countByteOrderMark(root: Root): void {
  const stack: Nodes[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const point of node.position ? [node.position.start, node.position.end] : []) {
      if (point.offset !== undefined) point.offset += 1;
      if (point.line === 1) point.column += 1;
    }
    if ('children' in node) for (const child of node.children) stack.push(child);
  }
}

export const MAX_DEPTH = 96;

/**
 * Flattens blocks nested deeper than MAX_DEPTH (indentation can nest lists a thousand deep over many
 * lines): a block container at the limit holds the leaf blocks of its subtree, an inline one its leaf
 * inlines, in order, so no text is lost and nothing downstream recurses without bound.
 */
function capDepth(root: Root): Root {
  const stack: { node: Nodes; depth: number }[] = [{ node: root, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (!('children' in node)) continue;
    // Below the limit a block container holds leaf blocks, whose inline content is then flattened in turn.
    if (depth >= MAX_DEPTH) (node as { children: Nodes[] }).children = leavesOf(node.children as Nodes[], BLOCK_CONTAINERS.has(node.type));
    for (const child of node.children as Nodes[]) stack.push({ node: child, depth: depth + 1 });
  }
  return root;
}

const BLOCK_CONTAINERS = new Set(['root', 'blockquote', 'list', 'listItem', 'footnoteDefinition']);

/** Descendants that stop the descent: leaf blocks for a block container, leaf inlines for an inline one. */
function leavesOf(nodes: Nodes[], blocks: boolean): Nodes[] {
  const out: Nodes[] = [];
  const stack = [...nodes].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    const descend = 'children' in node && (blocks ? BLOCK_CONTAINERS.has(node.type) : true);
    if (!descend) {
      out.push(node);
      continue;
    }
    const children = (node as { children: Nodes[] }).children;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return out;
}
