// The injection grammar (syntaxes/imr.injection.tmLanguage.json), its words taken from the built-in profiles and the
// engine's decision words, so a new profile is coloured without a hand edit. Written by scripts/generate-contributions.mjs.
import type { Profile } from '../../engine/src/profiles/types';

/** The words the grammar colours, as the engine knows them. */
export interface GrammarWords {
  profiles: readonly Profile[];
  /** Utilization review words and other forms of the decision words: coloured as invalid after an item's colon. */
  invalidDecisions: readonly string[];
}

const GENERATED_BY = 'Generated from the built-in profiles (engine/src/profiles/builtin.ts) by scripts/generate-contributions.mjs: do not edit.';

/** Only Markdown markers before it on the line: quote, list bullet, heading hashes, emphasis. */
const LINE_START = String.raw`(?<=^[ \t]{0,12}(?:(?:>|[-*+][ \t]|\d{1,9}[.)][ \t])[ \t]{0,4}){0,3}(?:#{1,6}[ \t]{1,4})?[*_]{0,3})`;
/** Right after the begin of the enclosing paragraph, bold or italic, or right after a heading's hashes. */
const BLOCK_START = String.raw`(?:\G|(?<=[ \t])(?<=#[ \t]{1,4}))`;
/** An item line up to its decision: name, colon, optional emphasis. */
const AFTER_ITEM_COLON = String.raw`(?<=[ \t*_:])(?<=:[*_]{0,3}[ \t]{0,8}[*_]{0,3})(?<=^[ \t]{0,12}(?:(?:>|[-*+][ \t]|\d{1,9}[.)][ \t])[ \t]{0,4}){0,3}(?:#{1,6}[ \t]{1,4})?[*_]{0,3}[^ \t*_.!?](?:[^.!?]|[.!?][^ \t.!?:]){0,250}[*_]{0,3}[ \t]*:[*_]{0,3}[ \t]{0,8}[*_]{0,3})`;
const LINE_END = String.raw`(?=[*_]{0,3}[ \t]*$)`;

