// What "reads every real letter right" means: drafts as reviewers write them, drafts left unfinished, and the notes kept beside them.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { isDetermination } from '../../engine/src/detect';
import { lint } from '../../engine/src/lint';
import { DEFAULT_PROFILE_ID } from '../../engine/src/profiles/builtin';
import { ruleIds } from '../../engine/src/rules';
import { runCli } from '../support/cli';

interface ExpectedFinding {
  ruleId: string;
  severity: string;
  /** 1-based, as editors number lines. */
  line: number;
  /** The source text the finding's range covers. */
  text: string;
}

const fixtures = new URL('../fixtures/', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, fixtures), 'utf8');
const markdownIn = (folder: string): string[] =>
  readdirSync(new URL(folder, fixtures))
    .filter((name) => name.endsWith('.md'))
    .sort();
const expectedIn = (folder: string): Record<string, ExpectedFinding[]> => JSON.parse(read(`${folder}expected.json`)) as Record<string, ExpectedFinding[]>;

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;
/** The profile a draft's front matter names, read here independently of the engine. */
function frontMatterProfile(text: string): string | undefined {
  const yaml = FRONT_MATTER.exec(text)?.[1];
  return yaml === undefined ? undefined : /^profile:[ \t]*(\S+)[ \t]*$/m.exec(yaml)?.[1];
}

const byPlace = (a: ExpectedFinding, b: ExpectedFinding): number =>
  a.line - b.line || a.ruleId.localeCompare(b.ruleId) || a.text.localeCompare(b.text) || a.severity.localeCompare(b.severity);

/** Lints a draft under its front matter's profile, with a fixed clock, as rule id, severity, 1-based line and covered text. */
function lintDraft(text: string): { profile: string; findings: ExpectedFinding[] } {
  const requested = frontMatterProfile(text);
  const result = lint(text, { today: '2025-06-30', config: requested ? { profile: requested } : {} });
  assert.deepEqual(result.failures, [], 'no rule fails on the draft');
  const findings = result.findings.map((finding) => ({
    ruleId: finding.ruleId,
    severity: finding.severity,
    line: finding.range.start.line + 1,
    text: text.slice(finding.span.start, finding.span.end),
  }));
  return { profile: result.model?.profile.id ?? '', findings: findings.sort(byPlace) };
}

/** Rule ids the expectations may name: the engine's, and the placeholder rule that unfinished drafts call for. */
const KNOWN_RULES = new Set([...ruleIds, 'placeholder']);

function expectFindings(folder: string): void {
  const names = markdownIn(folder);
  const expected = expectedIn(folder);

  it('has an expectation for every draft, and none for a draft that is not there', () => {
    assert.deepEqual(Object.keys(expected).sort(), names);
  });

  it('expects only known rules and severities, on lines that hold the expected text', () => {
    for (const name of names) {
      const lines = read(`${folder}${name}`).split(/\r\n|\r|\n/);
      for (const finding of expected[name]) {
        const where = `${name}:${finding.line} ${finding.ruleId}`;
        assert.ok(KNOWN_RULES.has(finding.ruleId), `${where}: unknown rule`);
        assert.ok(['error', 'warning', 'info', 'hint'].includes(finding.severity), `${where}: severity ${finding.severity}`);
        assert.ok(finding.text.length > 0 && lines[finding.line - 1]?.includes(finding.text), `${where}: "${finding.text}" is on the line`);
      }
    }
  });

  for (const name of names) {
    it(`${folder}${name}: exactly the findings a careful reviewer wants`, () => {
      const text = read(`${folder}${name}`);
      const { profile, findings } = lintDraft(text);
      assert.equal(profile, frontMatterProfile(text) ?? DEFAULT_PROFILE_ID, 'linted under the profile its front matter names');
      assert.deepEqual(findings, [...(expected[name] ?? [])].sort(byPlace));
    });
  }
}

