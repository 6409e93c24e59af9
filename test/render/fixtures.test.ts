import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { glob } from 'tinyglobby';
import { lint } from '../../engine/src/lint';
import type { Determination } from '../../engine/src/model/types';
import type { Finding } from '../../engine/src/rules/types';
import { renderDetermination, renderExportDocument } from '../../engine/src/render';
import { attr, byClass, byTag, classes, elements, parseBody, parseDocument, textOf, unsafeParts, type HtmlElement, type HtmlNode } from './html';

const root = new URL('../..', import.meta.url);
const fixtures = (await glob('test/fixtures/**/*.md', { cwd: root.pathname })).sort();

const normalize = (value: string): string => value.replace(/\s+/g, ' ').trim();
const titleKey = (value: string): string => normalize(value).replace(/:$/, '').toUpperCase();

function lineAt(text: string, line: number): string {
  return text.split(/\r\n|\r|\n/)[line] ?? '';
}

function dataLine(element: HtmlElement): number {
  const value = attr(element, 'data-line');
  assert.ok(value !== undefined, `<${element.tagName} class="${classes(element).join(' ')}"> has data-line`);
  return Number(value);
}

function countOf(summary: HtmlNode, severity: string): number {
  const count = byClass(summary, `count-${severity}`)[0];
  if (!count) return 0;
  return Number(textOf(byClass(count, 'count-number')[0]));
}

function severities(findings: readonly Finding[], severity: string): number {
  return findings.filter((finding) => finding.severity === severity).length;
}

/** Lines whose text the letter prints in its own way: titles, item lines, credential lines. */
function restatedLines(model: Determination): Set<number> {
  const lines = new Set<number>();
  for (const section of model.sections) lines.add(section.heading.range.start.line);
  // A determination sentence is printed as written; its item is set off where its own block opens.
  for (const item of model.items) lines.add((model.profile.decisions.form === 'phrase' ? item.block : item.header)?.range.start.line ?? -1);
  if (model.profile.credentials.form === 'labels') {
    for (const credential of [model.credentials.states, model.credentials.specialties]) if (credential) lines.add(credential.range.start.line);
  }
  return lines;
}

