import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseConfigFile } from '../../engine/src/config/parse';
import { phi } from '../../engine/src/rules/phi';
import { applyFix, draft, findingsOf, item, lintText, rangeOf } from '../support/drafts';

describe('phi', () => {
  for (const [kind, sentence, found] of [
    ['a social security number', 'Her SSN, 572-38-1946, appears on the claim form.', '572-38-1946'],
    ['a phone number', 'The evaluator can be reached at (916) 555-0142 for questions.', '(916) 555-0142'],
    ['a phone number', 'Call 916.555.0142 to schedule.', '916.555.0142'],
    // Three digits, three, four: a phone number, not a social security number (three, two, four).
    ['a phone number', 'The office line, 916-555-0142, was listed on the request for authorization.', '916-555-0142'],
    ['an e-mail address', 'Records were sent to jmarquez@valleypsych.com in May.', 'jmarquez@valleypsych.com'],
    ['a date of birth', 'The applicant (DOB: 03/14/1973) is right-handed.', 'DOB: 03/14/1973'],
    ['a date of birth', 'The applicant, born on March 14, 1973, is right-handed.', 'born on March 14, 1973'],
    ['a street address', 'The applicant lives at 2417 Alder Creek Road with his wife.', '2417 Alder Creek Road'],
    ['a personal name', 'The applicant was seen by Dr. Marquez on May 2, 2014.', 'Dr. Marquez'],
    ['a personal name', 'Mrs. Alvarez-Ortiz reported the injury.', 'Mrs. Alvarez-Ortiz'],
  ] as const) {
    it(`warns about ${kind}: "${found}", and redacts it`, () => {
      const text = draft({ summary: sentence });
      const [finding, ...rest] = findingsOf(text, 'phi');
      assert.equal(rest.length, 0);
      assert.equal(finding.severity, 'warning');
      assert.deepEqual(finding.range, rangeOf(text, found));
      assert.equal(finding.message, `This looks like ${kind}; published determinations are redacted. Remove it or write a neutral term.`);
      const fixed = applyFix(text, finding);
      assert.equal(fixed, text.replace(found, '[REDACTED]'));
      assert.deepEqual(findingsOf(fixed, 'phi'), []);
    });
  }

  it('offers "the attending provider" for a titled name', () => {
    const text = draft({ summary: 'Dr. Marquez sought a lumbar MRI.' });
    const [finding] = findingsOf(text, 'phi');
    assert.match(applyFix(text, finding, 0), /\nthe attending provider sought a lumbar MRI\./);
  });

  it('offers "the applicant" for a name after Mr., Mrs., Ms. or Miss', () => {
    const text = draft({ summary: 'Mr. Johnson filed a claim for low back pain.' });
    const [finding] = findingsOf(text, 'phi');
    assert.equal(finding.suggestions?.[0].title, 'Replace with "the applicant"');
    assert.match(applyFix(text, finding, 0), /\nthe applicant filed a claim for low back pain\./);
  });

  it('finds identifying text anywhere in the draft, including item names and rationales', () => {
    const text = draft({
      items: [item({ rationale: 'Dr. Smith wrote that the request was not medically necessary. Therefore, the request was not medically necessary.' })],
    });
    assert.deepEqual(
      findingsOf(text, 'phi').map((finding) => finding.range),
      [rangeOf(text, 'Dr. Smith')],
    );
  });

  it('does not mistake clinical numbers, dates, citations or drug names for identifying text', () => {
    const summary =
      'Norco 10/325 mg #90 was used. Pain was 6/10. MS Contin 15 mg was tried. Table 12-8, pages 303-304. ICD-10 M54.5, L4-L5 and C5-C6. A 2-3 mm protrusion. On 05/02/2014 and on May 2, 2014 he was seen. The claims administrator (UR) and the attending provider disagreed. He is 5 ft 10 in tall and walks 1 mile. Dr. and Mrs. are titles.';
    assert.deepEqual(findingsOf(draft({ summary }), 'phi'), []);
  });

  it('runs patterns added in configuration', () => {
    const text = draft({ summary: 'Claim number WC-2014-008812 was assigned.' });
    const findings = lintText(text, { config: { privacy: { patterns: [{ name: 'a claim number', pattern: 'WC-\\d{4}-\\d{6}' }] } } }).filter(
      (finding) => finding.ruleId === 'phi',
    );
    assert.deepEqual(
      findings.map((finding) => [finding.range, finding.message]),
      [[rangeOf(text, 'WC-2014-008812'), 'This looks like a claim number; published determinations are redacted. Remove it or write a neutral term.']],
    );
  });

  it('leaves text a configured pattern matches alone once it holds [REDACTED]', () => {
    const text = draft({ summary: 'Claim WC-2014-008812 was assigned. The earlier Claim [REDACTED] was closed in 2013.' });
    const options = { config: { privacy: { patterns: [{ name: 'a claim number', pattern: 'Claim\\s+\\S+' }] } } };
    const [finding, ...rest] = findingsOf(text, 'phi', options);
    assert.equal(rest.length, 0);
    assert.deepEqual(finding.range, rangeOf(text, 'Claim WC-2014-008812'));
    assert.equal(finding.message, 'This looks like a claim number; published determinations are redacted. Remove it or write a neutral term.');
    const fixed = applyFix(text, finding);
    assert.equal(fixed, text.replace('Claim WC-2014-008812', '[REDACTED]'));
    assert.deepEqual(findingsOf(fixed, 'phi', options), []);
  });

  it('can be switched off for one line', () => {
    const text = draft({ summary: '<!-- imr-disable-next-line phi -->\nDr. Marquez is the reviewer of record in the published text.' });
    assert.deepEqual(findingsOf(text, 'phi'), []);
  });
});