describe('determinations as reviewers write them (test/fixtures/real)', () => {
  const names = markdownIn('real/');
  const texts = new Map(names.map((name) => [name, read(`real/${name}`)]));
  const all = [...texts.values()];

  it("has letters in the seed's format and in the 2013 format, about a third of them with defects", () => {
    const profiles = names.map((name) => frontMatterProfile(texts.get(name)!) ?? DEFAULT_PROFILE_ID);
    assert.ok(profiles.filter((profile) => profile === 'ca-dwc-imr').length >= 16, `${profiles.join(', ')}`);
    assert.ok(profiles.filter((profile) => profile === 'ca-dwc-imr-2013').length >= 3, `${profiles.join(', ')}`);
    const expected = expectedIn('real/');
    const defective = names.filter((name) => (expected[name] ?? []).length > 0).length;
    assert.ok(defective >= names.length / 4 && defective <= names.length / 2, `${defective} of ${names.length} carry defects`);
  });

  it('covers every way section 10 of the domain reference says a draft may be written', () => {
    const forms: [string, (text: string) => boolean][] = [
      ['item numbered "1. "', (text) => /^1\. [^\n]+:\s+(?:Upheld|Overturned)\s*$/m.test(text)],
      ['item numbered "1) "', (text) => /^1\) [^\n]+:\s+(?:Upheld|Overturned)\s*$/m.test(text)],
      ['item numbered "1.<tab>" as Word pastes it', (text) => /^1\.\t[^\n]+:\s+(?:Upheld|Overturned)\s*$/m.test(text)],
      ['decision on the next line of the same paragraph', (text) => /[^\n:]+:\r?\n(?:Upheld|Overturned)\r?\n/.test(text)],
      ['decision as its own paragraph after a long item name', (text) => /:\r?\n\r?\n(?:Upheld|Overturned)\r?\n/.test(text)],
      ['numbered item line without a decision', (text) => /^\d\.\t[^\n:]+\r?\n\r?\nClaims Administrator guideline:/m.test(text)],
      ['sub-headings inside a rationale', (text) => /^#### (?![^\n]*:\s*(?:Upheld|Overturned))/m.test(text)],
      ['a table inside a rationale', (text) => /Decision rationale:[\s\S]*?^\| [^\n]+\|\s*$/m.test(text)],
      ['fields as list items', (text) => /^- Decision rationale:/m.test(text)],
      ['bold labels and item lines', (text) => /^\*\*Decision rationale:\*\*/m.test(text) && /^\*\*[^*]+:\*\* Overturned/m.test(text)],
      ['smart quotes, non-breaking spaces, tabs and dashes pasted from Word', (text) => /[’“”]/.test(text) && text.includes('\u00a0') && /[–—]/.test(text)],
      [
        'every line its own paragraph, as PDF extraction leaves it',
        (text) => /^ ?HOW THE IMR FINAL DETERMINATION WAS MADE \n\n/.test(text) && / \n\n \n\n/.test(text),
      ],
      ['hard-wrapped lines', (text) => /^MAXIMUS Federal Services sent the complete case file to an expert reviewer\.(?: He\/she[^\n]*)?\n[^\s]/m.test(text)],
      ['CRLF line ends', (text) => text.includes('\r\n')],
      ['front matter with a case number', (text) => /^---\r?\ncase: CM15-0123456\r?\n/.test(text)],
      [
        'several citations in one field',
        (text) => /Decision based on MTUS[^\n]*; (?:ODG|Official Disability)/.test(text) && /page \d+\. Decision based on Non-MTUS Citation/.test(text),
      ],
    ];
    for (const [form, present] of forms) assert.ok(all.some(present), form);
  });

  it('cites guidelines in every form section 3 of the brief lists', () => {
    for (const form of [
      /MTUS \(Effective July 18, 2009\) Page\(s\): \d/,
      /American College of Occupational and Environmental Medicine \(ACOEM\), 2nd Edition, \(2004\) - Low Back Complaints, page \d+/,
      /ACOEM, 2nd Edition \(2004\), Chapter 12 Low Back Complaints, pp\. \d+-\d+/,
      /Official Disability Guidelines \(ODG\), Pain \(Chronic\) Chapter, Opioids/,
      /ODG Treatment in Workers['’] Comp, Knee & Leg \(Acute & Chronic\)/,
      /ODG -TWC Low Back Chapter/,
      /ACOEM Practice Guidelines, 3rd Edition|\(ACOEM\), Third Edition/,
      /\bp\. \d/,
      /pages \d+–\d+/,
    ]) {
      assert.ok(
        all.some((text) => form.test(text)),
        String(form),
      );
    }
  });

  expectFindings('real/');
});

describe('drafts left unfinished (test/fixtures/unfinished)', () => {
  const names = markdownIn('unfinished/');
  const all = names.map((name) => read(`unfinished/${name}`));

  it('has drafts with every kind of unfilled text section 12 of the domain reference lists', () => {
    assert.ok(names.length >= 6, `${names.length} unfinished drafts`);
    for (const left of [
      'Disputed item:',
      'Text of this section.',
      'source, chapter or topic',
      'Reasoning from the case file and the cited guideline.',
      'Summary of the case file:',
      'TODO',
      'XXX',
      '[date of UR]',
      '<name>',
    ]) {
      assert.ok(
        all.some((text) => text.includes(left)),
        left,
      );
    }
    assert.ok(
      all.some((text) => /^State\(s\) of Licensure: *$/m.test(text)),
      'an empty credential value',
    );
  });

  expectFindings('unfinished/');
});

describe('Markdown that is not a determination (test/fixtures/not-determinations)', () => {
  const folder = 'not-determinations/';
  const names = markdownIn(folder);

  it('holds the notes reviewers keep beside their drafts, none of them marked as a letter', () => {
    assert.ok(names.length >= 12, `${names.length} notes`);
    for (const name of names) {
      const text = read(`${folder}${name}`);
      const lines = text.trimEnd().split(/\r\n|\r|\n/).length;
      assert.ok(lines >= 40 && lines <= 200, `${name}: ${lines} lines`);
      assert.doesNotMatch(name, /\.imr\.md$/i);
      assert.equal(frontMatterProfile(text), undefined, `${name} names no profile`);
    }
    const all = names.map((name) => read(`${folder}${name}`)).join('\n');
    for (const [what, pattern] of [
      ['a UR letter with its own words and headings', /Non-certified[\s\S]*## CASE SUMMARY[\s\S]*## DOCUMENTS REVIEWED[\s\S]*## DECISION[\s\S]*## RATIONALE/],
      ['letter titles in fenced code', /```[^\n]*\nHOW THE IMR FINAL DETERMINATION WAS MADE\n/],
      ['letter titles in indented code', /\n {4}HOW THE IMR FINAL DETERMINATION WAS MADE\n/],
      ['a letter title in inline code', /^`INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE`$/m],
      ['letter titles in an HTML comment', /<!--[^>]*\nIMR ISSUES, DECISIONS AND RATIONALES\n[^>]*-->/],
      ['list items quoting the titles', /^- HOW THE IMR FINAL DETERMINATION WAS MADE comes first/m],
    ] as const) {
      assert.match(all, pattern, what);
    }
  });

  for (const name of names) {
    it(`${name} is not a determination`, () => {
      assert.equal(isDetermination(read(`${folder}${name}`), `notes/${name}`), false);
    });
  }

  it('imr-lint over the folder reports nothing and exits 0', async () => {
    const run = await runCli([fileURLToPath(new URL(folder, fixtures))]);
    assert.deepEqual({ status: run.status, stdout: run.stdout, stderr: run.stderr }, { status: 0, stdout: '', stderr: '' });
  });
});