describe('rendering every fixture', () => {
  it('finds the fixtures', () => {
    assert.ok(fixtures.includes('test/fixtures/seed.imr.md'), fixtures.join(', '));
  });

  for (const fixture of fixtures) {
    describe(fixture, () => {
      const text = readFileSync(new URL(fixture, root), 'utf8');
      const expected = lint(text);
      const model = expected.model!;
      const rendered = renderDetermination(text, { mode: 'preview' });
      const body = parseBody(rendered.html);
      const letter = byClass(body, 'letter')[0];
      const summary = byClass(body, 'summary')[0];

      it("shows the sections in draft order, under the profile's titles, each on its title's line", () => {
        const sections = byClass(letter, 'letter-section');
        assert.deepEqual(
          sections.map((section) => textOf(byClass(section, 'section-title')[0])),
          model.sections.map((section) => model.profile.sections.find((spec) => spec.id === section.id)!.title),
        );
        for (const section of sections) {
          const line = dataLine(section);
          assert.equal(
            titleKey(lineAt(text, line).replace(/^#+|[*_]/g, '')),
            titleKey(textOf(byClass(section, 'section-title')[0])).replace(/:$/, ''),
            `title line ${line + 1}`,
          );
        }
        const lines = sections.map(dataLine);
        assert.deepEqual(
          lines,
          [...lines].sort((a, b) => a - b),
        );
      });

      it("sets off each item's decision, as the draft words it, on the item's line", () => {
        const items = byClass(letter, 'item');
        assert.equal(items.length, model.items.length);
        const sentences = model.profile.decisions.form === 'phrase';
        items.forEach((item, index) => {
          const name = textOf(byClass(item, 'item-name')[0]);
          const badge = byClass(item, 'decision')[0];
          // A sentence's item is set off at its own block; its name is in the sentence, which PDF extraction may break over lines.
          const header = model.items[index].header;
          const line = sentences ? text.slice(header.span.start, header.span.end) : lineAt(text, dataLine(item));
          // A name broken over lines, or with Word's non-breaking spaces, reads the same.
          assert.equal(normalize(name), normalize(model.items[index].name.text));
          assert.ok(
            normalize(text.slice(header.span.start, Math.max(header.span.end, model.items[index].name.span.end))).includes(normalize(name)),
            `"${line}" names "${name}"`,
          );
          const decision = model.items[index].decision;
          if (decision.class === 'missing') {
            assert.ok(classes(badge).includes('decision-flagged'));
          } else {
            // The decision may stand on the line below the name, as wrapped text and PDF extraction leave it.
            const written = normalize(text.slice(decision.span.start, decision.span.end));
            assert.ok(normalize(lineAt(text, decision.range.start.line)).includes(written.split(' ')[0]), `the decision's line has "${written}"`);
            assert.equal(normalize(textOf(badge)), written);
            assert.equal(classes(badge).includes('decision-flagged'), decision.class !== 'valid');
          }
          if (decision.value) assert.ok(classes(badge).includes(`decision-${decision.value}`));
          assert.equal(attr(item, 'id'), `imr-item-${index + 1}`);
        });
      });

      it('puts each field under its label, in draft order', () => {
        byClass(letter, 'item').forEach((item, index) => {
          const fields = byClass(item, 'field');
          assert.deepEqual(
            fields.map((field) => textOf(byClass(field, 'field-label')[0])),
            model.items[index].fields.map((field) => `${model.profile.fields.find((spec) => spec.kind === field.kind)!.label}:`),
          );
        });
      });

      it('keeps every line of prose the draft has', () => {
        const printed = normalize(textOf(letter));
        const restated = restatedLines(model);
        const labelled = new Map(model.items.flatMap((item) => item.fields.map((field) => [field.lines[0].line, field] as const)));
        // An item line broken over lines is restated whole.
        const wrapped = new Set(model.items.flatMap((item) => (item.header.range.end.line > item.header.range.start.line ? [item.header.range.end.line] : [])));
        for (const line of model.textLines) {
          if ((restated.has(line.line) && line.blockStart) || wrapped.has(line.line)) continue;
          const field = labelled.get(line.line);
          const prose = field && line === field.lines[0] ? line.content.text.slice(line.content.text.indexOf(':') + 1) : line.content.text;
          assert.ok(printed.includes(normalize(prose)), `line ${line.line + 1}: "${normalize(prose)}"`);
        }
      });

      it('shows the credentials block from the draft', () => {
        for (const which of ['states', 'specialties'] as const) {
          const credential = model.credentials[which];
          const shown = byClass(letter, `credential-${which}`);
          if (!credential || model.profile.credentials.form === 'prose') {
            assert.equal(shown.length, 0);
            continue;
          }
          assert.equal(shown.length, 1);
          assert.equal(textOf(byTag(shown[0], 'dd')[0]), credential.entries.map((entry) => entry.text).join(', '));
        }
      });

      it('summarises items and findings as lint reports them, linking each to its line', () => {
        for (const severity of ['error', 'warning', 'info']) assert.equal(countOf(summary, severity), severities(expected.findings, severity), severity);
        const entries = byClass(summary, 'summary-item');
        assert.deepEqual(
          entries.map((entry) => [normalize(textOf(byTag(entry, 'a')[0])), Number(attr(byTag(entry, 'a')[0], 'data-source-line'))]),
          model.items.map((item) => [normalize(item.name.text), item.header.range.start.line]),
        );
        const listed = byClass(summary, 'finding');
        assert.equal(listed.length, Math.min(50, expected.findings.length));
        listed.forEach((entry, index) => assert.equal(Number(attr(byTag(entry, 'a')[0], 'data-source-line')), expected.findings[index].range.start.line));
      });

      it('marks every block with a line of the draft', () => {
        const lineCount = text.split(/\r\n|\r|\n/).length;
        const marked = elements(letter).filter((element) => attr(element, 'data-line') !== undefined);
        assert.ok(marked.length > 0);
        for (const element of marked) {
          const line = dataLine(element);
          assert.ok(Number.isInteger(line) && line >= 0 && line < lineCount, `data-line ${line}`);
        }
        for (const paragraph of byTag(letter, 'p')) dataLine(paragraph);
      });

      it('exports a safe, self-contained page with its case number in the title', () => {
        const page = parseDocument(renderExportDocument(text, { fileName: fixture }));
        const caseNumber = model.frontMatter?.data.case;
        const title = textOf(byTag(page, 'title')[0]);
        assert.equal(title, `IMR Final Determination ${caseNumber ?? fixture.split('/').pop()}`);
        assert.equal(byTag(page, 'script').length, 0);
        assert.ok(byTag(page, 'meta').some((meta) => attr(meta, 'charset') === 'utf-8'));
        assert.ok(textOf(byTag(page, 'style')[0]).includes('@media print'));
        assert.equal(byTag(page, 'link').length, 0, 'nothing loads from elsewhere');
        const exportedSummary = byClass(page, 'summary')[0];
        assert.equal(elements(exportedSummary).filter((element) => attr(element, 'data-source-line') !== undefined).length, 0, 'no links into the draft');
        assert.deepEqual(
          unsafeParts(byClass(page, 'imr-page')[0], { allow: (element) => element.tagName === 'input' && attr(element, 'type') === 'checkbox' }),
          [],
        );
      });
    });
  }
});

describe('the seed, rendered', () => {
  const text = readFileSync(new URL('../fixtures/seed.imr.md', import.meta.url), 'utf8');
  const body = parseBody(renderDetermination(text).html);

  it('is the letter the domain describes', () => {
    assert.deepEqual(
      byClass(body, 'section-title').map((title) => textOf(title)),
      ['HOW THE IMR FINAL DETERMINATION WAS MADE', 'CLINICAL CASE SUMMARY', 'IMR ISSUES, DECISIONS AND RATIONALES'],
    );
    const [item] = byClass(body, 'item');
    assert.equal(textOf(byClass(item, 'item-header')[0]), 'Left Hip Cortisone Injection Overturned');
    assert.deepEqual(classes(byClass(item, 'decision')[0]), ['decision', 'decision-overturned']);
    assert.deepEqual(
      byClass(item, 'field').map((field) => classes(field)[1]),
      ['field-claims-administrator', 'field-reviewer', 'field-rationale'],
    );
    assert.match(
      textOf(byClass(item, 'field-rationale')[0]),
      /^Decision rationale: The MTUS does not address the topic\. .* Therefore, the request was medically necessary\.$/,
    );
    assert.deepEqual(
      byClass(body, 'credential').map((credential) => textOf(credential)),
      ['State(s) of Licensure: Texas, Ohio, California', 'Certification(s)/Specialty: Preventive Medicine, Occupational Medicine'],
    );
  });

  it('summarises it: no case number, the default profile, one item, no errors or warnings', () => {
    const summary = byClass(body, 'summary')[0];
    assert.match(textOf(byClass(summary, 'summary-case')[0]), /^None in the front matter/);
    assert.equal(textOf(byClass(summary, 'summary-profile')[0]), 'ca-dwc-imr');
    assert.deepEqual(
      byClass(summary, 'summary-item').map((entry) => textOf(entry)),
      ['Left Hip Cortisone Injection Overturned'],
    );
    assert.match(textOf(byClass(summary, 'summary-counts')[0]), /^0 errors, 0 warnings, \d+ infos?$/);
  });
});