/** Words as a regular expression alternation: longest first, special characters escaped, any run of blanks between words. */
export function alternation(words: Iterable<string>): string {
  const unique = [...new Set(words)].sort((a, b) => b.length - a.length || a.localeCompare(b));
  return unique.map((word) => word.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&').replace(/\s+/g, '[ \\t]+')).join('|');
}

export function injectionGrammar({ profiles, invalidDecisions }: GrammarWords): Record<string, unknown> {
  const titles = alternation(
    profiles.flatMap((profile) => profile.sections.flatMap((section) => [section.title, ...section.aliases].map((title) => title.replace(/\s*:$/, '')))),
  );
  const fields = alternation(profiles.flatMap((profile) => profile.fields.flatMap((field) => [field.label, ...field.aliases])));
  // Labelled credentials; credentials in prose are sentences, not labels.
  const labelled = profiles.filter((profile) => profile.credentials.form === 'labels');
  const credentials = alternation(labelled.flatMap((profile) => [...profile.credentials.states, ...profile.credentials.specialties]));
  // Decision words follow an item's name; decision phrases end a determination sentence.
  const words = profiles.filter((profile) => profile.decisions.form === 'word');
  const phrases = profiles.filter((profile) => profile.decisions.form === 'phrase');
  const upheld = alternation(words.map((profile) => profile.decisions.upheld));
  const overturned = alternation(words.map((profile) => profile.decisions.overturned));
  const upheldPhrases = alternation(phrases.map((profile) => profile.decisions.upheld));
  const overturnedPhrases = alternation(phrases.map((profile) => profile.decisions.overturned));
  const valid = `${upheld}|${overturned}`;
  const invalid = alternation([
    ...words.flatMap((profile) => [profile.decisions.upheld, profile.decisions.overturned].map((word) => word.toLowerCase())),
    ...invalidDecisions,
  ]);
  const labels = `${fields}|${credentials}`;
  return {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    name: 'IMR Determination (injection)',
    scopeName: 'imr.injection',
    comment: `Injected into the grammar of language \`imr\` (text.html.markdown.imr) only, never into ordinary Markdown. Colours the structure of an IMR final determination inside Markdown paragraphs, list items, block quotes and ATX headings (not in code, raw HTML, comments or links). Block-level patterns start at \`\\G\` (right after the begin of the enclosing Markdown paragraph, bold or italic) or right after the \`#\`s of a heading, then check with a bounded look-behind that only Markdown markers precede them on the line; so Markdown scopes (bold, heading, list) are kept and long prose lines stay cheap. ${GENERATED_BY}`,
    injectionSelector:
      'L:text.html.markdown.imr (meta.paragraph.markdown | markup.heading.markdown) - (markup.inline.raw | markup.raw | markup.fenced_code | comment | meta.embedded | meta.link | meta.image | markup.underline.link | string.other.link)',
    patterns: [
      'section-title',
      'field-label',
      'credentials-label',
      'label-colon-after-emphasis',
      'item-name',
      'item-decision',
      'decision-alone',
      'decision-phrase',
      'citation',
      'mtus-keyword',
    ].map((name) => ({ include: `#${name}` })),
    repository: {
      'section-title': {
        comment:
          'A section title of a built-in profile alone on its line, as a paragraph or ATX heading text; optionally bold or italic, any case, optional trailing colon.',
        match: String.raw`${BLOCK_START}(?<=^[ \t]{0,3}(?:#{1,6}[ \t]{1,4})?[*_]{0,3})((?i:${titles}))([ \t]*:)?(?=[*_]{0,3}[ \t]*:?[ \t]*$)`,
        name: 'markup.heading.section.imr',
        captures: { 1: { name: 'entity.name.section.imr' }, 2: { name: 'punctuation.separator.section.imr' } },
      },
      'field-label': {
        comment: 'The field labels of a disputed item (of every built-in profile) at the start of a paragraph, list item or heading, optionally bold.',
        match: String.raw`${BLOCK_START}${LINE_START}((?i:${fields}))(?:([ \t]*:)|(?=[*_]{1,3}[ \t]*:))`,
        captures: { 1: { name: 'support.type.property-name.field.imr' }, 2: { name: 'punctuation.separator.key-value.imr' } },
      },
      'credentials-label': {
        comment: 'The credentials labels `State(s) of Licensure:` and `Certification(s)/Specialty:` at the start of a paragraph or list item, optionally bold.',
        match: String.raw`${BLOCK_START}${LINE_START}((?i:${credentials}))(?:([ \t]*:)|(?=[*_]{1,3}[ \t]*:))`,
        captures: { 1: { name: 'support.type.property-name.credentials.imr' }, 2: { name: 'punctuation.separator.key-value.imr' } },
      },
      'label-colon-after-emphasis': {
        comment: 'The colon of `**Decision rationale**:` (label in bold, colon outside).',
        match: String.raw`(?<=[*_][ \t]{0,2})(?<=^[ \t]{0,12}(?:(?:>|[-*+][ \t]|\d{1,9}[.)][ \t])[ \t]{0,4}){0,3}(?:#{1,6}[ \t]{1,4})?[*_]{0,3}(?i:${labels})[*_]{1,3}[ \t]{0,2}):`,
        name: 'punctuation.separator.key-value.imr',
      },
      'item-name': {
        comment: 'The name in an item line `<Item name>:  <Decision>` (a paragraph, list item or heading that ends with a decision word), optionally bold.',
        match: String.raw`${BLOCK_START}${LINE_START}(?!#{1,6}(?:[ \t]|$))(?!(?i:${labels})[*_]{0,3}[ \t]*:)([^ \t*_.!?](?:(?:[^.!?]|[.!?](?![ \t])){0,249}?[^ \t*_.!?])?)(?=[*_]{0,3}[ \t]*:[*_]{0,3}[ \t]*[*_]{0,3}(?:${valid}|(?i:${invalid}))[.;,!]*[*_]{0,3}[ \t]*$)`,
        captures: { 1: { name: 'entity.name.function.item.imr' } },
      },
      'item-decision': {
        comment:
          "The decision word ending an item line (after a colon, at the end of the line), nowhere else. The profiles' words exactly as written are valid; wrong case, other forms and UR words are invalid.",
        patterns: [
          {
            match: `${AFTER_ITEM_COLON}(?:(${upheld})|(${overturned}))${LINE_END}`,
            captures: {
              1: { name: 'keyword.other.decision.upheld.imr markup.deleted.decision.upheld.imr' },
              2: { name: 'keyword.other.decision.overturned.imr markup.inserted.decision.overturned.imr' },
            },
          },
          { match: `${AFTER_ITEM_COLON}((?i:${invalid})[.;,!]*)${LINE_END}`, captures: { 1: { name: 'invalid.illegal.decision.imr' } } },
          { match: `${AFTER_ITEM_COLON}((?:${valid})[.;,!]+)${LINE_END}`, captures: { 1: { name: 'invalid.illegal.decision.imr' } } },
        ],
      },
      'decision-alone': {
        comment:
          'A decision word alone on its line: below an item name that ends with a colon, as wrapped text and PDF extraction leave it (the engine reads the two lines as one item).',
        patterns: [
          {
            match: String.raw`(?<=^[ \t]{0,3}[*_]{0,3})(?:(${upheld})|(${overturned}))${LINE_END}`,
            captures: {
              1: { name: 'keyword.other.decision.upheld.imr markup.deleted.decision.upheld.imr' },
              2: { name: 'keyword.other.decision.overturned.imr markup.inserted.decision.overturned.imr' },
            },
          },
          { match: String.raw`(?<=^[ \t]{0,3}[*_]{0,3})((?:${valid})[.;,!]+)${LINE_END}`, captures: { 1: { name: 'invalid.illegal.decision.imr' } } },
        ],
      },
      'decision-phrase': {
        comment: 'The phrase that ends a determination sentence, where a profile writes its decisions as phrases (the 2013 letters).',
        match: String.raw`(?<=[ \t])(?:(${upheldPhrases})|(${overturnedPhrases}))(?=\.?[*_]{0,3}[ \t]*$)`,
        captures: {
          1: { name: 'keyword.other.decision.upheld.imr markup.deleted.decision.upheld.imr' },
          2: { name: 'keyword.other.decision.overturned.imr markup.inserted.decision.overturned.imr' },
        },
      },
      citation: {
        comment: 'The citation prefixes `Decision based on MTUS` and `Decision based on Non-MTUS Citation`.',
        match: String.raw`(?<![\w-])((?i:decision[ \t]+based[ \t]+on)(?:[ \t]+(?i:the))?)[ \t]+(?:((?i:non)[- ]?(?i:MTUS))(?:[ \t]+((?i:citations?)))?|((?i:MTUS))(?:[ \t]+((?i:citations?)))?)\b`,
        name: 'keyword.control.citation.imr',
        captures: { 2: { name: 'constant.language.non-mtus.imr' }, 4: { name: 'constant.language.mtus.imr' } },
      },
      'mtus-keyword': {
        comment: 'MTUS (the Medical Treatment Utilization Schedule) and Non-MTUS anywhere in the text.',
        patterns: [
          { match: String.raw`(?<![\w-])[Nn]on-MTUS\b`, name: 'constant.language.non-mtus.imr' },
          { match: String.raw`(?<![\w-])MTUS\b`, name: 'constant.language.mtus.imr' },
        ],
      },
    },
  };
}
