import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { determinationSkeleton, itemSnippet } from '../../engine/src/language/skeleton';
import { builtinProfiles } from '../../engine/src/profiles/builtin';

// The skeletons written out whole: titles, the letter's set text, each tab stop and choice in its order.
const HOW_MADE =
  'MAXIMUS Federal Services sent the complete case file to an expert reviewer. He/she has no affiliation with the employer, employee, providers or the claims administrator. He/she has been in active clinical practice for more than five years and is currently working at least 24 hours a week in active practice. The expert reviewer was selected based on his/her clinical experience, education, background, and expertise in the same or similar specialties that evaluate and/or treat the medical condition and disputed items/Service. He/she is familiar with governing laws and regulations, including the strength of evidence hierarchy that applies to Independent Medical Review determinations.';

describe('the skeletons written out', () => {
  it('writes the whole determination and one item for ca-dwc-imr', () => {
    const profile = builtinProfiles.find((candidate) => candidate.id === 'ca-dwc-imr')!;
    assert.equal(
      determinationSkeleton(profile),
      [
        '---',
        'profile: ca-dwc-imr',
        '---',
        '',
        'HOW THE IMR FINAL DETERMINATION WAS MADE',
        '',
        HOW_MADE,
        '',
        'The Expert Reviewer has the following credentials:',
        '',
        'State(s) of Licensure: ${1:[State(s) of licensure]}',
        '',
        'Certification(s)/Specialty: ${2:[Certification(s) or specialty]}',
        '',
        'CLINICAL CASE SUMMARY',
        '',
        'The expert reviewer developed the following clinical case summary based on a review of the case file, including all medical records:',
        '',
        '${3:[Summary of the case file: the claim, the Utilization Review decision in dispute and the medical records that bear on it.]}',
        '',
        'IMR ISSUES, DECISIONS AND RATIONALES',
        '',
        'The Final Determination was based on decisions for the disputed items/services set forth below:',
        '',
        '${4:Name of the disputed item}:  ${5|Upheld,Overturned|}',
        '',
        'Claims Administrator guideline: The Claims Administrator ${6|based their decision on the MTUS. Decision based on MTUS,did not base their decision on the MTUS. Decision based on Non-MTUS Citation|} ${7:[source, chapter or topic, pages]}',
        '',
        'MAXIMUS guideline: The Expert Reviewer ${8|based their decision on the MTUS. Decision based on MTUS,did not base their decision on the MTUS. Decision based on Non-MTUS Citation|} ${9:[source, chapter or topic, pages]}',
        '',
        'Decision rationale: ${10:[Reasoning from the medical records and the cited guideline.]} ${11|Therefore\\, the request was not medically necessary.,Therefore\\, the request was medically necessary.|}',
        '$0',
      ].join('\n'),
    );
    assert.equal(
      itemSnippet(profile),
      [
        '${1:Name of the disputed item}:  ${2|Upheld,Overturned|}',
        '',
        'Claims Administrator guideline: The Claims Administrator ${3|based their decision on the MTUS. Decision based on MTUS,did not base their decision on the MTUS. Decision based on Non-MTUS Citation|} ${4:[source, chapter or topic, pages]}',
        '',
        'MAXIMUS guideline: The Expert Reviewer ${5|based their decision on the MTUS. Decision based on MTUS,did not base their decision on the MTUS. Decision based on Non-MTUS Citation|} ${6:[source, chapter or topic, pages]}',
        '',
        'Decision rationale: ${7:[Reasoning from the medical records and the cited guideline.]} ${8|Therefore\\, the request was not medically necessary.,Therefore\\, the request was medically necessary.|}',
        '$0',
      ].join('\n'),
    );
  });

  it('writes the whole determination and one item for ca-dwc-imr-2015', () => {
    const profile = builtinProfiles.find((candidate) => candidate.id === 'ca-dwc-imr-2015')!;
    assert.equal(
      determinationSkeleton(profile),
      [
        '---',
        'profile: ca-dwc-imr-2015',
        '---',
        '',
        'HOW THE IMR FINAL DETERMINATION WAS MADE',
        '',
        HOW_MADE,
        '',
        'The Expert Reviewer has the following credentials:',
        '',
        'State(s) of Licensure: ${1:[State(s) of licensure]}',
        '',
        'Certification(s)/Specialty: ${2:[Certification(s) or specialty]}',
        '',
        'DOCUMENTS REVIEWED',
        '',
        '${3:[Text of this section.]}',
        '',
        'CLINICAL CASE SUMMARY',
        '',
        'The expert reviewer developed the following clinical case summary based on a review of the case file, including all medical records:',
        '',
        '${4:[Summary of the case file: the claim, the Utilization Review decision in dispute and the medical records that bear on it.]}',
        '',
        'IMR DECISION(S) AND RATIONALE(S)',
        '',
        'The Final Determination was based on decisions for the disputed items/services set forth below:',
        '',
        '${5:Name of the disputed item}:  ${6|Upheld,Overturned|}',
        '',
        'Claims Administrator guideline: The Claims Administrator ${7|based their decision on the MTUS. Decision based on MTUS,did not base their decision on the MTUS. Decision based on Non-MTUS Citation|} ${8:[source, chapter or topic, pages]}',
        '',
        'MAXIMUS guideline: The Expert Reviewer ${9|based their decision on the MTUS. Decision based on MTUS,did not base their decision on the MTUS. Decision based on Non-MTUS Citation|} ${10:[source, chapter or topic, pages]}',
        '',
        'Decision rationale: ${11:[Reasoning from the medical records and the cited guideline.]} ${12|Therefore\\, the request was not medically necessary.,Therefore\\, the request was medically necessary.|}',
        '$0',
      ].join('\n'),
    );
    assert.equal(
      itemSnippet(profile),
      [
        '${1:Name of the disputed item}:  ${2|Upheld,Overturned|}',
        '',
        'Claims Administrator guideline: The Claims Administrator ${3|based their decision on the MTUS. Decision based on MTUS,did not base their decision on the MTUS. Decision based on Non-MTUS Citation|} ${4:[source, chapter or topic, pages]}',
        '',
        'MAXIMUS guideline: The Expert Reviewer ${5|based their decision on the MTUS. Decision based on MTUS,did not base their decision on the MTUS. Decision based on Non-MTUS Citation|} ${6:[source, chapter or topic, pages]}',
        '',
        'Decision rationale: ${7:[Reasoning from the medical records and the cited guideline.]} ${8|Therefore\\, the request was not medically necessary.,Therefore\\, the request was medically necessary.|}',
        '$0',
      ].join('\n'),
    );
  });

  it('writes the whole determination and one item for ca-dwc-imr-2013', () => {
    const profile = builtinProfiles.find((candidate) => candidate.id === 'ca-dwc-imr-2013')!;
    assert.equal(
      determinationSkeleton(profile),
      [
        '---',
        'profile: ca-dwc-imr-2013',
        '---',
        '',
        'Notice of Independent Medical Review Determination',
        '',
        '1) MAXIMUS Federal Services, Inc. has determined the request for ${1:[treatment or service in dispute]} ${2|is not medically necessary and appropriate,is medically necessary and appropriate|}.',
        '',
        'INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE',
        '',
        'A decision has been made for each of the treatment and/or services that were in dispute:',
        '',
        '1) MAXIMUS Federal Services, Inc. has determined the request for ${1} ${2}.',
        '',
        'Medical Qualifications of the Expert Reviewer',
        '',
        'The expert reviewer is Board Certified in ${3:[Certification(s) or specialty]} and is licensed to practice in ${4:[State(s) of licensure]}.',
        '',
        'Case Summary',
        '',
        '${5:[Summary of the case file: the claim, the Utilization Review decision in dispute and the medical records that bear on it.]}',
        '',
        '1) Regarding the request for ${1}:',
        '',
        'Medical Treatment Guideline(s) Relied Upon by the Expert Reviewer: ${6:[source, chapter or topic, pages]}',
        '',
        'Rationale for the Decision: ${7:[Reasoning from the medical records and the cited guideline.]} ${8|Therefore\\, the request is not medically necessary and appropriate.,Therefore\\, the request is medically necessary and appropriate.|}',
        '$0',
      ].join('\n'),
    );
    assert.equal(
      itemSnippet(profile),
      [
        '1) MAXIMUS Federal Services, Inc. has determined the request for ${1:[treatment or service in dispute]} ${2|is not medically necessary and appropriate,is medically necessary and appropriate|}.',
        '',
        '1) Regarding the request for ${1}:',
        '',
        'Medical Treatment Guideline(s) Relied Upon by the Expert Reviewer: ${3:[source, chapter or topic, pages]}',
        '',
        'Rationale for the Decision: ${4:[Reasoning from the medical records and the cited guideline.]} ${5|Therefore\\, the request is not medically necessary and appropriate.,Therefore\\, the request is medically necessary and appropriate.|}',
        '$0',
      ].join('\n'),
    );
  });
});
