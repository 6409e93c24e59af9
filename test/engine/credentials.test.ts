// The reviewer's credentials as letters give them: labelled lines (current letters) or a sentence of prose (2013),
// each list cut into its states or specialties, with where each entry stands.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveProfile } from '../../engine/src/config/profiles';
import { buildDetermination } from '../../engine/src/model/build';
import type { CredentialEntry, Credentials, Determination } from '../../engine/src/model/types';
import { draft, rangeOf } from '../support/drafts';

const build = (text: string): Determination => buildDetermination(text, (requested) => resolveProfile(requested));
const texts = (entries: CredentialEntry[] | undefined): string[] | undefined => entries?.map((entry) => entry.text);

/** The credentials of a current letter whose states and specialties lines say what is given. */
const labelled = (states: string | null, specialties: string | null = 'Internal Medicine'): { text: string; credentials: Credentials } => {
  const text = draft({ states, specialties });
  return { text, credentials: build(text).credentials };
};

/** A 2013 letter whose qualifications section says `qualifications`, over as many paragraphs as given. */
const letter2013 = (...qualifications: string[]): string =>
  [
    '---\nprofile: ca-dwc-imr-2013\n---',
    'NOTICE OF INDEPENDENT MEDICAL REVIEW DETERMINATION',
    '1) MAXIMUS Federal Services, Inc. has determined the request for Lidoderm 5% patch #30 is not medically necessary and appropriate.',
    'INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE',
    '1) MAXIMUS Federal Services, Inc. has determined the request for Lidoderm 5% patch #30 is not medically necessary and appropriate.',
    'Medical Qualifications of the Expert Reviewer:',
    ...qualifications,
    'Case Summary:',
    'The applicant is a 61-year-old clerk with chronic low back pain.',
  ].join('\n\n') + '\n';

