// Cases the fuzzers found, kept as deterministic tests: each once broke an assumption of the incremental parser about
// where a draft may be cut. A new failing case from `npm run fuzz` or the property tests goes here, shrunk.
import { describe, it } from 'node:test';
import { assertIncrementalMatches as assertSameAsFresh } from './properties';

describe('incremental parser: cases the fuzzers found', () => {
  const regressions: Record<string, string[]> = {
    'a byte-order mark before the text (micromark does not count it)': ['\ufeff# Title\n\nText\n\n- item\n', 'x\n\n\ufeffy\n'],
    'a front-matter fence that never closes (lists must still be lists)': ['---\n\n___\n  - nested\n', '---\nx\n\n- a\n\n> q\n'],
    'a run of 300 underscores or brackets in front matter (tamed before parsing)': [
      `---\n${'_'.repeat(300)}Setext heading\n---\n\nText\n`,
      `---\n${'['.repeat(300)}# Title\n---\n\n- item\n`,
      `---\ncase: CM15-0123456\n---\n\n${'*'.repeat(300)}\n`,
    ],
    'front matter with blank lines inside': ['---\ncase: CM15-0123456\n\nprofile: ca-dwc-imr\n---\n\n# CLINICAL CASE SUMMARY\n'],
    'an empty list item after indented code (micromark reads it as text)': [
      '    indented code\n\n-\n',
      '    code\n\n2. two\n',
      '    indented code\n\n> 2) ',
      '    code\n\n> > -\n',
    ],
    'a list item after a list (one loose list)': ['- a\n\n- b\n\nc\n', '1. a\n\n2. b\n'],
    'a link reference defined in another block': ['[ref]: /url\n\n[ref]\n', '![ref]: /url\n\n[ref]'],
    'a fence opened and closed across blank lines': ['a\n\n```\ncode\n\nmore\n```\n\nb\n', 'a\n\n```\ncode\n\nmore\n\nb\n'],
    'an HTML comment across blank lines': ['<!--\n\nhidden\n\n-->\n\nText\n', '<!-- imr-disable phi -->\n\nDr. Smith\n'],
    'CR and CRLF line endings': ['a\r\rb\r\r- c\r', 'a\r\n\r\nb\r\n\r\n```\r\nx\r\n'],
    // Indented code reads as code after a paragraph and as the item's text after a list item: an indented line never starts a block.
    'indented code after a paragraph that becomes a list item, and back': [
      'para\n\n    code\n',
      '- item\n\n    code\n',
      'para\n\n    code\n',
      '1. item\n\n\tcode\n',
      '> quote\n\n    code\n',
    ],
    'indented code after indented code (one code block across the blank line)': [
      'The applicant reported improved function.\n\n    indented code\n',
      '    indented code\n\n    indented code\n',
    ],
    'a list marker typed before a line that precedes indented code': ['\n\n    indented code\n', '?>\n\n    indented code\n', '+ ?>\n\n    indented code\n'],
    'indented code that becomes two lines before more indented code': [
      'The applicant reported improved function.\n\n\tcode after a tab\n\nThe applicant reported improved function.\n',
      '    code\n    more code\n\n\tcode after a tab\n\nThe applicant reported improved function.\n',
    ],
  };
  for (const [name, texts] of Object.entries(regressions)) {
    it(`handles ${name}`, () => {
      assertSameAsFresh(texts);
      // The same texts reached by editing one into the next, not just parsed cold.
      assertSameAsFresh(texts.flatMap((text) => [text, `${text}\n\nappended\n`, text.slice(1)]));
    });
  }
});
