import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { lintText, rangeOf } from '../support/drafts';

const examples = new URL('../../examples/', import.meta.url);
const read = (name: string): string => readFileSync(new URL(name, examples), 'utf8');

describe('example workspace', () => {
  it('holds the two drafts the CLI and the demo open, and nothing else it would lint', () => {
    assert.deepEqual(
      readdirSync(examples)
        .filter((name) => name.endsWith('.md'))
        .sort(),
      ['clean.imr.md', 'defective.imr.md'],
    );
  });

  it('clean.imr.md has no finding at all, and decides one item Upheld and one Overturned', () => {
    const text = read('clean.imr.md');
    assert.deepEqual(lintText(text), []);
    assert.match(text, /^## .+: Overturned$/m);
    assert.match(text, /^## .+: Upheld$/m);
  });

  it('defective.imr.md shows each defect it was written to show, where it is', () => {
    const text = read('defective.imr.md');
    const got = lintText(text).map((finding) => [finding.ruleId, finding.severity, text.slice(finding.span.start, finding.span.end)]);
    assert.deepEqual(got, [
      ['credential-state', 'warning', 'Pennsylvannia'],
      ['phi', 'warning', '(310) 555-0187'],
      ['item-fields', 'error', 'Urine Drug Screen: Approved'],
      ['decision-value', 'error', 'Approved'],
      ['conclusion-decision', 'error', 'Therefore, the request was medically necessary.'],
      ['mtus-statement', 'error', 'based'],
      ['non-mtus-explained', 'warning', 'Decision rationale'],
    ]);
    const findings = lintText(text);
    assert.deepEqual(findings[3].range, rangeOf(text, 'Approved'));
    assert.deepEqual(findings[4].range, rangeOf(text, 'Therefore, the request was medically necessary.', 1));
  });
});
