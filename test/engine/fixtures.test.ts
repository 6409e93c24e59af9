import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { applyEdits, fixEdits } from '../../engine/src/fixes';
import { rules } from '../../engine/src/rules';
import type { Finding } from '../../engine/src/rules/types';
import type { Range } from '../../engine/src/text';
import { lintText } from '../support/drafts';

const fixtures = new URL('../fixtures/', import.meta.url);
const read = (name: string): string => readFileSync(new URL(name, fixtures), 'utf8');
const markdownIn = (folder: string): string[] =>
  readdirSync(new URL(folder, fixtures))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => `${folder}${name}`);

/** Clean drafts in every form of section 10 of the domain reference, and the seed itself. */
const clean = ['seed.imr.md', ...markdownIn('clean/')];
const defective = markdownIn('defective/');
const examples = readdirSync(new URL('../../examples/', import.meta.url))
  .filter((name) => name.endsWith('.md'))
  .map((name) => `../../examples/${name}`);
const expected = JSON.parse(read('defective/expected.json')) as Record<string, { ruleId: string; severity: string; line: number; text: string }[]>;

/** Infos a clean draft carries because they are right: the seed's UR report is dated on the day of injury, and a progress note before it. */
const expectedInfos: Record<string, string[]> = {
  'seed.imr.md': ['39 date-chronology December 8, 2014', '43 date-chronology September 9, 2014'],
};

const describeFinding = (finding: Finding): string =>
  `${finding.range.start.line + 1}:${finding.range.start.character + 1} ${finding.severity} ${finding.ruleId} ${finding.message}`;

describe('fixtures', () => {
  it('has clean drafts in every form the domain reference lists', () => {
    assert.ok(clean.length >= 14, `${clean.length} clean fixtures`);
    const all = clean.map(read);
    assert.ok(
      all.some((text) => /^#{1,6} HOW THE IMR/m.test(text)),
      'ATX headings',
    );
    assert.ok(
      all.some((text) => /^=+\s*$/m.test(text) && /^-+\s*$/m.test(text)),
      'setext headings',
    );
    assert.ok(
      all.some((text) => /^How the IMR Final Determination was made:$/m.test(text)),
      'lower-case title paragraph with a colon',
    );
    assert.ok(
      all.some((text) => /^\*\*Decision rationale:\*\*/m.test(text)),
      'bold labels',
    );
    assert.ok(
      all.some((text) => /^\*\*[^*]+:\*\* Overturned$/m.test(text)),
      'bold item lines',
    );
    assert.ok(
      all.some((text) => /^#{2,6} [^\n]+: Overturned$/m.test(text)),
      'heading item lines',
    );
    assert.ok(
      all.some((text) => /^\s*- Decision rationale:/m.test(text) && /^- State\(s\) of Licensure:/m.test(text)),
      'fields and credentials as list items',
    );
    assert.ok(
      all.some((text) => text.includes('\r\n')),
      'CRLF',
    );
    assert.ok(
      all.some((text) => /[é’—😀肩]/u.test(text)),
      'non-ASCII',
    );
    assert.ok(
      all.some((text) => text.startsWith('---\ncase: CM14-0123456\nprofile: ca-dwc-imr\n---')),
      'front matter',
    );
    assert.ok(all.some((text) => /profile: ca-dwc-imr-2015/.test(text)) && all.some((text) => /profile: ca-dwc-imr-2013/.test(text)), '2015 and 2013 profiles');
  });

  for (const name of clean) {
    it(`${name} lints with no error or warning, and only the infos it deserves`, () => {
      const text = read(name);
      const findings = lintText(text);
      assert.deepEqual(findings.filter((finding) => finding.severity !== 'info').map(describeFinding), []);
      assert.deepEqual(
        findings
          .filter((finding) => finding.severity === 'info')
          .map((finding) => `${finding.range.start.line + 1} ${finding.ruleId} ${text.slice(finding.span.start, finding.span.end)}`),
        expectedInfos[name] ?? [],
      );
    });
  }

  for (const name of [...clean, ...defective]) {
    it(`${name} lints the same with LF, CRLF or CR line ends`, () => {
      const lf = read(name).replace(/\r\n/g, '\n');
      const lines = (findings: Finding[]) =>
        findings.map(
          (finding) =>
            `${finding.ruleId}@${finding.range.start.line}:${finding.range.start.character}-${finding.range.end.line}:${finding.range.end.character}`,
        );
      const expected = lines(lintText(lf));
      assert.deepEqual(lines(lintText(lf.replace(/\n/g, '\r\n'))), expected, 'CRLF');
      assert.deepEqual(lines(lintText(lf.replace(/\n/g, '\r'))), expected, 'CR');
    });
  }

  for (const name of defective) {
    it(`${name} is caught on the right line, with nothing else reported`, () => {
      const text = read(name);
      const want = expected[name.slice('defective/'.length)];
      assert.ok(want, `defective/expected.json lists ${name}`);
      const got = lintText(text).map((finding) => ({
        ruleId: finding.ruleId,
        severity: finding.severity,
        line: finding.range.start.line,
        text: text.slice(finding.span.start, finding.span.end),
      }));
      assert.deepEqual(got, want);
    });
  }

  it('has a defective fixture for every rule', () => {
    const caught = new Set(Object.values(expected).flatMap((findings) => findings.map((finding) => finding.ruleId)));
    assert.deepEqual(
      rules.map((rule) => rule.id).filter((id) => !caught.has(id)),
      [],
    );
    assert.deepEqual(
      Object.keys(expected).sort(),
      defective.map((name) => name.slice('defective/'.length)),
    );
  });

  for (const name of [...clean, ...defective, ...examples]) {
    it(`${name}: every finding and every edit lies inside the document`, () => {
      const text = read(name);
      const lines = text.split(/\r\n|\r|\n/);
      const inside = (range: Range, what: string): void => {
        for (const position of [range.start, range.end]) {
          assert.ok(position.line >= 0 && position.line < lines.length, `${what}: line ${position.line} of ${lines.length}`);
          assert.ok(
            position.character >= 0 && position.character <= lines[position.line].length,
            `${what}: character ${position.character} on a line of ${lines[position.line].length}`,
          );
        }
        assert.ok(
          range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character),
          `${what}: range ends before it starts`,
        );
      };
      for (const finding of lintText(text)) {
        inside(finding.range, describeFinding(finding));
        for (const fix of [finding.fix, ...(finding.suggestions ?? [])]) {
          for (const edit of fix?.edits ?? []) {
            inside(edit.range, `${describeFinding(finding)} / ${fix!.title}`);
            assert.ok(edit.span.start >= 0 && edit.span.start <= edit.span.end && edit.span.end <= text.length);
          }
        }
      }
    });
  }

  for (const name of defective) {
    it(`${name}: fixing everything that has a fix leaves no finding with a fix`, () => {
      let text = read(name);
      for (let pass = 0; pass < 10; pass++) {
        const edits = fixEdits(lintText(text));
        if (edits.length === 0) break;
        text = applyEdits(text, edits).text;
      }
      assert.deepEqual(
        lintText(text)
          .filter((finding) => finding.fix)
          .map(describeFinding),
        [],
      );
    });
  }
});
