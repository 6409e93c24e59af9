import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { builtinProfiles } from '../../engine/src/profiles/builtin';
import { normalizePhrase, vocabularyOf } from '../../engine/src/profiles/vocabulary';

// How each profile reads what people write: titles, labels, decisions, credentials and fill-in marks, case by case.
const [current, , of2013] = builtinProfiles;
const vocabulary = vocabularyOf(current);
const vocabulary2013 = vocabularyOf(of2013);

describe("the profiles' vocabulary", () => {
  it('compares phrases with markup, Word typography, spacing, case and a closing colon set aside', () => {
    const cases: [string, string][] = [
      ['  **Decision rationale:**  ', 'decision rationale'],
      ['## IMR Issues:', 'imr issues'],
      ['> _Clinical\u00a0Case\tSummary_ :', 'clinical case summary'],
      ['Claims Administrator\u2019s \u201cnote\u201d \u2013 here', 'claims administrator\'s "note" - here'],
      ['***', ''],
      [':', ''],
      ['a:b:', 'a:b'],
    ];
    for (const [written, normalized] of cases) assert.equal(normalizePhrase(written), normalized, written);
  });

  it('reads a written decision as valid, a slip of casing, punctuation or spelling, a UR word, or unknown', () => {
    const cases: [string, { class: string; value?: string }][] = [
      ['Upheld', { class: 'valid', value: 'upheld' }],
      ['Overturned', { class: 'valid', value: 'overturned' }],
      ['upheld', { class: 'casing', value: 'upheld' }],
      ['UPHELD', { class: 'casing', value: 'upheld' }],
      ['Upheld.', { class: 'punctuation', value: 'upheld' }],
      ['Overturned;', { class: 'punctuation', value: 'overturned' }],
      ['Up held', { class: 'misspelt', value: 'upheld' }],
      ['Uphold', { class: 'misspelt', value: 'upheld' }],
      ['over-turned', { class: 'misspelt', value: 'overturned' }],
      ['Ovrturnd', { class: 'misspelt', value: 'overturned' }],
      ['Overturn', { class: 'misspelt', value: 'overturned' }],
      ['Approved', { class: 'ur-word', value: 'overturned' }],
      ['was denied', { class: 'ur-word', value: 'upheld' }],
      ['is approved', { class: 'ur-word', value: 'overturned' }],
      ['Modified', { class: 'ur-word', value: undefined }],
      ['Aproved', { class: 'ur-word', value: 'overturned' }],
      ['Deneid', { class: 'ur-word', value: 'upheld' }],
      ['Upheld!', { class: 'punctuation', value: 'upheld' }],
      ['Maybe', { class: 'unknown' }],
      ['Uphe', { class: 'misspelt', value: 'upheld' }],
      ['Upheld in part', { class: 'unknown' }],
      ['', { class: 'unknown' }],
      ['  Overturned  ', { class: 'valid', value: 'overturned' }],
      ['over  turned', { class: 'misspelt', value: 'overturned' }],
    ];
    for (const [written, reading] of cases) assert.deepEqual(vocabulary.decision(written), reading, written);
  });

  it('reads the 2013 determination phrases, a phrase cut short, and no single word as one', () => {
    const cases: [string, { class: string; value?: string }][] = [
      ['is not medically necessary and appropriate', { class: 'valid', value: 'upheld' }],
      ['is medically necessary and appropriate', { class: 'valid', value: 'overturned' }],
      ['is not medically necessary', { class: 'misspelt', value: 'upheld' }],
      ['is medically necessary', { class: 'misspelt', value: 'overturned' }],
      ['Is Medically Necessary And Appropriate', { class: 'casing', value: 'overturned' }],
      ['is not medically necessary and appropriate.', { class: 'punctuation', value: 'upheld' }],
      ['is medical', { class: 'unknown' }],
      ['Upheld', { class: 'unknown' }],
      ['is approved', { class: 'ur-word', value: 'overturned' }],
    ];
    for (const [written, reading] of cases) assert.deepEqual(vocabulary2013.decision(written), reading, written);
  });

  it('finds the section a title names, exactly, or nearly when asked', () => {
    const read = (text: string, near: boolean) => {
      const match = vocabulary.section(text, near);
      return match && [match.kind, match.entry.id, match.canonical];
    };
    assert.deepEqual(read('CLINICAL CASE SUMMARY', false), ['exact', 'case-summary', 'CLINICAL CASE SUMMARY']);
    assert.deepEqual(read('## Clinical Case Summary:', false), ['exact', 'case-summary', 'CLINICAL CASE SUMMARY']);
    assert.equal(read('Clinical Case Sumary', false), undefined);
    assert.deepEqual(read('Clinical Case Sumary', true), ['near', 'case-summary', 'CLINICAL CASE SUMMARY']);
    assert.deepEqual(read('HOW THE IMR FINAL DETERMINATION WAS MAED', true), ['near', 'how-made', 'HOW THE IMR FINAL DETERMINATION WAS MADE']);
    assert.deepEqual(read('IMR ISSUES DECISIONS AND RATIONALE', true), ['near', 'issues', 'IMR ISSUES, DECISIONS AND RATIONALES']);
    for (const none of ['Summary', '', '***', 'x'.repeat(401), 'a '.repeat(75)]) assert.equal(read(none, true), undefined, none.slice(0, 20));
  });

  it('finds a field label opening a line, its colon and where its words end', () => {
    const read = (text: string, near: boolean) => {
      const match = vocabulary.fieldLabel(text, near);
      return match && [match.spec.kind, match.kind, match.labelEnd, match.end];
    };
    assert.deepEqual(read('Decision rationale: x', false), ['rationale', 'exact', 18, 19]);
    assert.deepEqual(read('Decision  Rationale : x', false), ['rationale', 'exact', 19, 21]);
    assert.deepEqual(read('Claims Administrator Guideline:', false), ['claimsAdministrator', 'exact', 30, 31]);
    assert.deepEqual(read('MAXIMUS guidelines: x', true), ['reviewer', 'exact', 18, 19]);
    assert.equal(read('Decison rationale: x', false), undefined);
    assert.deepEqual(read('Decison rationale : x', true), ['rationale', 'near', 17, 19]);
    for (const none of ['Dec: x', 'Maximus guideline x', `${'A long sentence '.repeat(6)}ends here: x`]) assert.equal(read(none, true), undefined, none);
  });

  it('finds a credentials label however its words are joined, and a misspelt one when asked', () => {
    const read = (text: string, near = false) => {
      const match = vocabulary.credentialLabel(text, near);
      return match && [match.credential, match.kind, match.canonical, match.labelEnd, match.end];
    };
    assert.deepEqual(read('State(s) of Licensure: Texas'), ['states', 'exact', 'State(s) of Licensure', 21, 22]);
    assert.deepEqual(read('States of Licensure: Texas'), ['states', 'exact', 'State(s) of Licensure', 19, 20]);
    assert.deepEqual(read('State of Licensure : Texas'), ['states', 'exact', 'State(s) of Licensure', 18, 20]);
    assert.deepEqual(read('Board Certifications and Specialties: X'), ['specialties', 'exact', 'Certification(s)/Specialty', 36, 37]);
    assert.equal(read('Stte of Licnsure: Texas'), undefined);
    assert.deepEqual(read('Stte of Licnsure : Texas', true), ['states', 'near', 'State(s) of Licensure', 16, 18]);
    assert.equal(read('Lic: x', true), undefined);
    assert.equal(read(`${'Licensed in these '.repeat(4)}states: x`, true), undefined);
    // The 2013 letters name credentials in prose, never by a label.
    assert.equal(vocabulary2013.credentialLabel('State(s) of Licensure: Texas'), undefined);
  });

  it('finds where a 2013 qualification names specialties and states', () => {
    assert.deepEqual(
      vocabulary2013.credentialPhrases('The expert reviewer is Board Certified in Internal Medicine and is licensed to practice in California and Nevada.'),
      [
        { credential: 'specialties', start: 23, end: 41 },
        { credential: 'states', start: 67, end: 90 },
      ],
    );
    assert.deepEqual(vocabulary.credentialPhrases('licensed to practice in California'), []);
  });

  it('knows the text a template left, and marks still to fill in, from redactions and references', () => {
    assert.deepEqual(vocabulary.placeholder('[State(s) of licensure]', 'prose'), {
      text: '[State(s) of licensure]',
      place: 'prose',
      fill: "the reviewer's states of licensure",
    });
    assert.deepEqual(vocabulary.placeholder('[treatment or service in dispute]', 'item'), {
      text: '[treatment or service in dispute]',
      place: 'prose',
      fill: 'the treatment or service in dispute',
    });
    assert.deepEqual(vocabulary.placeholder('Name of the disputed item', 'item'), {
      text: 'Name of the disputed item',
      place: 'item',
      fill: 'the name of the disputed item',
    });
    assert.equal(vocabulary.placeholder('Name of the disputed item', 'prose'), undefined);
    for (const mark of ['[TBD]', 'TODO finish', '<name>']) {
      assert.deepEqual(vocabulary.placeholder(` ${mark} `, 'prose'), { text: mark, place: 'prose', fill: 'the text this stands for' }, mark);
    }
    for (const none of ['[REDACTED]', '[sic]', '[12-14]', 'plain text']) assert.equal(vocabulary.placeholder(none, 'prose'), undefined, none);
  });
  it('sets aside markup only at the ends, and reads Word’s spaces, quotes and dashes as plain ones', () => {
    const cases: [string, string][] = [
      ['Item #', 'item #'],
      ['#Title#', 'title#'],
      ['A\u2003B\u200bC\u202fD\u00a0E', 'a b c d e'],
      ['\u2018quoted\u2019 \u02bcx', "'quoted' 'x"],
      ['\u201cq\u201d', '"q"'],
      ['a\u2010b\u2013c\u2014d\u2015e', 'a-b-c-d-e'],
      ['Title :', 'title'],
      ['Title: **', 'title'],
      ['>> Quote >', 'quote >'],
      ['  **  ', ''],
      ['__a__', 'a'],
      ['a : b', 'a : b'],
      ['CLINICAL  CASE \t SUMMARY', 'clinical case summary'],
    ];
    for (const [written, normalized] of cases) assert.equal(normalizePhrase(written), normalized, written);
  });

  it('reads label words with their plurals, "and" and "&" and punctuation set aside', () => {
    const credential = (text: string) => {
      const match = vocabulary.credentialLabel(text, true);
      return match && [match.credential, match.kind, match.labelEnd, match.end];
    };
    assert.deepEqual(credential('Certifications & Specialties: X'), ['specialties', 'exact', 28, 29]);
    assert.deepEqual(credential('Certification and Specialty: X'), ['specialties', 'exact', 27, 28]);
    assert.deepEqual(credential('Board certification(s) / specialties: X'), ['specialties', 'exact', 36, 37]);
    assert.deepEqual(credential('States of licensures: X'), ['states', 'exact', 20, 21]);
    assert.deepEqual(credential('State of Licensures (es): X'), ['states', 'exact', 24, 25]);
    for (const none of ['Specialty Certification: X', 'Stat: X', 'Boss of Licensure: X']) assert.equal(credential(none), undefined, none);
    const field = (text: string) => {
      const match = vocabulary.fieldLabel(text, true);
      return match && [match.spec.kind, match.kind, match.labelEnd, match.end];
    };
    assert.deepEqual(field('Claims Administrator Guidelines: x'), ['claimsAdministrator', 'exact', 31, 32]);
    assert.deepEqual(field('Claim Administrator guideline: x'), ['claimsAdministrator', 'near', 29, 30]);
    assert.deepEqual(field('MAXIMUS Guideline(s): x'), ['reviewer', 'near', 20, 21]);
    assert.deepEqual(field('Decision rationales : x'), ['rationale', 'near', 19, 21]);
    assert.equal(field('The Decision rationale: x'), undefined);
  });
  it('stops at the lengths a title, a label or a decision can have', () => {
    const section = (text: string) => {
      const match = vocabulary.section(text, true);
      return match && [match.kind, match.entry.id];
    };
    assert.deepEqual(section(`CLINICAL CASE SUMMARY${' '.repeat(379)}`), ['exact', 'case-summary']);
    assert.equal(section(`CLINICAL CASE SUMMARY${' '.repeat(380)}`), undefined);
    assert.equal(section('a'.repeat(140)), undefined);
    assert.equal(section('   ***   '), undefined);
    assert.deepEqual(section('CLINICAL CASE SUMMARIES'), ['near', 'case-summary']);
    assert.equal(section('CLINICAL CASE SUMARIES'), undefined);
    const field = (text: string) => {
      const match = vocabulary.fieldLabel(text, true);
      return match && [match.spec.kind, match.kind, match.end];
    };
    for (const none of ['Dec: x', 'Decn: x', 'Decisn: x']) assert.equal(field(none), undefined, none);
    assert.deepEqual(field(`Decision rationale${' '.repeat(72)}: x`), ['rationale', 'exact', 91]);
    assert.deepEqual(field(`Decison rationale${' '.repeat(73)}: x`), ['rationale', 'near', 91]);
    const credential = (text: string) => {
      const match = vocabulary.credentialLabel(text, true);
      return match && [match.credential, match.kind, match.labelEnd, match.end];
    };
    for (const none of ['State: x', 'States: x', `Stte of Licnsure${' '.repeat(45)}: x`]) assert.equal(credential(none), undefined, none);
    assert.deepEqual(credential(`State(s) of Licensure${' '.repeat(39)}: x`), ['states', 'exact', 21, 61]);
    assert.deepEqual(credential(`Stte of Licnsure${' '.repeat(44)}: x`), ['states', 'near', 16, 61]);
    assert.deepEqual(credential('  Stte of Licnsure : x'), ['states', 'near', 18, 20]);
  });

  it('finds each qualification phrase of a 2013 letter once, in order', () => {
    assert.deepEqual(
      vocabulary2013.credentialPhrases('He is licensed to practice in Texas, and is Board Certified in Surgery; is licensed to practice in Ohio.'),
      [
        { credential: 'states', start: 6, end: 29 },
        { credential: 'specialties', start: 44, end: 62 },
        { credential: 'states', start: 75, end: 98 },
      ],
    );
    assert.deepEqual(vocabulary2013.credentialPhrases('Board Certified in Board Certified in Surgery'), [
      { credential: 'specialties', start: 0, end: 18 },
      { credential: 'specialties', start: 19, end: 37 },
    ]);
  });

  it('reads more slips of a decision: stacked punctuation, doubled spaces, a UR word after "was", a phrase cut short', () => {
    const cases: [string, { class: string; value?: string }][] = [
      ['Upheld.;', { class: 'punctuation', value: 'upheld' }],
      ['Upheld..', { class: 'punctuation', value: 'upheld' }],
      ['upheld  ', { class: 'casing', value: 'upheld' }],
      ['UP  HELD', { class: 'misspelt', value: 'upheld' }],
      ['Up  held', { class: 'misspelt', value: 'upheld' }],
      ['was approved', { class: 'ur-word', value: 'overturned' }],
      ['is  approved', { class: 'ur-word', value: 'overturned' }],
      ['isapproved', { class: 'unknown' }],
      ['Uph', { class: 'unknown' }],
      ['Aprov', { class: 'unknown' }],
      ['Denid', { class: 'ur-word', value: 'upheld' }],
      ['Grnted', { class: 'ur-word', value: 'overturned' }],
      ['is not medically necessary and', { class: 'unknown' }],
    ];
    for (const [written, reading] of cases) assert.deepEqual(vocabulary.decision(written), reading, written);
    const cases2013: [string, { class: string; value?: string }][] = [
      ['is not medically necessary and', { class: 'misspelt', value: 'upheld' }],
      ['is medically nec', { class: 'misspelt', value: 'overturned' }],
      ['is not medically', { class: 'misspelt', value: 'upheld' }],
      ['not medically necessary', { class: 'unknown' }],
      ['is denied', { class: 'ur-word', value: 'upheld' }],
    ];
    for (const [written, reading] of cases2013) assert.deepEqual(vocabulary2013.decision(written), reading, written);
  });

  it('knows the placeholders of earlier templates, in their own place', () => {
    assert.deepEqual(vocabulary.placeholder(' [Text of this section.] ', 'prose'), {
      text: '[Text of this section.]',
      place: 'prose',
      fill: 'the text of this section',
    });
    assert.deepEqual(vocabulary.placeholder('Disputed item', 'item'), { text: 'Disputed item', place: 'item', fill: 'the name of the disputed item' });
    assert.equal(vocabulary.placeholder('Disputed item', 'prose'), undefined);
  });
});