describe('phi: each pattern at its edges', () => {
  /** Each finding as [the text it covers, what it says it is, the neutral term offered]. */
  function found(summary: string, config = {}): [string, string, string | undefined][] {
    const text = draft({ summary });
    return findingsOf(text, 'phi', { config }).map((finding) => [
      text.slice(finding.span.start, finding.span.end),
      finding.message.replace(/^This looks like (.*); published determinations are redacted\. Remove it or write a neutral term\.$/, '$1'),
      finding.suggestions?.[0]?.edits[0].newText,
    ]);
  }

  it('takes a social security number only when no digit or dash runs on from it', () => {
    assert.deepEqual(found('SSN 512-44-9031, not 1512-44-9031 nor 512-44-90312 nor 512-44-9031-7.'), [['512-44-9031', 'a social security number', undefined]]);
  });

  it('takes phone numbers with brackets, dots, spaces, a country code, and not one with a digit in front', () => {
    assert.deepEqual(found('Call (916) 555-0142, 916.555.0142, +1 916 555 0142 or 1-916-555-0142; not 9916-555-0142.'), [
      ['(916) 555-0142', 'a phone number', undefined],
      ['916.555.0142', 'a phone number', undefined],
      ['+1 916 555 0142', 'a phone number', undefined],
      ['1-916-555-0142', 'a phone number', undefined],
    ]);
  });

  it('takes an e-mail address whole, and not an @ without a domain', () => {
    assert.deepEqual(found('Write to jane.doe+imr@example.co.uk or x@y.'), [['jane.doe+imr@example.co.uk', 'an e-mail address', undefined]]);
  });

  it('takes a date of birth however its words are capitalised or abbreviated', () => {
    assert.deepEqual(
      found('Date of birth: 01/02/1960. DOB 1-2-60. D.O.B. is March 3, 1961. Born on Jan. 4, 1962. Birthdate was 5/6/1963. DATE OF BIRTH 7/8/1964.'),
      [
        ['Date of birth: 01/02/1960', 'a date of birth', undefined],
        ['DOB 1-2-60', 'a date of birth', undefined],
        ['D.O.B. is March 3, 1961', 'a date of birth', undefined],
        ['Born on Jan. 4, 1962', 'a date of birth', undefined],
        ['Birthdate was 5/6/1963', 'a date of birth', undefined],
        ['DATE OF BIRTH 7/8/1964', 'a date of birth', undefined],
      ],
    );
  });

  it('takes a date of birth in capitals or "Born on" alone on its line', () => {
    for (const [summary, written] of [
      ['Date of Birth: 01/02/1960.', 'Date of Birth: 01/02/1960'],
      ['DATE OF BIRTH 7/8/1964.', 'DATE OF BIRTH 7/8/1964'],
      ['Born on Jan. 4, 1962.', 'Born on Jan. 4, 1962'],
      ['BIRTHDATE 5/6/1963.', 'BIRTHDATE 5/6/1963'],
      ['BORN ON 03/04/1961.', 'BORN ON 03/04/1961'],
    ]) {
      assert.deepEqual(found(summary), [[written, 'a date of birth', undefined]], summary);
    }
  });

  it('takes titled names with a hyphen or an apostrophe, offering a neutral term for each', () => {
    assert.deepEqual(found('Dr. Smith and Dr Jane Doe saw Mr. O’Brien, Mrs Lee, Ms. Kay and Miss Ann Marie.'), [
      ['Dr. Smith', 'a personal name', 'the attending provider'],
      ['Dr Jane Doe', 'a personal name', 'the attending provider'],
      ['Mr. O’Brien', 'a personal name', 'the applicant'],
      ['Mrs Lee', 'a personal name', 'the applicant'],
      ['Ms. Kay', 'a personal name', 'the applicant'],
      ['Miss Ann Marie', 'a personal name', 'the applicant'],
    ]);
    const text = draft({ summary: "Mr. O'Brien reported the injury." });
    const fixed = applyFix(text, findingsOf(text, 'phi')[0], 0);
    assert.equal(fixed, text.replace("Mr. O'Brien", 'the applicant'));
    assert.deepEqual(findingsOf(fixed, 'phi'), []);
  });

  it('reports text once where two patterns meet, and leaves what is already redacted', () => {
    assert.deepEqual(found('Email 512-44-9031@example.com here.'), [['512-44-9031', 'a social security number', undefined]]);
    assert.deepEqual(found('Claim [REDACTED] and SSN [REDACTED]-44-9031.'), []);
  });

  it('takes configured patterns with their flags', () => {
    const privacy = {
      patterns: [
        { name: 'a claim number', pattern: 'CLM\\d{6}', flags: 'gi' },
        { name: 'a policy number', pattern: 'POL-\\d' },
      ],
    };
    assert.deepEqual(found('Claim CLM123456 and clm654321 and POL-9.', { privacy }), [
      ['CLM123456', 'a claim number', undefined],
      ['clm654321', 'a claim number', undefined],
      ['POL-9', 'a policy number', undefined],
    ]);
  });

  it('reports a configured match without the white space it ends with, and never an empty or blank one', () => {
    const privacy = {
      patterns: [
        { name: 'a claim number', pattern: 'Claim\\s+\\d+\\s*' },
        { name: 'nothing', pattern: '\\s*' },
      ],
    };
    assert.deepEqual(found('Claim 4471 was filed. Claim 52 ', { privacy }), [
      ['Claim 4471', 'a claim number', undefined],
      ['Claim 52', 'a claim number', undefined],
    ]);
  });

  it('calls its fix by what it writes', () => {
    const text = draft({ summary: 'Records were sent to jmarquez@valleypsych.com in May.' });
    const [finding] = findingsOf(text, 'phi');
    assert.equal(finding.fix?.title, 'Redact as [REDACTED]');
    assert.equal(finding.suggestions, undefined);
  });
});

