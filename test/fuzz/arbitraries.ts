// fast-check arbitraries for Markdown drafts: snippets that stress block structure, and edits to apply to a text.
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';

const FIXTURES = new URL('../fixtures/', import.meta.url);

/** Every draft under test/fixtures (the seed and the clean drafts), as text. */
export function fixtureDrafts(): string[] {
  const drafts: string[] = [];
  const walk = (folder: URL): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(new URL(`${entry.name}/`, folder));
      else if (entry.name.endsWith('.md')) drafts.push(readFileSync(new URL(entry.name, folder), 'utf8'));
    }
  };
  walk(FIXTURES);
  return drafts;
}

/** Pieces of Markdown whose block structure reaches across blank lines, or that start a block at column 0. */
export const SNIPPETS = [
  '\n',
  '\n\n',
  '\r\n',
  '\r',
  '\r\n\r\n',
  '   \n',
  '\t\n',
  ' ',
  '\t',
  'x',
  '\ufeff',
  '\u0000',
  '```',
  '```\n',
  '~~~\n',
  '````js\n',
  '```\n\ncode\n\n```\n',
  '    indented code\n',
  '<!--',
  '-->',
  '<!-- imr-disable phi -->\n',
  '<script>\n',
  '</script>\n',
  '<div>\n',
  '</div>\n',
  '<?',
  '?>',
  '<![CDATA[',
  ']]>',
  '<!DOCTYPE x>\n',
  '---\n',
  '--- \n',
  '***\n',
  '___\n',
  '===\n',
  '---\nprofile: ca-dwc-imr\n---\n',
  '- ',
  '* ',
  '+ ',
  '1. ',
  '2) ',
  '-\n',
  '  - nested\n',
  '> ',
  '> > quote\n',
  '>\n',
  '# ',
  '## Heading\n',
  'Setext\n---\n',
  '**bold**',
  '*em*',
  '`code`',
  '[link](http://x)',
  '[ref]',
  '[ref]: /url\n',
  '![alt](i.png)',
  '&amp;',
  '\\',
  'Left Hip Cortisone Injection:  Overturned\n',
  'Decision rationale: Therefore, the request was medically necessary.\n',
  'Claims Administrator guideline: The Claims Administrator based their decision on the MTUS. Decision based on MTUS Chronic Pain Medical Treatment Guidelines\n',
  'MAXIMUS guideline: The Expert Reviewer did not base their decision on the MTUS. Decision based on Non-MTUS Citation ODG Hip and Pelvis Chapter\n',
  // Past the parser's nesting and run limits (parse.ts), so the taming is exercised too.
  '- '.repeat(40),
  '> '.repeat(40),
  '1. '.repeat(35),
  '*'.repeat(300),
  '_'.repeat(300),
  '['.repeat(260),
  ']'.repeat(260),
  'IMR ISSUES, DECISIONS AND RATIONALES\n',
  'CLINICAL CASE SUMMARY\n',
  'State(s) of Licensure: Texas, Ohio\n',
  'Dr. Smith 555-123-4567\n',
  'December 8, 2014\n',
];

export const snippet = fc.constantFrom(...SNIPPETS);

/** Text built from snippets and free characters: mostly Markdown-shaped, sometimes not. */
export const markdownText = fc
  .array(fc.oneof({ weight: 4, arbitrary: snippet }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }) }), { maxLength: 60 })
  .map((pieces) => pieces.join(''));

/** An edit in coordinates relative to the text's length (0..1), so it applies to any text. */
export interface RelativeEdit {
  at: number;
  length: number;
  insert: string;
}

export const edit: fc.Arbitrary<RelativeEdit> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.oneof(fc.constant(0), fc.nat({ max: 3 }), fc.nat({ max: 80 })),
  insert: fc.oneof(fc.constant(''), snippet, fc.string({ maxLength: 3 }), markdownText),
});

const ITEM_NAMES = ['MRI of the Lumbar Spine', 'Tramadol 50 mg #120', 'Physical Therapy 12 Sessions', 'Left Hip Cortisone Injection', 'Urine Drug Screen'];
const DECISIONS = ['Upheld', 'Overturned', 'Approved', 'upheld', ''];

/** One disputed item as reviewers write it: the item line in one of its forms, then its fields. */
function itemText(number: number, style: number, decision: string, paragraphs: number): string {
  const name = ITEM_NAMES[number % ITEM_NAMES.length];
  const line = [
    `#### ${name}: ${decision}`,
    `${number}. ${name}:  ${decision}`,
    `**${name}:** ${decision}`,
    `${number}) ${name}:\n${decision}`,
    `${name} - ${decision}`,
    `Physical Therapy of the Bilateral Upper\nExtremities ${number}: ${decision}`,
  ][style];
  const rationale = Array.from(
    { length: paragraphs + 1 },
    (_, index) =>
      [
        `The applicant, seen by Dr. Smith on 12/03/2014, had ${number + 6} sessions without functional improvement.`,
        '1. Pain scores were unchanged.\n2. Work status was unchanged.',
        'Therefore, the request was not medically necessary.',
      ][index],
  ).join('\n\n');
  return `${line}

Claims Administrator guideline: The Claims Administrator based its decision on the MTUS. Decision based on MTUS Chronic Pain Medical Treatment Guidelines, page ${78 + number}

**MAXIMUS guideline:** The Expert Reviewer did not base his/her decision on the MTUS. Decision based on Non-MTUS Citation ODG Low Back Chapter

Decision rationale: ${rationale}
`;
}

