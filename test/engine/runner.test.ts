import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import type { ImrConfig } from '../../engine/src/config/schema';
import { lint, tooLargeFinding, tooLargeFindings } from '../../engine/src/lint';
import type { AnyRule, Report } from '../../engine/src/rules/types';
import { draft } from '../support/drafts';
import { LETTER_2013 } from '../support/letters';

// The runner as a house rule sees it: what it reports comes out located, ordered, at its severity; what fails is said.
const ORIGIN = { span: { start: 0, end: 0 }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
const TEXT = draft();

function houseRule(id: string, reports: (text: string) => Report[], extra: Partial<AnyRule> = {}): AnyRule {
  return {
    id,
    description: 'A house style rule.',
    severity: 'info',
    tags: ['house'],
    check: (model, context) => reports(model.text).forEach((report) => context.report(report)),
    ...extra,
  };
}

const at = (text: string, needle: string) => ({ start: text.indexOf(needle), end: text.indexOf(needle) + needle.length });

describe('the rule runner', () => {
  it('locates each report, orders them by place, and keeps a report’s own severity unless configuration sets one', () => {
    const rule = houseRule('house-style', (text) => [
      { span: at(text, 'Tramadol'), message: 'Name the strength first.', severity: 'hint' },
      { span: at(text, 'HOW THE IMR'), message: 'Title case is house style.' },
      { span: { start: at(text, 'HOW THE IMR').start, end: at(text, 'HOW').end }, message: 'A shorter one at the same place.' },
    ]);
    const findings = lint(TEXT, { rules: [rule] }).findings.map(({ severity, message, span }) => [severity, message, span.start, span.end]);
    assert.deepEqual(findings, [
      ['info', 'A shorter one at the same place.', 0, 3],
      ['info', 'Title case is house style.', 0, 11],
      ['hint', 'Name the strength first.', TEXT.indexOf('Tramadol'), TEXT.indexOf('Tramadol') + 8],
    ]);
    const configured = lint(TEXT, { rules: [rule], config: { rules: { 'house-style': 'error' } } as ImrConfig }).findings;
    assert.deepEqual(
      configured.map((finding) => finding.severity),
      ['error', 'error', 'error'],
    );
    assert.deepEqual(lint(TEXT, { rules: [rule], config: { rules: { 'house-style': 'off' } } as ImrConfig }).findings, []);
    assert.deepEqual(
      lint(TEXT, { rules: [rule], config: { rules: { 'house-style': ['warning', {}] } } as ImrConfig }).findings.map((finding) => finding.severity),
      ['warning', 'warning', 'warning'],
    );
  });

  it('keeps a report and its fixes inside the text, with lines and characters for each', () => {
    const end = TEXT.length;
    const rule = houseRule('house-style', () => [
      {
        span: { start: end - 1, end: end + 40 },
        message: 'Past the end.',
        fix: { title: 'Add a closing line', edits: [{ span: { start: end + 5, end: end + 9 }, newText: 'Signed.\n' }] },
        suggestions: [{ title: 'Remove the last character', edits: [{ span: { start: -3, end: 1 }, newText: '' }] }],
      },
    ]);
    const [finding] = lint(TEXT, { rules: [rule] }).findings;
    const lastLine = TEXT.split('\n').length - 1;
    assert.deepEqual(finding.span, { start: end - 1, end });
    assert.deepEqual(finding.range, { start: { line: lastLine - 1, character: TEXT.split('\n')[lastLine - 1].length }, end: { line: lastLine, character: 0 } });
    assert.deepEqual(finding.fix, {
      title: 'Add a closing line',
      edits: [{ span: { start: end, end }, newText: 'Signed.\n', range: { start: { line: lastLine, character: 0 }, end: { line: lastLine, character: 0 } } }],
    });
    assert.deepEqual(finding.suggestions, [
      {
        title: 'Remove the last character',
        edits: [{ span: { start: 0, end: 1 }, newText: '', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } }],
      },
    ]);
  });

  it('says which rule failed and why, and runs the others', () => {
    const failing = houseRule('house-broken', () => {
      throw new Error('no table of contents');
    });
    const working = houseRule('house-style', (text) => [{ span: at(text, 'Tramadol'), message: 'Name the strength first.' }]);
    const result = lint(TEXT, { rules: [failing, working] });
    assert.deepEqual(result.failures, [{ ruleId: 'house-broken', error: 'no table of contents' }]);
    assert.deepEqual(result.findings[0], {
      ruleId: 'house-broken',
      severity: 'warning',
      message: 'The rule "house-broken" failed on this draft and was skipped (no table of contents). The other rules ran.',
      ...ORIGIN,
    });
    assert.deepEqual(
      result.findings.map((finding) => finding.ruleId),
      ['house-broken', 'house-style'],
    );
    const thrownString = houseRule('house-odd', () => {
      throw 'a string';
    });
    assert.deepEqual(lint(TEXT, { rules: [thrownString] }).failures, [{ ruleId: 'house-odd', error: 'a string' }]);
  });

  it('checks a rule’s options against its schema, with defaults, and fails the rule on options it does not take', () => {
    const seen: unknown[] = [];
    const rule = houseRule('house-style', () => [], {
      options: z.strictObject({ maxWords: z.number().int().default(12) }) as AnyRule['options'],
      check: (_model, context) => void seen.push(context.options),
    });
    lint(TEXT, { rules: [rule] });
    lint(TEXT, { rules: [rule], config: { rules: { 'house-style': ['warning', { maxWords: 20 }] } } as ImrConfig });
    assert.deepEqual(seen, [{ maxWords: 12 }, { maxWords: 20 }]);
    const invalid = lint(TEXT, { rules: [rule], config: { rules: { 'house-style': ['warning', { maxWords: 'many' }] } } as unknown as ImrConfig });
    assert.deepEqual(invalid.failures, [
      { ruleId: 'house-style', error: 'its options are invalid: maxWords: Invalid input: expected number, received string' },
    ]);
    const unknown = lint(TEXT, { rules: [rule], config: { rules: { 'house-style': ['warning', { words: 3 }] } } as unknown as ImrConfig });
    assert.deepEqual(unknown.failures, [{ ruleId: 'house-style', error: 'its options are invalid: (options): Unrecognized key: "words"' }]);
  });

  it('checks each distinct value of a rule’s options once, for the last 64 values', () => {
    const seen: unknown[] = [];
    const rule = houseRule('house-words', () => [], {
      options: z.strictObject({ maxWords: z.number().int().default(12) }) as AnyRule['options'],
      check: (_model, context) => void seen.push(context.options),
    });
    const run = (maxWords: number) => lint(TEXT, { rules: [rule], config: { rules: { 'house-words': ['warning', { maxWords }] } } as unknown as ImrConfig });
    // A configuration reaches a checking thread as a new copy with every draft: equal options are the same checked value.
    run(1);
    run(1);
    assert.equal(seen[1], seen[0]);
    for (let maxWords = 2; maxWords <= 64; maxWords++) run(maxWords);
    run(1);
    assert.equal(seen.at(-1), seen[0], '64 values are kept');
    run(65);
    run(1);
    assert.notEqual(seen.at(-1), seen[0], 'a 65th starts the cache again');
    assert.deepEqual(seen.at(-1), { maxWords: 1 });
  });

  it('passes the clock, the line break and the privacy patterns to each rule', () => {
    const seen: unknown[] = [];
    const rule = houseRule('house-style', () => [], { check: (_model, { today, eol, privacy }) => void seen.push({ today, eol, privacy }) });
    const patterns = [{ name: 'a claim number', pattern: 'CLM\\d+' }];
    lint(TEXT.replace(/\n/g, '\r\n'), { rules: [rule], today: '2015-06-01', config: { privacy: { patterns } } });
    lint(TEXT, { rules: [rule] });
    assert.deepEqual(seen[0], { today: '2015-06-01', eol: '\r\n', privacy: patterns });
    const { today, eol, privacy } = seen[1] as { today: string; eol: string; privacy: unknown[] };
    assert.match(today, /^\d{4}-\d{2}-\d{2}$/);
    assert.equal(today, new Date().toISOString().slice(0, 10));
    assert.deepEqual([eol, privacy], ['\n', []]);
  });

  it('applies the rule settings a profile implies, below the configuration’s own', () => {
    // The 2013 letters cite guidelines without "Decision based on", so the profile turns citation-format off.
    const letter = LETTER_2013;
    assert.deepEqual(lint(letter).findings, []);
    assert.deepEqual(
      lint(letter, { config: { rules: { 'citation-format': 'error' } } }).findings.map((finding) => [finding.ruleId, finding.severity]),
      [['citation-format', 'error']],
    );
  });
});

