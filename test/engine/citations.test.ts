// A guideline field read as reviewers write it: the statement about the MTUS, then each "Decision based on ..."
// citation and the sources listed after one, each cut into source, edition, year, chapter, topic and pages.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readCitation, readCitations, readStatement } from '../../engine/src/model/citation';
import { matchSource, matchSources } from '../../engine/src/model/citation-reference';
import type { GuidelineCitation } from '../../engine/src/model/types';
import { LineIndex, MappedText } from '../../engine/src/text';

/** The field's text as it stands at `offset` of a document (a line of text before it). */
const field = (text: string, offset = 0) => {
  const document = `${'x'.repeat(offset)}${text}`;
  return { value: MappedText.at(text, offset), index: new LineIndex(document) };
};

/** Each citation of a field, as a plain record of what was read (fields left out when nothing was read). */
const cite = (text: string): Record<string, unknown>[] => {
  const { value, index } = field(text);
  return readCitations(value, index).map(record);
};

const record = (citation: GuidelineCitation): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries({
      text: citation.text,
      kind: citation.kind,
      prefix: citation.prefix.text,
      shares: citation.sharesPrefix,
      reference: citation.reference?.text,
      source: citation.source?.text,
      id: citation.source?.catalogueId,
      edition: citation.edition?.text,
      year: citation.year?.value,
      chapter: citation.chapter?.text,
      catalogueName: citation.chapter?.catalogueName,
      topic: citation.topic?.text,
      pages: citation.pages && [citation.pages.text, citation.pages.from, citation.pages.to],
    }).filter(([, value]) => value !== undefined),
  );