/** A determination with many disputed items in mixed forms, for edits far from both ends. */
export const manyItems = fc
  .array(fc.record({ style: fc.nat({ max: 5 }), decision: fc.constantFrom(...DECISIONS), paragraphs: fc.nat({ max: 2 }) }), { minLength: 4, maxLength: 14 })
  .map(
    (items) => `# HOW THE IMR FINAL DETERMINATION WAS MADE

The Expert Reviewer has the following credentials:

State(s) of Licensure: California

Certification(s)/Specialty: Pain Medicine

## CLINICAL CASE SUMMARY

The applicant reported an industrial injury of March 3, 2012.

## IMR ISSUES, DECISIONS AND RATIONALES

${items.map((item, index) => itemText(index + 1, item.style, item.decision, item.paragraphs)).join('\n')}`,
  );

/** A writer typing or deleting at one place, one key at a time: each key is an edit applied in turn. */
export interface Typing {
  keys: RelativeEdit[];
}

const TYPED = 'the applicant reported: improvement, Upheld Overturned MTUS 12/03/2014 [x] \n';

export const typing: fc.Arbitrary<Typing> = fc
  .record({
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    word: fc.array(fc.constantFrom(...TYPED), { minLength: 1, maxLength: 8 }),
    deletes: fc.nat({ max: 3 }),
  })
  .map(({ at, word, deletes }) => ({
    keys: [...word.map((character) => ({ at, length: 0, insert: character })), ...Array.from({ length: deletes }, () => ({ at, length: 1, insert: '' }))],
  }));

export function applyRelative(text: string, change: RelativeEdit): string {
  const start = Math.min(text.length, Math.floor(change.at * (text.length + 1)));
  const end = Math.min(text.length, start + change.length);
  return text.slice(0, start) + change.insert + text.slice(end);
}

/**
 * Top-level blocks whose reading depends on the block before them: indented code is code after a paragraph but the
 * item's own text after a list item, a lazy line continues a quote, a setext underline makes a heading.
 */
export const BLOCKS = [
  'The applicant reported improved function.',
  'A paragraph as PDF extraction wraps it,\nover two lines',
  '- item',
  '* item\n  continued under it',
  '1. item',
  '2) item',
  '-',
  '> quote',
  '> quote\nlazy line',
  '## Heading',
  'Setext heading\n---',
  '    indented code',
  '    code\n    more code',
  '\tcode after a tab',
  '  two spaces in',
  '        eight spaces in',
  '```\nfenced\n```',
  '<!-- imr-disable phi -->',
  'Decision rationale: Therefore, the request was medically necessary.',
];

const block = fc.constantFrom(...BLOCKS);

/** Blocks separated by blank lines. */
export const blockText = fc.array(block, { minLength: 1, maxLength: 8 }).map((blocks) => `${blocks.join('\n\n')}\n`);

/** One block (text between blank lines) replaced by another: a paragraph turned into a list item and back, under code. */
export interface BlockEdit {
  block: number;
  replacement: string;
}

export const blockEdit: fc.Arbitrary<BlockEdit> = fc.record({ block: fc.double({ min: 0, max: 1, noNaN: true }), replacement: block });

/** A character-level edit or a whole block replaced, as a writer retypes a paragraph as a list item. */
export type Change = RelativeEdit | BlockEdit;

export const change: fc.Arbitrary<Change> = fc.oneof(edit, blockEdit);

export function applyChange(text: string, change: Change): string {
  if ('at' in change) return applyRelative(text, change);
  const blocks = text.split('\n\n');
  blocks[Math.min(blocks.length - 1, Math.floor(change.block * blocks.length))] = change.replacement;
  return blocks.join('\n\n');
}

/** Line-level and character-level mutations of a draft: insert, delete, swap. */
export type Mutation =
  | { kind: 'insert-line'; at: number; line: string }
  | { kind: 'delete-line'; at: number }
  | { kind: 'swap-lines'; a: number; b: number }
  | { kind: 'insert-char'; at: number; text: string }
  | { kind: 'delete-chars'; at: number; length: number }
  | { kind: 'swap-chars'; at: number };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant('insert-line' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    line: fc.oneof(snippet, fc.string({ maxLength: 20 })),
  }),
  fc.record({ kind: fc.constant('delete-line' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('swap-lines' as const), a: fc.double({ min: 0, max: 1, noNaN: true }), b: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({
    kind: fc.constant('insert-char' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    text: fc.oneof(snippet, fc.string({ minLength: 1, maxLength: 2 })),
  }),
  fc.record({ kind: fc.constant('delete-chars' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ kind: fc.constant('swap-chars' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
);

export function mutate(text: string, change: Mutation): string {
  const pick = (fraction: number, size: number): number => Math.min(size - 1, Math.floor(fraction * size));
  switch (change.kind) {
    case 'insert-line': {
      const lines = text.split('\n');
      lines.splice(pick(change.at, lines.length + 1), 0, change.line.replace(/\n$/, ''));
      return lines.join('\n');
    }
    case 'delete-line': {
      const lines = text.split('\n');
      lines.splice(pick(change.at, lines.length), 1);
      return lines.join('\n');
    }
    case 'swap-lines': {
      const lines = text.split('\n');
      const a = pick(change.a, lines.length);
      const b = pick(change.b, lines.length);
      [lines[a], lines[b]] = [lines[b], lines[a]];
      return lines.join('\n');
    }
    case 'insert-char': {
      const at = pick(change.at, text.length + 1);
      return text.slice(0, at) + change.text + text.slice(at);
    }
    case 'delete-chars': {
      const at = pick(change.at, text.length + 1);
      return text.slice(0, at) + text.slice(at + change.length);
    }
    case 'swap-chars': {
      if (text.length < 2) return text;
      const at = pick(change.at, text.length - 1);
      return text.slice(0, at) + text[at + 1] + text[at] + text.slice(at + 2);
    }
  }
}
