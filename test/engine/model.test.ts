import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { buildDetermination } from '../../engine/src/model/build';
import type { Determination, GuidelineField } from '../../engine/src/model/types';
import { resolveProfile } from '../../engine/src/profiles';
import { draft, item, lineOf, rangeOf } from '../support/drafts';

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
const build = (text: string): Determination => buildDetermination(text, (requested) => resolveProfile(requested));
const slice = (model: Determination, span: { start: number; end: number }): string => model.text.slice(span.start, span.end);

describe('determination model', () => {
  describe('the seed', () => {
    const text = fixture('seed.imr.md');
    const model = build(text);

    it('has the three sections in order, titles as plain paragraphs', () => {
      assert.deepEqual(
        model.sections.map((section) => [section.id, section.heading.text, section.depth, section.range.start.line]),
        [
          ['how-made', 'HOW THE IMR FINAL DETERMINATION WAS MADE', 0, 0],
          ['case-summary', 'CLINICAL CASE SUMMARY', 0, 28],
          ['issues', 'IMR ISSUES, DECISIONS AND RATIONALES', 0, 56],
        ],
      );
      assert.deepEqual(model.sections[0].heading.range, { start: { line: 0, character: 1 }, end: { line: 0, character: 41 } });
    });

    it('reads one item with its decision and three fields', () => {
      assert.equal(model.items.length, 1);
      const [item] = model.items;
      assert.equal(item.name.text, 'Left Hip Cortisone Injection');
      assert.deepEqual(item.decision.range, rangeOf(text, 'Overturned'));
      assert.equal(item.decision.class, 'valid');
      assert.equal(item.decision.value, 'overturned');
      assert.deepEqual(
        item.fields.map((field) => field.kind),
        ['claimsAdministrator', 'reviewer', 'rationale'],
      );
    });

    it('runs a field over the paragraphs the letter broke it into, up to the next label', () => {
      const claims = model.items[0].claimsAdministrator!;
      assert.equal(
        claims.value.text,
        'The Claims Administrator did not base their decision on the MTUS.  Decision based on Non-MTUS Citation ODG Hip and Pelvis Chapter',
      );
      assert.deepEqual(
        [claims.range.start.line, claims.range.end.line],
        [lineOf(text, 'Claims Administrator guideline:'), lineOf(text, 'MTUS.  Decision based on Non-MTUS Citation ODG')],
      );
      const rationale = model.items[0].rationale!;
      assert.equal(rationale.lines.length, 9);
      assert.equal(rationale.range.end.line, lineOf(text, 'medically necessary. '));
    });

    it('maps every character of a joined field value back to the source', () => {
      const claims = model.items[0].claimsAdministrator!;
      const mtus = claims.value.text.indexOf('MTUS.  Decision');
      const span = claims.value.spanOf(mtus, mtus + 4);
      assert.equal(slice(model, span), 'MTUS');
      assert.equal(model.lines.positionAt(span.start).line, lineOf(text, 'MTUS.  Decision based on Non-MTUS'));
    });

    it('reads both MTUS statements and citations', () => {
      const claims = model.items[0].claimsAdministrator!;
      assert.equal(claims.statement?.basedOnMtus, false);
      assert.equal(claims.statement?.subject.text, 'The Claims Administrator');
      assert.equal(claims.statement?.verb.text, 'did not base');
      assert.equal(claims.citation?.kind, 'Non-MTUS');
      assert.equal(claims.citation?.source?.catalogueId, 'odg');
      assert.equal(claims.citation?.chapter?.text, 'Hip and Pelvis Chapter');
      assert.equal(claims.citation?.chapter?.catalogueName, 'Hip & Pelvis');

      const reviewer = model.items[0].reviewer!;
      assert.equal(reviewer.statement?.subject.text, 'The Expert Reviewer');
      assert.equal(reviewer.citation?.prefix.text, 'Decision based on Non-MTUS Citation');
      assert.equal(reviewer.citation?.source?.text, 'ACOEM Practice Guidelines, Third Edition');
      assert.equal(reviewer.citation?.source?.catalogueId, 'acoem-3rd');
      // "Hip" and "Chapter" sit on different source lines; the chapter part spans the break.
      assert.equal(reviewer.citation?.chapter?.text, 'Hip Chapter');
      assert.equal(slice(model, reviewer.citation!.chapter!.span).replace(/\s+/g, ' '), 'Hip Chapter');
      assert.equal(reviewer.citation?.topic?.text, 'Trochanteric Glucocorticosteroid Injections');
    });

    it('reads the conclusion and the reason for leaving the MTUS', () => {
      const rationale = model.items[0].rationale!;
      assert.equal(rationale.conclusion?.necessary, true);
      assert.equal(rationale.conclusion?.text, 'Therefore, the request was medically necessary.');
      assert.equal(rationale.mtusExplanation?.text, 'The MTUS does not address the topic.');
    });

    it('reads the credentials block', () => {
      assert.deepEqual(
        model.credentials.states?.entries.map((entry) => entry.text),
        ['Texas', 'Ohio', 'California'],
      );
      assert.deepEqual(
        model.credentials.specialties?.entries.map((entry) => entry.text),
        ['Preventive Medicine', 'Occupational Medicine'],
      );
      assert.deepEqual(model.credentials.states?.entries[2].range, rangeOf(text, 'California'));
    });
  });

  describe('citations', () => {
    const cite = (citation: string) => {
      const model = build(draft({ items: [item({ reviewer: `The Expert Reviewer based their decision on the MTUS. ${citation}` })] }));
      const field = model.items[0].reviewer as GuidelineField;
      const c = field.citation!;
      return {
        kind: c.kind,
        source: c.source?.catalogueId ?? c.source?.text,
        chapter: c.chapter?.text,
        topic: c.topic?.text,
        pages: c.pages && [c.pages.from, c.pages.to],
      };
    };

    it('reads kind, source, chapter and pages of an MTUS citation', () => {
      assert.deepEqual(cite('Decision based on MTUS ACOEM Practice Guidelines, 2nd Edition (2004), Chapter 12 Low Back Complaints, page 308'), {
        kind: 'MTUS',
        source: 'mtus-acoem-2004',
        chapter: 'Chapter 12 Low Back Complaints',
        topic: undefined,
        pages: [308, 308],
      });
      assert.deepEqual(cite('Decision based on MTUS Chronic Pain Medical Treatment Guidelines, page 78'), {
        kind: 'MTUS',
        source: 'mtus-chronic-pain',
        chapter: undefined,
        topic: undefined,
        pages: [78, 78],
      });
    });

    it('keeps a chapter name that holds commas whole', () => {
      assert.deepEqual(
        cite('Decision based on MTUS ACOEM Practice Guidelines, 2nd Edition (2004), Chapter 11 Forearm, Wrist, and Hand Complaints, pages 268-269'),
        {
          kind: 'MTUS',
          source: 'mtus-acoem-2004',
          chapter: 'Chapter 11 Forearm, Wrist, and Hand Complaints',
          topic: undefined,
          pages: [268, 269],
        },
      );
    });

    it('reads the topics of a source cited without chapters', () => {
      assert.deepEqual(cite('Decision based on MTUS Chronic Pain Medical Treatment Guidelines, Opioids, criteria for use, pp. 76-78.'), {
        kind: 'MTUS',
        source: 'mtus-chronic-pain',
        chapter: undefined,
        topic: 'Opioids, criteria for use',
        pages: [76, 78],
      });
    });

    it('reads pages written without a comma', () => {
      assert.deepEqual(cite('Decision based on MTUS ACOEM Practice Guidelines, 2nd Edition (2004) Chapter 12 Low Back Complaints page 308').pages, [308, 308]);
    });

    it('keeps an unknown source as written, for citation-source to report', () => {
      assert.deepEqual(cite('Decision based on Non-MTUS Citation Harrison Textbook of Internal Medicine, Chapter 4'), {
        kind: 'Non-MTUS',
        source: 'Harrison Textbook of Internal Medicine',
        chapter: 'Chapter 4',
        topic: undefined,
        pages: undefined,
      });
    });
  });

  describe('conclusions', () => {
    const polarity = (decision: string, rationale: string) => build(draft({ items: [item({ decision, rationale })] })).items[0].rationale!.conclusion;

    it('takes the last sentence on medical necessity', () => {
      const conclusion = polarity(
        'Upheld',
        'The first six sessions were medically necessary. Function did not improve. Therefore, further sessions were not medically necessary. The applicant may return to the gym.',
      );
      assert.equal(conclusion?.text, 'Therefore, further sessions were not medically necessary.');
      assert.equal(conclusion?.necessary, false);
    });

    it('reads the polarity from the clause that speaks of the request', () => {
      assert.equal(polarity('Overturned', 'Although the applicant is not working, the request was medically necessary.')?.necessary, true);
      assert.equal(polarity('Upheld', 'Therefore, it is not, at this time, medically necessary.')?.necessary, false);
      assert.equal(polarity('Upheld', 'Neither criterion was met, and the request is, therefore, not medically necessary.')?.necessary, false);
    });

    it('has no conclusion when no sentence speaks of necessity', () => {
      assert.equal(polarity('Upheld', 'The guidelines do not support the request.'), undefined);
    });
  });

  describe('draft forms', () => {
    it('reads item lines as headings, bold paragraphs and list items', () => {
      for (const [name, depth] of [
        ['heading-items.imr.md', 3],
        ['bold-labels.imr.md', 0],
        ['list-items.imr.md', 0],
      ] as const) {
        const model = build(fixture(`clean/${name}`));
        assert.equal(model.items.length, 2, name);
        assert.equal(model.items[0].header.depth, depth, name);
        assert.deepEqual(
          model.items.map((entry) => entry.decision.value),
          ['overturned', 'upheld'],
          name,
        );
        for (const entry of model.items) assert.equal(entry.fields.length, 3, `${name}: ${entry.name.text}`);
      }
    });

    it('reads front matter and chooses its profile', () => {
      const model = build(fixture('clean/profile-2015.imr.md'));
      assert.equal(model.profile.id, 'ca-dwc-imr-2015');
      assert.equal(model.frontMatter?.data.case, 'CM15-0071234');
      assert.deepEqual(
        model.sections.map((section) => section.id),
        ['how-made', 'documents', 'case-summary', 'issues'],
      );
    });

    it('gives CRLF drafts the same model, line for line, as LF drafts', () => {
      const lf = fixture('clean/line-endings.crlf.md').replace(/\r\n/g, '\n');
      const crlf = fixture('clean/line-endings.crlf.md');
      assert.ok(crlf.includes('\r\n'), 'the fixture keeps its CRLF line ends (see .gitattributes)');
      const [a, b] = [build(lf), build(crlf)];
      assert.equal(b.lines.eol, '\r\n');
      assert.deepEqual(
        b.sections.map((section) => section.range),
        a.sections.map((section) => section.range),
      );
      assert.deepEqual(
        b.items.map((entry) => entry.fields.map((field) => [field.range, field.value.text])),
        a.items.map((entry) => entry.fields.map((field) => [field.range, field.value.text])),
      );
    });

    it('counts characters in UTF-16 code units on lines with accents, emoji and CJK', () => {
      const text = fixture('clean/non-ascii.imr.md');
      const model = build(text);
      assert.equal(model.items[0].name.text, 'Right Shoulder Subacromial Injection — Corticosteroid');
      assert.deepEqual(model.items[0].decision.range, rangeOf(text, 'Overturned'));
    });

    it('reads credentials written as list items', () => {
      const model = build(fixture('clean/list-items.imr.md'));
      assert.deepEqual(
        model.credentials.states?.entries.map((entry) => entry.text),
        ['Massachusetts', 'Rhode Island', 'California'],
      );
    });

    it('keeps a section title mentioned in prose as prose', () => {
      const model = build(draft({ summary: 'The CLINICAL CASE SUMMARY below was written from the records.' }));
      assert.equal(model.sections.length, 3);
    });

    it('reads nothing from text that is not a determination, without failing', () => {
      for (const text of ['', '\n\n', '# Notes\n\nNothing here.', '---\n---\n', '```\nHOW THE IMR FINAL DETERMINATION WAS MADE\n```\n', '\uFEFF', '\r\r\r']) {
        const model = build(text);
        assert.deepEqual([model.sections, model.items], [[], []], JSON.stringify(text));
      }
    });
  });
});