describe('the engine’s own findings', () => {
  it('says a draft is too large in characters, counted with separators, at the severity configuration gives', () => {
    const text = 'x'.repeat(1234);
    const expected = {
      ruleId: 'max-file-size',
      severity: 'warning',
      message: 'This draft has 1,234 characters, more than the 1,000 that are checked; raise "maxFileSize" in configuration to check it.',
      ...ORIGIN,
    };
    assert.deepEqual(lint(text, { config: { maxFileSize: 1000 } }), { findings: [expected], failures: [] });
    assert.deepEqual(lint(text, { config: { maxFileSize: 1000, rules: { 'max-file-size': 'error' } } }).findings, [{ ...expected, severity: 'error' }]);
    assert.deepEqual(lint(text, { config: { maxFileSize: 1000, rules: { 'max-file-size': ['hint', {}] } } as ImrConfig }).findings, [
      { ...expected, severity: 'hint' },
    ]);
    assert.deepEqual(lint(text, { config: { maxFileSize: 1000, rules: { 'max-file-size': 'off' } } }).findings, []);
    assert.equal(lint('x'.repeat(1000), { config: { maxFileSize: 1000 } }).findings[0]?.ruleId, 'required-section');
  });

  it('says a size measured in bytes in characters, against the limit', () => {
    const message = 'This draft has 30,000,000 bytes, more than the 20,000,000 characters that are checked; raise "maxFileSize" in configuration to check it.';
    assert.deepEqual(tooLargeFinding('30,000,000 bytes', 20_000_000), { ruleId: 'max-file-size', severity: 'warning', message, ...ORIGIN });
    assert.deepEqual(tooLargeFindings('30,000,000 bytes', 20_000_000), [{ ruleId: 'max-file-size', severity: 'warning', message, ...ORIGIN }]);
  });

  it('turns a draft the parser cannot read into one finding and a failure, without throwing', () => {
    const parse = () => {
      throw new RangeError('Maximum call stack size exceeded');
    };
    const reason = 'RangeError: Maximum call stack size exceeded';
    assert.deepEqual(lint(TEXT, { parse }), {
      findings: [
        {
          ruleId: 'unreadable-draft',
          severity: 'warning',
          message: `This draft could not be checked (${reason}). Nothing was changed; please report the problem with the draft attached.`,
          ...ORIGIN,
        },
      ],
      failures: [{ ruleId: 'unreadable-draft', error: reason }],
    });
    const odd = lint(TEXT, {
      parse: () => {
        throw 42;
      },
      config: { rules: { 'unreadable-draft': 'error' } },
    });
    assert.deepEqual(odd.failures, [{ ruleId: 'unreadable-draft', error: '42' }]);
    assert.equal(odd.findings[0].severity, 'error');
  });
});