describe('credentials', () => {
  describe('as labelled lines', () => {
    it('cuts states at commas, semicolons, "and" and "&", and keeps each entry where it is written', () => {
      const { text, credentials } = labelled('Texas; Ohio and New York & Rhode Island, and California.');
      assert.deepEqual(texts(credentials.states?.entries), ['Texas', 'Ohio', 'New York', 'Rhode Island', 'California']);
      assert.deepEqual(
        credentials.states!.entries.map((entry) => entry.range),
        ['Texas', 'Ohio', 'New York', 'Rhode Island', 'California'].map((state) => rangeOf(text, state)),
      );
      assert.equal(credentials.states!.label.text, 'State(s) of Licensure:');
      assert.deepEqual(credentials.states!.label.range, rangeOf(text, 'State(s) of Licensure:'));
      assert.deepEqual(credentials.states!.range, rangeOf(text, 'State(s) of Licensure: Texas; Ohio and New York & Rhode Island, and California.'));
    });

    it('keeps "and" inside a specialty, and splits only at ", and" or a semicolon', () => {
      const { credentials } = labelled('California', 'Allergy and Immunology, Physical Medicine & Rehabilitation; Pain Medicine, and Internal Medicine');
      assert.deepEqual(texts(credentials.specialties?.entries), [
        'Allergy and Immunology',
        'Physical Medicine & Rehabilitation',
        'Pain Medicine',
        'Internal Medicine',
      ]);
    });

    it('drops the closing full stop but keeps the one of an abbreviation', () => {
      assert.deepEqual(texts(labelled('California', 'Chiropractic, D.C.').credentials.specialties?.entries), ['Chiropractic', 'D.C.']);
      assert.deepEqual(texts(labelled('California', 'Doctor of Chiropractic, DC.').credentials.specialties?.entries), ['Doctor of Chiropractic', 'DC']);
      assert.deepEqual(texts(labelled('Washington D.C.').credentials.states?.entries), ['Washington D.C.']);
      assert.deepEqual(texts(labelled('Nevada, Utah.').credentials.states?.entries), ['Nevada', 'Utah']);
    });

    it('skips empty pieces and reads a label with nothing after it as no entries', () => {
      assert.deepEqual(texts(labelled('Texas,, Ohio ,').credentials.states?.entries), ['Texas', 'Ohio']);
      const empty = labelled('').credentials.states;
      assert.ok(empty, 'the label is read');
      assert.deepEqual(empty.entries, []);
    });

    it("marks a template's fill-in text as a placeholder, and only that entry", () => {
      const { credentials } = labelled('[State(s) of licensure]', 'Internal Medicine, [specialty]');
      assert.equal(credentials.states?.entries[0].placeholder?.fill, "the reviewer's states of licensure");
      assert.deepEqual(
        credentials.specialties?.entries.map((entry) => [entry.text, entry.placeholder?.fill]),
        [
          ['Internal Medicine', undefined],
          ['[specialty]', 'the text this stands for'],
        ],
      );
      assert.equal('placeholder' in credentials.specialties!.entries[0], false, 'an entry that is no placeholder has none');
    });

    it('keeps the first of two lines of a credential and reads misspelt labels apart', () => {
      const text = draft({ states: 'Texas\n\nState(s) of Licensure: Ohio\n\nStat of Licensur: Nevada' });
      const { credentials } = build(text);
      assert.deepEqual(texts(credentials.states?.entries), ['Texas']);
      assert.deepEqual(
        credentials.nearLabels.map((label) => [label.text, label.canonical, label.credential]),
        [['Stat of Licensur', 'State(s) of Licensure', 'states']],
      );
      assert.deepEqual(credentials.nearLabels[0].range, rangeOf(text, 'Stat of Licensur'));
    });

    it('reads labels on the lines of one paragraph, as Word pastes them, but a misspelt one only opening a paragraph', () => {
      const together = labelled('Texas\nCertification(s)/Specialty: Internal Medicine', null).credentials;
      assert.deepEqual([texts(together.states?.entries), texts(together.specialties?.entries)], [['Texas'], ['Internal Medicine']]);
      assert.deepEqual(labelled('Texas\nStat of Licensur: Nevada', null).credentials.nearLabels, []);
      assert.deepEqual(
        labelled('Texas\n\nStat of Licensur: Nevada', null).credentials.nearLabels.map((label) => label.text),
        ['Stat of Licensur'],
      );
    });

    it('has no credentials when the draft gives none', () => {
      const { credentials } = labelled(null, null);
      assert.equal(credentials.states, undefined);
      assert.equal(credentials.specialties, undefined);
      assert.deepEqual(credentials.nearLabels, []);
    });
  });

  describe('entries with full stops', () => {
    it('keeps a full stop inside an entry and drops only the one that ends the line', () => {
      const { credentials } = labelled('Texas', 'Internal Medicine (incl. Geriatrics), Occupational Medicine.');
      assert.deepEqual(texts(credentials.specialties?.entries), ['Internal Medicine (incl. Geriatrics)', 'Occupational Medicine']);
    });
  });

  describe('in prose (2013 letters)', () => {
    it('reads the specialty and the states of one sentence, each list up to the next clause', () => {
      const text = letter2013(
        'The expert reviewer is Board Certified in Physical Medicine and Rehabilitation and is licensed to practice in California and Nevada. The expert reviewer has been in active clinical practice for more than five years.',
      );
      const { credentials } = build(text);
      assert.deepEqual(texts(credentials.specialties?.entries), ['Physical Medicine and Rehabilitation']);
      assert.deepEqual(texts(credentials.states?.entries), ['California', 'Nevada']);
      assert.equal(credentials.specialties!.label.text, 'Board Certified in');
      assert.deepEqual(credentials.specialties!.range, rangeOf(text, 'Board Certified in Physical Medicine and Rehabilitation'));
      assert.deepEqual(credentials.states!.range, rangeOf(text, 'licensed to practice in California and Nevada'));
      assert.deepEqual(credentials.states!.entries[1].range, rangeOf(text, 'Nevada'));
    });

    it('reads a sentence that PDF extraction broke over lines, to its end', () => {
      const text = letter2013('The expert reviewer is licensed to practice in California,\nOregon and\nWashington');
      const { credentials } = build(text);
      assert.deepEqual(texts(credentials.states?.entries), ['California', 'Oregon', 'Washington']);
      assert.deepEqual(credentials.states!.entries[2].range, rangeOf(text, 'Washington'));
      assert.equal(credentials.specialties, undefined);
    });

    it('ends a list at "who", "with", "has", "since" or a full stop, and drops a full stop left at the end', () => {
      for (const [sentence, states] of [
        ['The reviewer is licensed in Arizona who practices daily.', ['Arizona']],
        ['The reviewer is licensed in Arizona with an active practice.', ['Arizona']],
        ['The reviewer is licensed in Arizona and has practiced for ten years.', ['Arizona']],
        ['The reviewer is licensed in Arizona since 2001.', ['Arizona']],
        ['The reviewer is licensed in Arizona and Utah.', ['Arizona', 'Utah']],
        ['The reviewer is licensed in Arizona and Utah .', ['Arizona', 'Utah']],
      ] as const) {
        assert.deepEqual(texts(build(letter2013(sentence)).credentials.states?.entries), states, sentence);
      }
    });

    it('ends a list before the doubled spaces of text pasted from Word', () => {
      const text = letter2013(
        'The expert reviewer is Board Certified in Internal Medicine  with a subspecialty, and is licensed to practice in California and  was in active practice.',
      );
      const { credentials } = build(text);
      assert.deepEqual([texts(credentials.specialties?.entries), texts(credentials.states?.entries)], [['Internal Medicine'], ['California']]);
      assert.deepEqual(credentials.specialties!.range, rangeOf(text, 'Board Certified in Internal Medicine'));
      assert.deepEqual(credentials.states!.range, rangeOf(text, 'licensed to practice in California'));
    });

    it("marks the template's fill-in text left in the sentence as what it stands for", () => {
      const text = letter2013(
        'The expert reviewer is Board Certified in [Certification(s) or specialty] and is licensed to practice in [State(s) of licensure].',
      );
      const { credentials } = build(text);
      assert.deepEqual(
        [credentials.specialties, credentials.states].map((credential) => credential?.entries.map((entry) => [entry.text, entry.placeholder?.fill])),
        [
          [['[Certification(s) or specialty]', "the reviewer's certifications or specialties"]],
          [['[State(s) of licensure]', "the reviewer's states of licensure"]],
        ],
      );
    });

    it('reads a list that runs on to the next phrase, and only the first mention of each credential', () => {
      const text = letter2013(
        'The reviewer is licensed to practice in Ohio, board-certified in Family Medicine, and licensed in Texas.',
        'The reviewer is Board Certified in Internal Medicine.',
      );
      const { credentials } = build(text);
      assert.deepEqual(texts(credentials.states?.entries), ['Ohio']);
      assert.deepEqual(texts(credentials.specialties?.entries), ['Family Medicine']);
    });

    it('has no labelled lines to read in prose', () => {
      const text = letter2013('State(s) of Licensure: California', 'The reviewer is a Doctor of Chiropractic.');
      const { credentials } = build(text);
      assert.equal(credentials.states, undefined);
      assert.deepEqual(texts(credentials.specialties?.entries), ['Chiropractic']);
      assert.deepEqual(credentials.nearLabels, []);
    });
  });
});
