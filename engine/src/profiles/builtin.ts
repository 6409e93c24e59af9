// The built-in letter formats of California DWC IMR final determinations.
import type { CredentialSpec, DecisionVocabulary, FieldSpec, Profile } from './types';

const HOW_MADE_STATEMENT =
  'MAXIMUS Federal Services sent the complete case file to an expert reviewer. He/she has no affiliation with the employer, employee, providers or the claims administrator. He/she has been in active clinical practice for more than five years and is currently working at least 24 hours a week in active practice. The expert reviewer was selected based on his/her clinical experience, education, background, and expertise in the same or similar specialties that evaluate and/or treat the medical condition and disputed items/Service. He/she is familiar with governing laws and regulations, including the strength of evidence hierarchy that applies to Independent Medical Review determinations.';

const CREDENTIALS_SKELETON = 'The Expert Reviewer has the following credentials:\n\nState(s) of Licensure: \n\nCertification(s)/Specialty: ';

const SEED_FIELDS: FieldSpec[] = [
  { kind: 'claimsAdministrator', label: 'Claims Administrator guideline', aliases: ['Claims Administrator guidelines'], subject: 'The Claims Administrator' },
  { kind: 'reviewer', label: 'MAXIMUS guideline', aliases: ['MAXIMUS guidelines', 'Expert Reviewer guideline'], subject: 'The Expert Reviewer' },
  { kind: 'rationale', label: 'Decision rationale', aliases: ['Rationale'] },
];

/** The current letters' decision words and the conclusions that go with them. */
const DECISION_WORDS: DecisionVocabulary = {
  upheld: 'Upheld',
  overturned: 'Overturned',
  form: 'word',
  conclusions: { upheld: 'Therefore, the request was not medically necessary.', overturned: 'Therefore, the request was medically necessary.' },
};

const LABELLED_CREDENTIALS: CredentialSpec = {
  form: 'labels',
  states: ['State(s) of Licensure', 'States of Licensure', 'State of Licensure', 'State(s) of Licencure'],
  specialties: [
    'Certification(s)/Specialty',
    'Certifications/Specialties',
    'Certification/Specialty',
    'Certifications and Specialties',
    'Board Certification(s)/Specialty',
    'Board Certifications and Specialties',
    'Specialty',
    'Specialties',
  ],
};

export const caDwcImr: Profile = {
  id: 'ca-dwc-imr',
  description: 'California DWC IMR final determination (current format, as in the seed letter).',
  sections: [
    {
      id: 'how-made',
      title: 'HOW THE IMR FINAL DETERMINATION WAS MADE',
      aliases: [],
      required: true,
      distinctive: true,
      skeleton: `${HOW_MADE_STATEMENT}\n\n${CREDENTIALS_SKELETON}`,
    },
    {
      id: 'case-summary',
      title: 'CLINICAL CASE SUMMARY',
      aliases: [],
      required: true,
      skeleton: 'The expert reviewer developed the following clinical case summary based on a review of the case file, including all medical records:',
    },
    {
      id: 'issues',
      title: 'IMR ISSUES, DECISIONS AND RATIONALES',
      aliases: ['IMR ISSUES, DECISIONS AND RATIONALE', 'IMR ISSUES, DECISIONS, AND RATIONALES'],
      required: true,
      distinctive: true,
      skeleton: 'The Final Determination was based on decisions for the disputed items/services set forth below:',
    },
  ],
  issuesSection: 'issues',
  credentialsSection: 'how-made',
  decisions: DECISION_WORDS,
  items: {},
  credentials: LABELLED_CREDENTIALS,
  fields: SEED_FIELDS,
  rules: {},
};

export const caDwcImr2015: Profile = {
  id: 'ca-dwc-imr-2015',
  description: 'California DWC IMR final determination, 2015 format: a documents-reviewed section and "IMR DECISION(S) AND RATIONALE(S)".',
  sections: [
    caDwcImr.sections[0],
    { id: 'documents', title: 'DOCUMENTS REVIEWED', aliases: [], required: true },
    caDwcImr.sections[1],
    {
      id: 'issues',
      title: 'IMR DECISION(S) AND RATIONALE(S)',
      aliases: ['IMR DECISIONS AND RATIONALES', 'IMR DECISION AND RATIONALE'],
      required: true,
      distinctive: true,
      skeleton: caDwcImr.sections[2].skeleton,
    },
  ],
  issuesSection: 'issues',
  credentialsSection: 'how-made',
  decisions: DECISION_WORDS,
  items: {},
  credentials: LABELLED_CREDENTIALS,
  fields: SEED_FIELDS,
  rules: {},
};

/**
 * The first letters (2013), as a published one shows them: a notice with one numbered determination sentence
 * per item, the same sentences again under the decision, the reviewer's qualifications in prose, the case
 * summary, then each item's guideline and rationale under "Regarding the request for ...".
 */
export const caDwcImr2013: Profile = {
  id: 'ca-dwc-imr-2013',
  description: 'California DWC IMR final determination, 2013 format: numbered determination sentences, qualifications in prose.',
  sections: [
    { id: 'notice', title: 'Notice of Independent Medical Review Determination', aliases: [], required: true, distinctive: true },
    {
      id: 'decision',
      title: 'INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE',
      aliases: ['INDEPENDENT MEDICAL REVIEW DECISIONS AND RATIONALES'],
      required: true,
      distinctive: true,
      skeleton: 'A decision has been made for each of the treatment and/or services that were in dispute:',
    },
    {
      id: 'qualifications',
      title: 'Medical Qualifications of the Expert Reviewer',
      aliases: ['Medical Qualifications of Expert Reviewer'],
      required: true,
      distinctive: true,
    },
    { id: 'case-summary', title: 'Case Summary', aliases: [], required: true },
  ],
  issuesSection: 'decision',
  credentialsSection: 'qualifications',
  decisions: {
    upheld: 'is not medically necessary and appropriate',
    overturned: 'is medically necessary and appropriate',
    form: 'phrase',
    conclusions: {
      upheld: 'Therefore, the request is not medically necessary and appropriate.',
      overturned: 'Therefore, the request is medically necessary and appropriate.',
    },
  },
  items: { sentence: 'MAXIMUS Federal Services, Inc. has determined the request for', detail: 'Regarding the request for', repeatedIn: 'notice' },
  credentials: {
    form: 'prose',
    states: ['licensed to practice in', 'licensed in'],
    specialties: ['Board Certified in', 'board-certified in', 'is a Doctor of'],
  },
  fields: [
    {
      kind: 'reviewer',
      label: 'Medical Treatment Guideline(s) Relied Upon by the Expert Reviewer',
      aliases: ['Medical Treatment Guidelines Relied Upon by the Expert Reviewer', 'Medical Treatment Guideline Relied Upon by the Expert Reviewer'],
    },
    { kind: 'rationale', label: 'Rationale for the Decision', aliases: ['Rationale for Decision'] },
  ],
  // The 2013 letters cite guidelines in prose, without the later "Decision based on ..." citation forms.
  rules: { 'citation-format': 'off', 'mtus-statement': 'off', 'non-mtus-explained': 'off' },
};

export const builtinProfiles: readonly Profile[] = [caDwcImr, caDwcImr2015, caDwcImr2013];

export const DEFAULT_PROFILE_ID = caDwcImr.id;