describe('guideline fields', () => {
  describe('the statement about the MTUS', () => {
    it('reads who based the decision on the MTUS or not, with the verb that says it', () => {
      for (const [text, subject, verb, based] of [
        ['The Claims Administrator didn’t base its decision on the MTUS.', 'The Claims Administrator', 'didn’t base', false],
        ["The Claims Administrator doesn't base its decision on the MTUS.", 'The Claims Administrator', "doesn't base", false],
        ['The Expert Reviewer does not base his/her determination on MTUS', 'The Expert Reviewer', 'does not base', false],
        ['The expert reviewers do not base their determinations on the MTUS.', 'The expert reviewers', 'do not base', false],
        ['The expert reviewer bases his or her decisions on the MTUS.', 'The expert reviewer', 'bases', true],
        ['The reviewers base the decision on the MTUS.', 'The reviewers', 'base', true],
        ['the Reviewer based decision on the MTUS', 'the Reviewer', 'based', true],
      ] as const) {
        const { value, index } = field(`As written: ${text} More text.`, 5);
        const statement = readStatement(value, index)!;
        assert.ok(statement, text);
        assert.deepEqual([statement.subject.text, statement.verb.text, statement.basedOnMtus], [subject, verb, based], text);
        assert.equal(statement.text, text.replace(/\.$/, '') + (text.endsWith('.') ? '.' : ''));
        const at = 5 + 'As written: '.length;
        assert.deepEqual(statement.span, { start: at, end: at + statement.text.length });
        assert.deepEqual(statement.subject.span, { start: at, end: at + subject.length });
        const verbAt = at + text.indexOf(verb, subject.length);
        assert.deepEqual(statement.verb.span, { start: verbAt, end: verbAt + verb.length });
      }
    });

    it('has no statement without one, and never takes "did not" into the subject', () => {
      const { value, index } = field('Decision based on MTUS Chronic Pain Medical Treatment Guidelines.');
      assert.equal(readStatement(value, index), undefined);
      const based = field('The reviewer did not base the decision on MTUS.');
      assert.equal(readStatement(based.value, based.index)?.subject.text, 'The reviewer');
    });
  });

  describe('citations', () => {
    it('reads the prefix however it is written, without its closing punctuation', () => {
      assert.deepEqual(cite('Decision based on the MTUS: ACOEM, 3rd ed. (online), Low Back Disorders.'), [
        {
          text: 'Decision based on the MTUS: ACOEM, 3rd ed. (online), Low Back Disorders',
          kind: 'MTUS',
          prefix: 'Decision based on the MTUS',
          reference: 'ACOEM, 3rd ed. (online), Low Back Disorders',
          source: 'ACOEM',
          id: 'acoem-3rd',
          edition: '3rd ed. (online)',
          chapter: 'Low Back Disorders',
          catalogueName: 'Low Back',
        },
      ]);
      assert.deepEqual(cite('Decision based on Non MTUS Citations, ODG, Pain Chapter, Opioids and.'), [
        {
          text: 'Decision based on Non MTUS Citations, ODG, Pain Chapter, Opioids',
          kind: 'Non-MTUS',
          prefix: 'Decision based on Non MTUS Citations',
          reference: 'ODG, Pain Chapter, Opioids',
          source: 'ODG',
          id: 'odg',
          chapter: 'Pain Chapter',
          catalogueName: 'Pain (Chronic)',
          topic: 'Opioids',
        },
      ]);
      assert.deepEqual(cite('Decision based on MTUS - Chronic Pain Medical Treatment Guidelines, Opioids')[0].prefix, 'Decision based on MTUS');
      assert.deepEqual(cite('Decision based on MTUS'), [{ text: 'Decision based on MTUS', kind: 'MTUS', prefix: 'Decision based on MTUS' }]);
      assert.deepEqual(cite('The reviewer relied on the ODG.'), []);
    });

    it('places each part where it is written', () => {
      const text = 'The Expert Reviewer based his decision on the MTUS. Decision based on MTUS ACOEM, 2nd Edition, (2004), Chapter 12, pages 308-10.';
      const { value, index } = field(text, 7);
      const citation = readCitation(value, index)!;
      const at = (part: string): { start: number; end: number } => ({ start: 7 + text.indexOf(part), end: 7 + text.indexOf(part) + part.length });
      assert.deepEqual(citation.span, at('Decision based on MTUS ACOEM, 2nd Edition, (2004), Chapter 12, pages 308-10'));
      assert.deepEqual(citation.prefix.span, at('Decision based on MTUS'));
      assert.deepEqual(citation.reference!.span, at('ACOEM, 2nd Edition, (2004), Chapter 12, pages 308-10'));
      assert.deepEqual(citation.source!.span, at('ACOEM'));
      assert.deepEqual(citation.edition!.span, at('2nd Edition'));
      assert.deepEqual(citation.year!.span, at('2004'));
      assert.deepEqual(citation.chapter!.span, at('Chapter 12'));
      assert.deepEqual(citation.pages!.span, at('pages 308-10'));
      assert.deepEqual([citation.pages!.from, citation.pages!.to], [308, 310]);
      assert.equal(readCitation(field('No citation here.').value, index), undefined);
    });

    it('reads editions and years in every order and spelling', () => {
      for (const [text, edition, year, id] of [
        ['ACOEM Practice Guidelines, Second Edition (2004), Chapter 12 Low Back Complaints', 'Second Edition', 2004, 'mtus-acoem-2004'],
        ['ACOEM Practice Guidelines 2nd Edn., 2004, Chapter 12 Low Back Complaints', '2nd Edn.', 2004, 'mtus-acoem-2004'],
        ['ACOEM Practice Guidelines, third edition, Chronic Pain', 'third edition', undefined, 'acoem-3rd'],
        ['ACOEM, 3rd ed (web), Chronic Pain', '3rd ed (web)', undefined, 'acoem-3rd'],
        ['ACOEM 2011, Chronic Pain', undefined, 2011, 'acoem-3rd'],
        ['ACOEM (print edition 2011), Chronic Pain', 'print edition 2011', 2011, 'acoem-3rd'],
        // The first edition and the first year written are the citation's.
        ['ACOEM, 2004, 2nd Edition, Chapter 12 Low Back Complaints', '2nd Edition', 2004, 'mtus-acoem-2004'],
        ['ACOEM, 2nd Edition, (2004), 2007, Chapter 12 Low Back Complaints', '2nd Edition', 2004, 'mtus-acoem-2004'],
      ] as const) {
        const [citation] = cite(`Decision based on MTUS ${text}`);
        assert.deepEqual([citation.edition, citation.year, citation.id], [edition, year, id], text);
      }
    });

    it('places a year written bare after the source', () => {
      const text = 'Decision based on MTUS ACOEM 2011, Chronic Pain';
      const { value, index } = field(text, 2);
      const citation = readCitation(value, index)!;
      assert.deepEqual([citation.year?.text, citation.year?.value], ['2011', 2011]);
      assert.deepEqual(citation.year?.span, { start: 2 + text.indexOf('2011'), end: 2 + text.indexOf('2011') + 4 });
      assert.deepEqual(citation.chapter?.span, { start: 2 + text.indexOf('Chronic Pain'), end: 2 + text.length });
    });

    it('reads an edition and year inside the name of a source the catalogue does not know', () => {
      assert.deepEqual(cite('Decision based on Non-MTUS Citation Harrison Principles of Internal Medicine, 19th Edition 2015, Chapter 4'), [
        {
          text: 'Decision based on Non-MTUS Citation Harrison Principles of Internal Medicine, 19th Edition 2015, Chapter 4',
          kind: 'Non-MTUS',
          prefix: 'Decision based on Non-MTUS Citation',
          reference: 'Harrison Principles of Internal Medicine, 19th Edition 2015, Chapter 4',
          source: 'Harrison Principles of Internal Medicine',
          edition: '19th Edition',
          year: 2015,
          chapter: 'Chapter 4',
        },
      ]);
      const [harrison] = cite('Decision based on Non-MTUS Citation: Harrison 2012 Neurology, Headache');
      assert.deepEqual([harrison.source, harrison.year, harrison.chapter, harrison.topic], ['Harrison 2012 Neurology', 2012, 'Headache', undefined]);
      const [dashed] = cite('Decision based on Non-MTUS Citation: Harrison, 2012 - Neurology, Headache');
      assert.deepEqual([dashed.source, dashed.year, dashed.chapter, dashed.topic], ['Harrison', undefined, '2012 - Neurology', 'Headache']);
    });

    it('reads pages however they are written, and the names around them', () => {
      for (const [text, topic, pages] of [
        ['Chronic Pain Medical Treatment Guidelines pages 310-308', undefined, ['pages 310-308', 310, 308]],
        ['Chronic Pain Medical Treatment Guidelines, 2009, Opioids, pgs. 76 through 80', 'Opioids', ['pgs. 76 through 80', 76, 80]],
        ['Chronic Pain Medical Treatment Guidelines (2009), Opioids, Page(s): 76-78, 80-82', 'Opioids', ['Page(s): 76-78, 80-82', 76, 82]],
        ['Chronic Pain Medical Treatment Guidelines, Opioids, Page(s): 80, 78', 'Opioids', ['Page(s): 80, 78', 80, 80]],
        ['Chronic Pain Medical Treatment Guidelines page 22, Medications for chronic pain', 'Medications for chronic pain', ['page 22', 22, 22]],
        ['Chronic Pain Medical Treatment Guidelines, Opioids, pages 76-78, Ongoing management', 'Opioids', ['pages 76-78', 76, 78]],
        ['Chronic Pain Medical Treatment Guidelines page 22; Medications for chronic pain', 'Medications for chronic pain', ['page 22', 22, 22]],
        // A dash left behind after the pages ends them.
        ['Chronic Pain Medical Treatment Guidelines, page 22 -, Medications', 'Medications', ['page 22', 22, 22]],
        ['Chronic Pain Medical Treatment Guidelines, Opioids, pp 76 to 78', 'Opioids', ['pp 76 to 78', 76, 78]],
        ['Chronic Pain Medical Treatment Guidelines, Opioids, 76', 'Opioids, 76', undefined],
        // Only a shorter last number is read as an abbreviation.
        ['Chronic Pain Medical Treatment Guidelines, Opioids, pages 50-010', 'Opioids', ['pages 50-010', 50, 10]],
      ] as const) {
        const [citation] = cite(`Decision based on MTUS ${text}`);
        assert.deepEqual([citation.topic, citation.pages], [topic, pages], text);
      }
      // Pages written after a chapter without a comma end it.
      const [chapter] = cite('Decision based on Non-MTUS Citation ODG, Pain Chapter page 5');
      assert.deepEqual([chapter.chapter, chapter.catalogueName, chapter.pages], ['Pain Chapter', 'Pain (Chronic)', ['page 5', 5, 5]]);
      const [odg] = cite('Decision based on Non-MTUS Citation ODG, Pain Chapter, Opioids, page 5; Medications');
      assert.deepEqual([odg.chapter, odg.topic, odg.pages], ['Pain Chapter', 'Opioids', ['page 5', 5, 5]]);
    });

    it('reads the topic written after the pages that close a chapter', () => {
      for (const text of ['ODG, Pain Chapter page 5, Opioids', 'ODG, Pain Chapter, page 5, Opioids', 'ODG Pain Chapter, page 5 - Opioids']) {
        const [citation] = cite(`Decision based on Non-MTUS Citation ${text}`);
        assert.deepEqual(
          [citation.source, citation.chapter, citation.catalogueName, citation.topic, citation.pages],
          ['ODG', 'Pain Chapter', 'Pain (Chronic)', 'Opioids', ['page 5', 5, 5]],
          text,
        );
      }
      // Pages before the chapter: the chapter and the topic follow them.
      const [first] = cite('Decision based on Non-MTUS Citation ODG, page 5; Pain Chapter, Opioids');
      assert.deepEqual([first.chapter, first.topic, first.pages], ['Pain Chapter', 'Opioids', ['page 5', 5, 5]]);
      // Several names after the pages are one topic; a source the catalogue does not know takes its chapter from them.
      const [odg] = cite('Decision based on Non-MTUS Citation ODG, Pain Chapter, pages 76-78, Opioids, ongoing management');
      assert.deepEqual([odg.chapter, odg.topic], ['Pain Chapter', 'Opioids, ongoing management']);
      const [harrison] = cite('Decision based on Non-MTUS Citation Harrison page 5, Neurology, Headache');
      assert.deepEqual([harrison.source, harrison.chapter, harrison.topic, harrison.pages], ['Harrison', 'Neurology', 'Headache', ['page 5', 5, 5]]);
    });

    it('reads a year and an edition written as names of their own, and parentheses inside parentheses as one chapter', () => {
      const [harrison] = cite('Decision based on Non-MTUS Citation Harrison, 2012, 2nd Edition, Neurology');
      assert.deepEqual([harrison.source, harrison.year, harrison.edition, harrison.chapter], ['Harrison', 2012, '2nd Edition', 'Neurology']);
      // A dash pasted from Word against the chapter's first word still separates it from the version.
      const [dashed] = cite('Decision based on MTUS ACOEM Practice Guidelines, 2nd Edition (2004) \u2013Low Back Complaints');
      assert.deepEqual([dashed.year, dashed.chapter, dashed.catalogueName], [2004, 'Low Back Complaints', 'Chapter 12 Low Back Complaints']);
      const [head] = cite('Decision based on Non-MTUS Citation ODG, Head (trauma (including concussion), headaches, etc.), Imaging');
      assert.deepEqual([head.chapter, head.catalogueName, head.topic], ['Head (trauma (including concussion), headaches, etc.)', 'Head', 'Imaging']);
    });

    it('reads a chapter with commas and the "(Acute & Chronic)" ODG prints, however spaced, whole', () => {
      for (const printed of ['(Acute & Chronic)', '( Acute & Chronic )', '(Acute&Chronic)', '(acute and chronic)']) {
        const [citation] = cite(`Decision based on Non-MTUS Citation ODG Forearm, Wrist, & Hand ${printed}, Splinting`);
        assert.deepEqual(
          [citation.chapter, citation.catalogueName, citation.topic],
          [`Forearm, Wrist, & Hand ${printed}`, 'Forearm, Wrist & Hand', 'Splinting'],
          printed,
        );
      }
    });

    it('reads a reference that names no source: its pages or year alone', () => {
      assert.deepEqual(cite('Decision based on MTUS, page 9'), [
        { text: 'Decision based on MTUS, page 9', kind: 'MTUS', prefix: 'Decision based on MTUS', reference: 'page 9', pages: ['page 9', 9, 9] },
      ]);
      assert.deepEqual(cite('Decision based on MTUS 2009'), [
        { text: 'Decision based on MTUS 2009', kind: 'MTUS', prefix: 'Decision based on MTUS', reference: '2009', year: 2009 },
      ]);
    });

    it('places a year read inside the name of an unknown source, and takes no catalogue entry for an edition it does not list', () => {
      const text = 'Decision based on Non-MTUS Citation Harrison Principles 2012 Neurology, Headache';
      const { value, index } = field(text, 4);
      const [harrison] = readCitations(value, index);
      assert.deepEqual([harrison.year?.text, harrison.year?.span], ['2012', { start: 4 + text.indexOf('2012'), end: 4 + text.indexOf('2012') + 4 }]);
      // "12th" is no "2nd": the citation's kind decides, as with no edition.
      const [twelfth] = cite('Decision based on Non-MTUS Citation ACOEM, 12th Edition, Chronic Pain');
      assert.deepEqual([twelfth.edition, twelfth.id], ['12th Edition', 'acoem-3rd']);
    });

    it('reads a chapter written with the dash, the range of years or the "(Acute & Chronic)" ODG prints', () => {
      assert.deepEqual(cite('Decision based on Non-MTUS Citation ODG, Pain (Chronic), Opioids, 2014-2015')[0], {
        text: 'Decision based on Non-MTUS Citation ODG, Pain (Chronic), Opioids, 2014-2015',
        kind: 'Non-MTUS',
        prefix: 'Decision based on Non-MTUS Citation',
        reference: 'ODG, Pain (Chronic), Opioids, 2014-2015',
        source: 'ODG',
        id: 'odg',
        chapter: 'Pain (Chronic)',
        catalogueName: 'Pain (Chronic)',
        topic: 'Opioids, 2014-2015',
      });
      const [lumbar] = cite('Decision based on Non-MTUS Citation ODG Low Back - Lumbar & Thoracic (Acute & Chronic), Discectomy');
      assert.deepEqual([lumbar.chapter, lumbar.catalogueName, lumbar.topic], ['Low Back - Lumbar & Thoracic (Acute & Chronic)', 'Low Back', 'Discectomy']);
      const [forearm] = cite('Decision based on MTUS ACOEM, Chapter 11 Forearm, Wrist, and Hand Complaints, Splinting');
      assert.deepEqual([forearm.chapter, forearm.topic], ['Chapter 11 Forearm, Wrist, and Hand Complaints', 'Splinting']);
      const [unknown] = cite('Decision based on Non-MTUS Citation Harrison Textbook, Neurology, Headache, Migraine');
      assert.deepEqual([unknown.chapter, unknown.catalogueName, unknown.topic], ['Neurology', undefined, 'Headache, Migraine']);
    });

    it('splits the sources listed in one citation, sharing its prefix or naming their own', () => {
      assert.deepEqual(
        cite('Decision based on MTUS ACOEM Practice Guidelines, Chapter 12 Low Back Complaints and Chronic Pain Medical Treatment Guidelines, page 9'),
        [
          {
            text: 'Decision based on MTUS ACOEM Practice Guidelines, Chapter 12 Low Back Complaints',
            kind: 'MTUS',
            prefix: 'Decision based on MTUS',
            reference: 'ACOEM Practice Guidelines, Chapter 12 Low Back Complaints',
            source: 'ACOEM Practice Guidelines',
            id: 'mtus-acoem-2004',
            chapter: 'Chapter 12 Low Back Complaints',
            catalogueName: 'Chapter 12 Low Back Complaints',
          },
          {
            text: 'Chronic Pain Medical Treatment Guidelines, page 9',
            kind: 'MTUS',
            prefix: 'Decision based on MTUS',
            shares: true,
            reference: 'Chronic Pain Medical Treatment Guidelines, page 9',
            source: 'Chronic Pain Medical Treatment Guidelines',
            id: 'mtus-chronic-pain',
            pages: ['page 9', 9, 9],
          },
        ],
      );
      // A source listed under the MTUS prefix is cited as what it is.
      const [, odg] = cite('Decision based on MTUS ACOEM, Chapter 12 Low Back Complaints, and the ODG Low Back Chapter');
      assert.deepEqual([odg.text, odg.kind, odg.shares, odg.chapter], ['ODG Low Back Chapter', 'Non-MTUS', true, 'Low Back Chapter']);
      const [, official] = cite(
        'Decision based on Non-MTUS Citation ODG Pain Chapter, Opioids (ongoing management; and tapering), as well as the Official Disability Guidelines, Knee Chapter',
      );
      assert.deepEqual([official.text, official.catalogueName], ['Official Disability Guidelines, Knee Chapter', 'Knee & Leg']);
      // A source listed with its own kind keeps it, and its own prefix.
      const listed = cite('Decision based on Non-MTUS Citation ODG Low Back Chapter; MTUS Chronic Pain Medical Treatment Guidelines, page 9');
      assert.deepEqual(
        listed.map((citation) => [citation.text, citation.kind, citation.prefix, citation.shares ?? null]),
        [
          ['Decision based on Non-MTUS Citation ODG Low Back Chapter', 'Non-MTUS', 'Decision based on Non-MTUS Citation', null],
          ['MTUS Chronic Pain Medical Treatment Guidelines, page 9', 'MTUS', 'MTUS', false],
        ],
      );
      const own = cite('Decision based on MTUS Chronic Pain Medical Treatment Guidelines, page 9; Non-MTUS Citation: ACOEM Practice Guidelines, Third Edition');
      assert.deepEqual(
        [own[1].kind, own[1].prefix, own[1].source, own[1].id],
        ['Non-MTUS', 'Non-MTUS Citation', 'ACOEM Practice Guidelines, Third Edition', 'acoem-3rd'],
      );
      const spaced = cite(
        'Decision based on MTUS Chronic Pain Medical Treatment Guidelines, page 9; Non-MTUS Citation ACOEM Practice Guidelines, Third Edition',
      );
      assert.deepEqual([spaced[1].prefix, spaced[1].reference], ['Non-MTUS Citation', 'ACOEM Practice Guidelines, Third Edition']);
    });

    it('splits a source listed after a semicolon and a joining word, as letters pasted from Word write it', () => {
      for (const joiner of ['; plus', '; as well as', '; along with', '; and also']) {
        const text = `Decision based on MTUS Chronic Pain Medical Treatment Guidelines, Opioids${joiner} ACOEM Practice Guidelines, 2nd Edition (2004), Chapter 12 Low Back Complaints`;
        assert.deepEqual(
          cite(text).map((citation) => [citation.text, citation.id, citation.topic ?? citation.chapter]),
          [
            ['Decision based on MTUS Chronic Pain Medical Treatment Guidelines, Opioids', 'mtus-chronic-pain', 'Opioids'],
            ['ACOEM Practice Guidelines, 2nd Edition (2004), Chapter 12 Low Back Complaints', 'mtus-acoem-2004', 'Chapter 12 Low Back Complaints'],
          ],
          joiner,
        );
      }
      const [, odg] = cite('Decision based on Non-MTUS Citation ACOEM Practice Guidelines, Third Edition, Opioids; plus the ODG Pain Chapter');
      assert.deepEqual([odg.text, odg.kind, odg.shares, odg.chapter], ['ODG Pain Chapter', 'Non-MTUS', true, 'Pain Chapter']);
    });

    it('lists any source after a semicolon, a distinctive one after "and", and keeps the kind a listed source is given', () => {
      const rows = (text: string) => cite(text).map((citation) => [citation.text, citation.kind, citation.id]);
      assert.deepEqual(rows('Decision based on MTUS Chronic Pain Medical Treatment Guidelines, Opioids; Drug Formulary'), [
        ['Decision based on MTUS Chronic Pain Medical Treatment Guidelines, Opioids', 'MTUS', 'mtus-chronic-pain'],
        ['Drug Formulary', 'MTUS', 'mtus-drug-formulary'],
      ]);
      assert.deepEqual(rows('Decision based on MTUS Chronic Pain Medical Treatment Guidelines, page 9 and Acupuncture Medical Treatment Guideline, page 3'), [
        ['Decision based on MTUS Chronic Pain Medical Treatment Guidelines, page 9', 'MTUS', 'mtus-chronic-pain'],
        ['Acupuncture Medical Treatment Guideline, page 3', 'MTUS', 'mtus-acupuncture'],
      ]);
      // ODG written as an MTUS citation stays one, for the rules to report.
      assert.deepEqual(rows('Decision based on MTUS Chronic Pain Medical Treatment Guidelines, page 9; MTUS Citation ODG Pain Chapter')[1], [
        'MTUS Citation ODG Pain Chapter',
        'MTUS',
        'odg',
      ]);
    });

    it('places a listed source and its own prefix where they are written', () => {
      const text = 'Decision based on Non-MTUS Citation ODG Low Back Chapter; the MTUS Chronic Pain Medical Treatment Guidelines, page 9';
      const { value, index } = field(text, 3);
      const [, listed] = readCitations(value, index);
      const at = (part: string): { start: number; end: number } => ({ start: 3 + text.indexOf(part), end: 3 + text.indexOf(part) + part.length });
      const mtus = 3 + text.indexOf('MTUS Chronic');
      assert.deepEqual(listed.prefix.span, { start: mtus, end: mtus + 'MTUS'.length });
      assert.deepEqual(listed.reference!.span, at('Chronic Pain Medical Treatment Guidelines, page 9'));
      assert.deepEqual(listed.span, at('MTUS Chronic Pain Medical Treatment Guidelines, page 9'));
    });

    it('keeps together what only looks like a list: "and" in a name, a list in parentheses, an unknown source', () => {
      for (const text of [
        'Decision based on MTUS Chronic Pain Medical Treatment Guidelines, Opioids and Hand Surgery',
        'Decision based on Non-MTUS Citation ODG Pain Chapter, Opioids (ongoing management; and ODG tapering)',
        'Decision based on MTUS Chronic Pain Medical Treatment Guidelines, Opioids; and the Non-MTUS Citation Harrison Textbook, Chapter 4',
        'Decision based on MTUS Chronic Pain Medical Treatment Guidelines, Opioids, and tapering',
        // A source's plain short name after "and" is a word of the topic.
        'Decision based on MTUS ACOEM, Chapter 13 Knee Complaints, Meniscectomy and postsurgical rehabilitation',
      ]) {
        assert.equal(cite(text).length, 1, text);
      }
      assert.deepEqual(
        cite('Decision based on MTUS Chronic Pain Medical Treatment Guidelines; ')[0].text,
        'Decision based on MTUS Chronic Pain Medical Treatment Guidelines',
      );
    });

    it('reads an unfinished citation as naming nothing, its full stop kept in its text', () => {
      assert.deepEqual(cite('Decision based on MTUS.'), [{ text: 'Decision based on MTUS.', kind: 'MTUS', prefix: 'Decision based on MTUS' }]);
      assert.deepEqual(
        cite('Decision based on MTUS and').map((citation) => [citation.reference, citation.source]),
        [[undefined, undefined]],
      );
    });

    it('keeps a source named inside parentheses within parentheses in the citation around it', () => {
      const text = 'Decision based on Non-MTUS Citation ODG Pain Chapter, Opioids (criteria for use (weaning) and ACOEM Chronic Pain)';
      assert.deepEqual(
        cite(text).map((citation) => citation.topic),
        ['Opioids (criteria for use (weaning) and ACOEM Chronic Pain)'],
      );
    });

    it('reads each "Decision based on" of a field as a citation of its own', () => {
      assert.deepEqual(
        cite('Decision based on MTUS Chronic Pain Medical Treatment Guidelines. Decision based on MTUS ACOEM, Chapter 12').map((citation) => [
          citation.text,
          citation.id,
          citation.catalogueName,
        ]),
        [
          ['Decision based on MTUS Chronic Pain Medical Treatment Guidelines', 'mtus-chronic-pain', undefined],
          ['Decision based on MTUS ACOEM, Chapter 12', 'mtus-acoem-2004', 'Chapter 12 Low Back Complaints'],
        ],
      );
    });
  });

  describe('catalogue sources', () => {
    it('matches a source with its initials and qualifiers, the longest first, the kind deciding among equals', () => {
      const odg = matchSource('Official Disability Guidelines (ODG) Treatment in Workers’ Comp, Pain Chapter', 'Non-MTUS')!;
      assert.equal(odg.source.id, 'odg');
      assert.equal(
        'Official Disability Guidelines (ODG) Treatment in Workers’ Comp, Pain Chapter'.slice(0, odg.length),
        'Official Disability Guidelines (ODG) Treatment in Workers’ Comp',
      );
      assert.equal(matchSource('ACOEM, Chapter 12', 'MTUS')?.source.id, 'mtus-acoem-2004');
      assert.equal(matchSource('ACOEM, Chronic Pain', 'Non-MTUS')?.source.id, 'acoem-3rd');
      assert.equal(matchSource('Harrison', 'MTUS'), undefined);
      assert.equal(matchSource('', 'MTUS'), undefined);
      // Every source whose name opens the text, longest first.
      const all = matchSources('ACOEM Practice Guidelines, Chapter 12', 'MTUS');
      assert.ok(all.length >= 2);
      assert.deepEqual(
        all.map((match) => match.length),
        [...all.map((match) => match.length)].sort((a, b) => b - a),
      );
      assert.equal(all[0].length, 'ACOEM Practice Guidelines'.length);
      // Names of the same length: the citation's kind first.
      for (const kind of ['MTUS', 'Non-MTUS'] as const) {
        assert.deepEqual(
          matchSources('ACOEM, Chapter 12', kind).map((match) => [match.source.kind, match.length]),
          [
            [kind, 5],
            [kind === 'MTUS' ? 'Non-MTUS' : 'MTUS', 5],
          ],
        );
      }
      // A longer name of the other kind is the source, not a shorter one of the citation's kind.
      assert.equal(matchSource('ACOEM Practice Guidelines, 3rd Edition, Hip Chapter', 'MTUS')?.source.id, 'acoem-3rd');
      // Names of one length and one kind keep the catalogue's order, whichever kind the citation has.
      for (const kind of ['MTUS', 'Non-MTUS'] as const) {
        assert.deepEqual(
          matchSources('ACOEM Practice Guidelines 3rd Edition, Hip Chapter', kind)
            .slice(0, 2)
            .map((match) => match.alias),
          ['ACOEM Practice Guidelines, 3rd Edition', 'ACOEM Practice Guidelines 3rd Edition'],
          kind,
        );
      }
      // Qualifiers and initials in any order, each taken as long as one follows.
      const [twc] = cite('Decision based on Non-MTUS Citation Official Disability Guidelines Treatment in Workers\u2019 Comp (ODG-TWC), Knee Chapter');
      assert.deepEqual([twc.source, twc.chapter], ['Official Disability Guidelines Treatment in Workers\u2019 Comp (ODG-TWC)', 'Knee Chapter']);
      // A name that runs on into a longer word is no match.
      assert.equal(matchSource('ODGs', 'Non-MTUS'), undefined);
    });
  });
});