describe('phi: its options', () => {
  const problems = (rules: string): string[] =>
    parseConfigFile('/case/.imrrc.json', `{ "rules": { "phi": ${rules} } }`).problems.map((problem) => problem.message);

  it('sends privacy patterns given as its option to their one place, and takes no other option', () => {
    assert.deepEqual(problems('["warning", { "patterns": [] }]'), [
      'privacy patterns are not a rule option: put them under "privacy": { "patterns": [...] } at the top level (or in the imr.privacy setting)',
    ]);
    assert.deepEqual(problems('["warning", { "names": 1, "level": 2 }]'), [
      'this rule takes no options (got "names", "level")',
      'this rule takes no options (got "names", "level")',
    ]);
    assert.deepEqual(problems('["warning", {}]'), []);
  });

  it('says its options are an object when given anything else', () => {
    const parsed = phi.options!.safeParse('patterns');
    assert.equal(parsed.success, false);
    assert.deepEqual(
      parsed.error?.issues.map((issue) => issue.message),
      ['options are an object'],
    );
  });

  it('passes over a configured pattern that does not compile, where no configuration file checked it first', () => {
    const text = draft({ summary: 'Records were sent to jmarquez@valleypsych.com in May.' });
    const config = { privacy: { patterns: [{ name: 'a claim number', pattern: 'WC-(\\d+' }] } };
    assert.deepEqual(
      findingsOf(text, 'phi', { config }).map((finding) => text.slice(finding.span.start, finding.span.end)),
      ['jmarquez@valleypsych.com'],
    );
  });
});
