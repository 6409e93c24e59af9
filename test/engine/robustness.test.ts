import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { applyEdits, fixEdits } from '../../engine/src/fixes';
import { lint } from '../../engine/src/lint';
import type { Range } from '../../engine/src/text';

const seed = readFileSync(new URL('../fixtures/seed.imr.md', import.meta.url), 'utf8');

// Pieces of determinations and of Markdown that tend to meet at odd places while a reviewer types.
const pieces = [
  '# ',
  '## ',
  '**',
  '_',
  ':',
  ' Upheld',
  ' Overturned',
  ' Approved',
  '\n',
  '\r\n',
  '\r',
  '\n\n',
  '- ',
  '1. ',
  '> ',
  '`',
  '```\n',
  '---\n',
  '    ',
  'Decision rationale:',
  'Claims Administrator guideline:',
  'MAXIMUS guideline:',
  'State(s) of Licensure:',
  'Certification(s)/Specialty:',
  'Decision based on MTUS',
  'Decision based on Non-MTUS Citation',
  ', page 7',
  'The Expert Reviewer did not base their decision on the MTUS.',
  'IMR ISSUES, DECISIONS AND RATIONALES',
  'CLINICAL CASE SUMMARY',
  'HOW THE IMR FINAL DETERMINATION WAS MADE',
  'Therefore, the request was not medically necessary.',
  '<!-- imr-disable -->',
  '<!-- imr-disable-next-line phi',
  '|a|b|\n|-|-|\n',
  '[x](y)',
  '![alt](i.png)',
  '\t',
  'Dr. Smith',
  '555-123-4567',
  'February 30, 2014',
  '😀',
  'é',
  '\u0301',
  '肩',
  '\\',
  '&amp;',
  '\uFEFF',
];
const snippet = fc
  .array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 4 }), fc.string({ unit: 'grapheme', maxLength: 3 })), { maxLength: 40 })
  .map((parts) => parts.join(''));
const edited = fc.tuple(fc.nat(seed.length), fc.nat(60), snippet).map(([at, removed, inserted]) => seed.slice(0, at) + inserted + seed.slice(at + removed));

function assertInside(text: string, range: Range, what: string): void {
  const lines = text.split(/\r\n|\r|\n/);
  for (const position of [range.start, range.end]) {
    assert.ok(position.line >= 0 && position.line < lines.length, `${what}: line ${position.line} of ${lines.length}`);
    assert.ok(position.character >= 0 && position.character <= lines[position.line].length, `${what}: character ${position.character} past the line`);
  }
}

describe('robustness', () => {
  it('never fails a rule and keeps every range inside the document, whatever the draft', () => {
    fc.assert(
      fc.property(fc.oneof(snippet, edited), (text) => {
        const result = lint(text, { today: '2025-06-30' });
        assert.deepEqual(result.failures, []);
        for (const finding of result.findings) {
          assertInside(text, finding.range, finding.ruleId);
          for (const fix of [finding.fix, ...(finding.suggestions ?? [])]) {
            for (const edit of fix?.edits ?? []) {
              assertInside(text, edit.range, `${finding.ruleId} fix`);
              assert.ok(edit.span.start >= 0 && edit.span.start <= edit.span.end && edit.span.end <= text.length);
            }
          }
        }
      }),
      { numRuns: 150, seed: 20250630 },
    );
  });

  it('applies every fix of an edited seed without failing, and lints the result again', () => {
    fc.assert(
      fc.property(edited, (text) => {
        const fixed = applyEdits(text, fixEdits(lint(text, { today: '2025-06-30' }).findings)).text;
        assert.deepEqual(lint(fixed, { today: '2025-06-30' }).failures, []);
      }),
      { numRuns: 50, seed: 7 },
    );
  });

  it('reports the size limit instead of checking a draft that is too large', () => {
    const result = lint(seed, { config: { maxFileSize: 100 } });
    assert.equal(result.model, undefined);
    assert.deepEqual(
      result.findings.map((finding) => [finding.ruleId, finding.severity, finding.range]),
      [['max-file-size', 'warning', { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }]],
    );
    assert.match(result.findings[0].message, /raise "maxFileSize" in configuration/);
  });
});
