// Inputs that must get a clear, bounded answer from the engine: empty, huge, binary, deeply nested, one huge line, all HTML.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { DEFAULT_MAX_FILE_SIZE } from '../../engine/src/limits';
import { lint } from '../../engine/src/lint';
import { rules } from '../../engine/src/rules';
import type { Rule } from '../../engine/src/rules/types';
import { IncrementalParser } from '../../engine/src/incremental';
import { MAX_NESTING, parseMarkdown } from '../../engine/src/parse';
import { assertFindingsInside } from '../fuzz/invariants';

const seed = readFileSync(new URL('../fixtures/seed.imr.md', import.meta.url), 'utf8');
const ruleIds = (text: string, options = {}): string[] => lint(text, options).findings.map((finding) => finding.ruleId);

describe('engine robustness', () => {
  it('an empty draft: the three missing sections, nothing else', () => {
    const result = lint('');
    assert.deepEqual(result.failures, []);
    assert.deepEqual(
      result.findings.map((finding) => finding.ruleId),
      ['required-section', 'required-section', 'required-section'],
    );
    assertFindingsInside('', result.findings);
  });

  it('a 20 MB draft: one finding that names the limit and how to raise it, without parsing', () => {
    const text = `${seed}\n${'x'.repeat(20 * 2 ** 20)}`;
    const result = lint(text);
    assert.equal(result.model, undefined);
    assert.equal(result.findings.length, 1);
    assert.equal(result.findings[0].ruleId, 'max-file-size');
    assert.match(result.findings[0].message, new RegExp(`${DEFAULT_MAX_FILE_SIZE.toLocaleString('en-US')}.*raise "maxFileSize"`));
    // The limit is configuration: raised past the draft, the draft is checked (here a smaller draft and limit).
    assert.deepEqual(ruleIds(seed, { config: { maxFileSize: seed.length - 1 } }), ['max-file-size']);
    assert.ok(!ruleIds(seed, { config: { maxFileSize: seed.length } }).includes('max-file-size'));
  });

  it('binary content (NUL, control characters, lone surrogates) lints without a failure', () => {
    const binary = Array.from({ length: 4096 }, (_, index) => String.fromCharCode((index * 7919) % 0xffff)).join('');
    for (const text of [binary, `\u0000${seed}\u0000`, '\ud800\udc00\ud800x\udfff']) {
      const result = lint(text);
      assert.deepEqual(result.failures, []);
      assertFindingsInside(text, result.findings);
    }
  });

  const depth = 10_000;
  const nested: Record<string, string> = {
    'block quotes': `${'>'.repeat(depth)} deep\n`,
    'bullet lists': `${'- '.repeat(depth)}deep\n`,
    'ordered lists': `${'1. '.repeat(depth)}deep\n`,
    'quotes and lists': `${'> - '.repeat(depth / 2)}deep\n`,
    emphasis: `${'*'.repeat(depth)}deep${'*'.repeat(depth)}\n`,
    brackets: `${'['.repeat(depth)}deep${']'.repeat(depth)}\n`,
  };
  // 200 lines, each 200 block quotes deep.
  const quoteLines = Array.from({ length: 200 }, () => `${'> '.repeat(200)}line`).join('\n');
  for (const [name, text] of [
    ...Object.entries(nested).map(([kind, draft]) => [`${depth.toLocaleString('en-US')} levels of ${kind}`, draft]),
    ['200 lines of 200 block quotes', quoteLines],
  ]) {
    it(`${name}: no stack overflow, the text still read`, () => {
      const result = lint(`${seed}\n\n${text}`);
      assert.deepEqual(result.failures, []);
      assert.ok(result.model, 'the draft was read');
      assertFindingsInside(`${seed}\n\n${text}`, result.findings);
      // The seed before the nesting still reads as a clean determination; "[deep]" in brackets is text to fill in.
      assert.equal(
        result.findings.filter((finding) => finding.severity === 'error' && !(name.includes('brackets') && finding.ruleId === 'placeholder')).length,
        0,
      );
      assert.deepEqual(new IncrementalParser().parse(text), parseMarkdown(text));
    });
  }

  it(`container markers past ${MAX_NESTING} on a line read as text, at the same offsets`, () => {
    const text = `${'- '.repeat(MAX_NESTING + 3)}deep`;
    let node = parseMarkdown(text).children[0];
    let lists = 0;
    while (node && node.type === 'list') {
      lists++;
      node = node.children[0]?.children[0];
    }
    assert.equal(lists, MAX_NESTING);
    assert.equal(node?.type, 'paragraph');
    assert.equal(node?.position?.start.offset, MAX_NESTING * 2);
  });

  it('a draft that is one 5 MB line gets an answer, never an exception', () => {
    const text = 'The applicant reported improvement in function. '.repeat(Math.ceil((5 * 2 ** 20) / 48));
    const result = lint(text);
    assert.ok(result.findings.length > 0);
    assertFindingsInside(text, result.findings);
    // Either the line is checked, or the one finding says plainly that it could not be.
    const unreadable = result.findings.find((finding) => finding.ruleId === 'unreadable-draft');
    if (unreadable) assert.match(unreadable.message, /could not be checked.*please report/);
    else assert.deepEqual(result.failures, []);
  });

  it('a draft full of HTML: comments, blocks, inline tags and scripts', () => {
    const html = seed
      .split('\n \n')
      .map((paragraph, index) =>
        index % 3 === 0 ? `<div class="p${index}">\n${paragraph}\n</div>` : index % 3 === 1 ? `<p>${paragraph}</p>` : `<!-- note ${index} -->\n\n${paragraph}`,
      )
      .join('\n\n');
    const text = `${html}\n\n<script>\nconst decision = "Approved";\n</script>\n\n<table><tr><td>Approved</td></tr></table>\n<!-- unclosed`;
    const result = lint(text);
    assert.deepEqual(result.failures, []);
    assertFindingsInside(text, result.findings);
    // Markup is not prose: the UR word inside the script and the table is not read as a decision.
    assert.ok(!result.findings.some((finding) => finding.ruleId === 'decision-value' && text.slice(finding.span.start, finding.span.end) === 'Approved'));
  });

  it('a rule that throws: its failure is reported once, the other rules still run', () => {
    const throwing: Rule = {
      id: 'throws',
      description: 'Throws, to show the engine survives it.',
      severity: 'error',
      tags: [],
      check() {
        throw new TypeError('cannot read properties of undefined');
      },
    };
    const defective = seed.replace('Left Hip Cortisone Injection:  Overturned', 'Left Hip Cortisone Injection:  Approved');
    const result = lint(defective, { rules: [throwing, ...rules] });
    assert.deepEqual(result.failures, [{ ruleId: 'throws', error: 'cannot read properties of undefined' }]);
    assert.equal(result.findings.filter((finding) => finding.ruleId === 'throws').length, 1);
    assert.match(result.findings.find((finding) => finding.ruleId === 'throws')!.message, /failed on this draft and was skipped.*other rules ran/);
    assert.ok(
      result.findings.some((finding) => finding.ruleId === 'decision-value'),
      'the other rules still ran',
    );
  });
});
