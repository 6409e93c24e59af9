import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { buildDetermination } from '../../engine/src/model/build';
import type { Determination, GuidelineField } from '../../engine/src/model/types';
import { resolveProfile } from '../../engine/src/config/profiles';
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

    /** Each citation of the MAXIMUS field, read as a plain record. */
    const citeAll = (citation: string) => {
      const text = draft({ items: [item({ reviewer: `The Expert Reviewer based their decision on the MTUS. ${citation}` })] });
      const field = build(text).items[0].reviewer!;
      return {
        text,
        field,
        read: field.citations.map((c) => ({
          kind: c.kind,
          shares: c.sharesPrefix ?? false,
          source: c.source?.catalogueId ?? c.source?.text,
          edition: c.edition?.text,
          year: c.year?.value,
          chapter: c.chapter?.catalogueName ?? c.chapter?.text,
          topic: c.topic?.text,
          pages: c.pages && [c.pages.from, c.pages.to],
        })),
      };
    };
    const one = (kind: 'MTUS' | 'Non-MTUS', rest: Partial<Record<'shares' | 'source' | 'edition' | 'year' | 'chapter' | 'topic' | 'pages', unknown>>) => ({
      kind,
      shares: false,
      source: undefined,
      edition: undefined,
      year: undefined,
      chapter: undefined,
      topic: undefined,
      pages: undefined,
      ...rest,
    });

    it('reads the Chronic Pain guidelines with their effective date and "Page(s):"', () => {
      const { read, text, field } = citeAll(
        'Decision based on MTUS Chronic Pain Medical Treatment Guidelines, MTUS (Effective July 18, 2009) Page(s): 79-80, Weaning of Medications',
      );
      assert.deepEqual(read, [
        one('MTUS', { source: 'mtus-chronic-pain', edition: 'Effective July 18, 2009', year: 2009, topic: 'Weaning of Medications', pages: [79, 80] }),
      ]);
      assert.deepEqual(field.citation!.year!.range, rangeOf(text, '2009'));
      assert.deepEqual(field.citation!.pages!.range, rangeOf(text, 'Page(s): 79-80'));
    });

    it('reads ACOEM written out, with its initials, edition, year and a chapter after a dash', () => {
      const { read, field, text } = citeAll(
        'Decision based on MTUS American College of Occupational and Environmental Medicine (ACOEM), 2nd Edition, (2004) - Low Back Complaints, page 303-304',
      );
      assert.deepEqual(read, [
        one('MTUS', { source: 'mtus-acoem-2004', edition: '2nd Edition', year: 2004, chapter: 'Chapter 12 Low Back Complaints', pages: [303, 304] }),
      ]);
      assert.equal(field.citation!.source!.text, 'American College of Occupational and Environmental Medicine (ACOEM)');
      assert.deepEqual(field.citation!.chapter!.range, rangeOf(text, 'Low Back Complaints'));
    });

    it("reads the edition and year that tell the two ACOEM guidelines apart, whatever the citation's kind", () => {
      assert.deepEqual(citeAll('Decision based on MTUS ACOEM, 2nd Edition (2004), Chapter 12 Low Back Complaints, pp. 308–310').read, [
        one('MTUS', { source: 'mtus-acoem-2004', edition: '2nd Edition', year: 2004, chapter: 'Chapter 12 Low Back Complaints', pages: [308, 310] }),
      ]);
      assert.deepEqual(
        citeAll('Decision based on Non-MTUS Citation ACOEM Practice Guidelines, 3rd Edition (2011), Hip and Groin Disorders, Glucocorticosteroid Injections')
          .read,
        [one('Non-MTUS', { source: 'acoem-3rd', edition: '3rd Edition', year: 2011, chapter: 'Hip and Groin', topic: 'Glucocorticosteroid Injections' })],
      );
      // An MTUS citation of the Third Edition is still the Third Edition, which citation-source then reports.
      assert.equal(
        citeAll('Decision based on MTUS American College of Occupational and Environmental Medicine, Third Edition, Chronic Pain').read[0].source,
        'acoem-3rd',
      );
    });

    it('reads ODG as letters name it', () => {
      for (const [citation, chapter, topic] of [
        ['Decision based on Non-MTUS Citation Official Disability Guidelines (ODG), Pain (Chronic) Chapter, Opioids', 'Pain (Chronic)', 'Opioids'],
        ["Decision based on Non-MTUS Citation ODG Treatment in Workers' Comp, Knee & Leg (Acute & Chronic)", 'Knee & Leg', undefined],
        ['Decision based on Non-MTUS Citation ODG -TWC Low Back Chapter', 'Low Back', undefined],
        ['Decision based on Non-MTUS Citation ODG Head (trauma, headaches, etc., not including stress & mental disorders), MRI', 'Head', 'MRI'],
      ]) {
        assert.deepEqual(citeAll(citation!).read, [one('Non-MTUS', { source: 'odg', chapter, topic })], citation);
      }
      assert.equal(
        citeAll("Decision based on Non-MTUS Citation ODG Treatment in Workers' Comp, Knee & Leg").field.citation!.source!.text,
        "ODG Treatment in Workers' Comp",
      );
    });

    it('reads every way of writing pages', () => {
      for (const [pages, range] of [
        ['page 56', [56, 56]],
        ['pages 76-78', [76, 78]],
        ['Page(s): 43', [43, 43]],
        ['pp. 308-310', [308, 310]],
        ['p. 80', [80, 80]],
        ['pages 341–343', [341, 343]],
        ['pages 308-10', [308, 310]],
        ['Page(s): 78, 80', [78, 80]],
      ] as const) {
        assert.deepEqual(citeAll(`Decision based on MTUS Chronic Pain Medical Treatment Guidelines, Opioids, ${pages}`).read[0].pages, range, pages);
      }
      // Pages end where the number does: what follows them is not part of them.
      const { field, text } = citeAll(
        'Decision based on MTUS Chronic Pain Medical Treatment Guidelines, Anti-inflammatory medications, page 22; Medications for chronic pain, pages 60–61',
      );
      assert.deepEqual(field.citation!.pages!.range, rangeOf(text, 'page 22'));
    });

    it('reads every citation of a field: listed after a semicolon or "and", and a second "Decision based on"', () => {
      const listed = citeAll(
        'Decision based on MTUS Chronic Pain Medical Treatment Guidelines, Epidural steroid injections, page 46; ODG Low Back Chapter, Epidural steroid injections',
      );
      assert.deepEqual(listed.read, [
        one('MTUS', { source: 'mtus-chronic-pain', topic: 'Epidural steroid injections', pages: [46, 46] }),
        one('Non-MTUS', { shares: true, source: 'odg', chapter: 'Low Back', topic: 'Epidural steroid injections' }),
      ]);
      assert.equal(listed.field.citation, listed.field.citations[0]);
      assert.deepEqual(listed.field.citations[1].range, rangeOf(listed.text, 'ODG Low Back Chapter, Epidural steroid injections'));
      assert.equal(listed.field.citations[1].prefix, listed.field.citations[0].prefix);

      assert.deepEqual(
        citeAll(
          'Decision based on MTUS Chronic Pain Medical Treatment Guidelines, Opioids, p. 80 and Official Disability Guidelines (ODG), Pain Chapter, Opioids',
        ).read,
        [
          one('MTUS', { source: 'mtus-chronic-pain', topic: 'Opioids', pages: [80, 80] }),
          one('Non-MTUS', { shares: true, source: 'odg', chapter: 'Pain (Chronic)', topic: 'Opioids' }),
        ],
      );
      const second = citeAll(
        'Decision based on MTUS ACOEM, Chapter 8 Neck and Upper Back Complaints, page 181. Decision based on Non-MTUS Citation ODG Neck and Upper Back Chapter, Epidural steroid injections',
      );
      assert.deepEqual(second.read, [
        one('MTUS', { source: 'mtus-acoem-2004', chapter: 'Chapter 8 Neck and Upper Back Complaints', pages: [181, 181] }),
        one('Non-MTUS', { source: 'odg', chapter: 'Neck and Upper Back', topic: 'Epidural steroid injections' }),
      ]);
      assert.deepEqual(second.field.citations[1].prefix.range, rangeOf(second.text, 'Decision based on Non-MTUS Citation'));
    });

    it('does not split a chapter or topic that holds "and" or "&"', () => {
      for (const citation of [
        'Decision based on MTUS ACOEM Practice Guidelines, 2nd Edition (2004), Chapter 11 Forearm, Wrist, and Hand Complaints, pages 268-269',
        'Decision based on Non-MTUS Citation ODG Mental Illness & Stress Chapter, Cognitive therapy and biofeedback',
        'Decision based on Non-MTUS Citation ODG Knee & Leg (Acute & Chronic), Chronic Pain and Opioids',
      ]) {
        assert.equal(citeAll(citation).read.length, 1, citation);
      }
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

  describe('building', () => {
    it('asks for the profile the front matter names, and for the default when it names none as text', () => {
      const asked: (string | undefined)[] = [];
      const resolve = (requested: string | undefined) => {
        asked.push(requested);
        return resolveProfile(requested);
      };
      for (const frontMatter of ['profile: 2015', 'profile: ca-dwc-imr-2015', 'case: CM15-0071234', 'profile: [ca-dwc-imr]'])
        buildDetermination(draft({ frontMatter }), resolve);
      buildDetermination('No front matter.', resolve);
      assert.deepEqual(asked, [undefined, 'ca-dwc-imr-2015', undefined, undefined, undefined]);
    });

    it('reads the credentials in their section, or anywhere in a draft without it', () => {
      const inSection = build(`${draft({ states: null })}\nState(s) of Licensure: Utah\n`);
      assert.equal(inSection.credentials.states, undefined);
      assert.deepEqual(
        inSection.credentials.specialties?.entries.map((entry) => entry.text),
        ['Preventive Medicine', 'Occupational Medicine'],
      );
      const anywhere = build('Preamble.\n\nState(s) of Licensure: Utah\n\nCLINICAL CASE SUMMARY\n\nText.\n');
      assert.deepEqual(
        anywhere.credentials.states?.entries.map((entry) => entry.text),
        ['Utah'],
      );
    });

    it('keeps the text, its lines and where it ends', () => {
      const text = 'Preamble.\n\nCLINICAL CASE SUMMARY\n\nText.\n';
      const model = build(text);
      assert.equal(model.text, text);
      assert.equal(model.end, text.length);
      assert.deepEqual(
        model.textLines.map((line) => line.content.text),
        ['Preamble.', 'CLINICAL CASE SUMMARY', 'Text.'],
      );
      assert.deepEqual(model.lines.positionAt(text.indexOf('Text.')), { line: 4, character: 0 });
      assert.equal(model.frontMatter, undefined);
      assert.equal(model.repeatedItems, undefined);
      assert.deepEqual(model.items, []);
    });
  });
});
