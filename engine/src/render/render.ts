// Renders a draft as the letter it will be issued as, from the same parse the findings come from.
import type { Root as HastRoot, RootContent as HastContent } from 'hast';
import type { Root } from 'mdast';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import type { ImrConfig } from '../config/schema';
import { lint, type LintResult } from '../lint';
import type { Determination } from '../model/types';
import { parseDraft } from '../incremental';
import { piecesOf } from './blocks';
import { letterHandlers } from './handlers';
import { landmarksOf } from './landmarks';
import { layoutLetter, type CaseNumber } from './layout';
import { block, text as textNode, type LetterContent } from './nodes';
import { letterSchema } from './schema';
import { summaryOf, type RenderMode } from './summary';

export interface RenderOptions {
  config?: ImrConfig;
  /** 'preview' links the summary to lines of the draft; 'export' only within the page. */
  mode?: RenderMode;
  /** Overrides the clock for date checks (ISO date), as in `lint`. */
  today?: string;
  /** A check already made of `text` with the tree it was read from, so the letter shows the very same findings. */
  analysis?: { root?: Root; lint: LintResult };
}

export interface RenderedDetermination {
  /** The summary, then the letter: sanitised HTML for a page's body. */
  html: string;
  summaryHtml: string;
  letterHtml: string;
  lint: LintResult;
  caseNumber?: string;
}

const pipeline = unified().use(remarkRehype, { handlers: letterHandlers() }).use(rehypeSanitize, letterSchema).use(rehypeStringify);

export function renderDetermination(text: string, options: RenderOptions = {}): RenderedDetermination {
  let root = options.analysis?.root;
  const result = options.analysis?.lint ?? lint(text, { config: options.config, today: options.today, parse: (source) => (root = parseDraft(source)) });
  const mode = options.mode ?? 'preview';
  const model = result.model;
  const caseNumber = model ? caseNumberOf(model) : undefined;

  let letterContent: LetterContent;
  let definitions: LetterContent[] = [];
  if (model) {
    const landmarks = landmarksOf(model);
    const pieces = piecesOf(root ?? parseDraft(text), text, model.lines, landmarks);
    letterContent = layoutLetter(pieces.pieces, model, caseNumber);
    definitions = pieces.definitions;
  } else {
    letterContent = block('article', { className: ['letter', 'letter-unavailable'] }, [
      block('p', {}, [textNode('This draft is not shown: ' + (result.findings[0]?.message ?? 'it could not be read.'))]),
    ]);
  }
  const summary = { type: 'imrHast' as const, element: summaryOf(model, result.findings, mode, caseNumber) };
  const tree = { type: 'root', children: [summary, letterContent, ...definitions] } as unknown as Root;
  const hast = pipeline.runSync(tree) as HastRoot;
  const elements = hast.children.filter((child): child is Extract<HastContent, { type: 'element' }> => child.type === 'element');
  const [summaryElement, letterElement] = elements;
  const summaryHtml = summaryElement ? pipeline.stringify({ type: 'root', children: [summaryElement] }) : '';
  const letterHtml = letterElement ? pipeline.stringify({ type: 'root', children: [letterElement] }) : '';
  return { html: `${summaryHtml}\n${letterHtml}`, summaryHtml, letterHtml, lint: result, caseNumber: caseNumber?.text };
}

/** The case number from front matter (`case:`), when it is a plain value. */
function caseNumberOf(model: Determination): CaseNumber | undefined {
  const value = model.frontMatter?.data.case;
  if (value === undefined || value === null || typeof value === 'object') return undefined;
  const text = String(value).trim();
  if (text.length === 0) return undefined;
  return { text, line: model.frontMatter?.keys.case?.range.start.line ?? 0 };
}
