// Markdown to mdast, with YAML front matter.
import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']);

export function parseMarkdown(text: string): Root {
  return processor.parse(text);
}
