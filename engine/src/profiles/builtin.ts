// The built-in letter formats of California DWC IMR final determinations.
import type { FieldSpec, Profile } from './types';

const HOW_MADE_STATEMENT =
  'MAXIMUS Federal Services sent the complete case file to an expert reviewer. He/she has no affiliation with the employer, employee, providers or the claims administrator. He/she has been in active clinical practice for more than five years and is currently working at least 24 hours a week in active practice. The expert reviewer was selected based on his/her clinical experience, education, background, and expertise in the same or similar specialties that evaluate and/or treat the medical condition and disputed items/Service. He/she is familiar with governing laws and regulations, including the strength of evidence hierarchy that applies to Independent Medical Review determinations.';

const CREDENTIALS_SKELETON = 'The Expert Reviewer has the following credentials:\n\nState(s) of Licensure: \n\nCertification(s)/Specialty: ';

const SEED_FIELDS: FieldSpec[] = [
  { kind: 'claimsAdministrator', label: 'Claims Administrator guideline', aliases: ['Claims Administrator guidelines'], subject: 'The Claims Administrator' },
  { kind: 'reviewer', label: 'MAXIMUS guideline', aliases: ['MAXIMUS guidelines', 'Expert Reviewer guideline'], subject: 'The Expert Reviewer' },
  { kind: 'rationale', label: 'Decision rationale', aliases: ['Rationale'] },
];

export const caDwcImr: Profile = {
  id: 'ca-dwc-imr',
  description: 'California DWC IMR final determination (current format, as in the seed letter).',
  sections: [
    {
      id: 'how-made',
      title: 'HOW THE IMR FINAL DETERMINATION WAS MADE',
      aliases: [],
      required: true,
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
      skeleton: 'The Final Determination was based on decisions for the disputed items/services set forth below:',
    },
  ],
  issuesSection: 'issues',
  credentialsSection: 'how-made',
  decisions: { upheld: 'Upheld', overturned: 'Overturned' },
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
      skeleton: caDwcImr.sections[2].skeleton,
    },
  ],
  issuesSection: 'issues',
  credentialsSection: 'how-made',
  decisions: { upheld: 'Upheld', overturned: 'Overturned' },
  fields: SEED_FIELDS,
  rules: {},
};

export const caDwcImr2013: Profile = {
  id: 'ca-dwc-imr-2013',
  description: 'California DWC IMR final determination, 2013 format (headings end with a colon).',
  sections: [
    { id: 'issues', title: 'ISSUE AT DISPUTE', aliases: ['ISSUES AT DISPUTE'], required: true },
    { id: 'case-summary', title: 'CASE SUMMARY', aliases: [], required: true },
    { id: 'documents', title: 'DOCUMENTS REVIEWED FOR DETERMINATION', aliases: [], required: true },
    {
      id: 'guidelines',
      title: 'MEDICAL TREATMENT GUIDELINE(S) RELIED UPON BY PROFESSIONAL REVIEWER AND WHY',
      aliases: ['MEDICAL TREATMENT GUIDELINES RELIED UPON BY PROFESSIONAL REVIEWER AND WHY'],
      required: true,
    },
    {
      id: 'rationale',
      title: 'RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE IS/WAS NOT MEDICALLY NECESSARY',
      aliases: ['RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE IS/IS NOT MEDICALLY NECESSARY'],
      required: true,
    },
    {
      id: 'qualifications',
      title: 'MEDICAL REVIEWER QUALIFICATIONS',
      aliases: [],
      required: true,
      skeleton: CREDENTIALS_SKELETON,
    },
  ],
  issuesSection: 'issues',
  credentialsSection: 'qualifications',
  decisions: { upheld: 'Upheld', overturned: 'Overturned' },
  fields: [],
  // The 2013 letters carry guidelines and rationale in sections of their own, not as fields of each item.
  rules: {
    'item-fields': 'off',
    'field-order': 'off',
    'citation-format': 'off',
    'mtus-statement': 'off',
    'non-mtus-explained': 'off',
    'conclusion-decision': 'off',
  },
};

export const builtinProfiles: readonly Profile[] = [caDwcImr, caDwcImr2015, caDwcImr2013];

export const DEFAULT_PROFILE_ID = caDwcImr.id;
