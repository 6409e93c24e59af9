import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { completionsAt, type Completion } from '../../engine/src/language/completion';
import { lint } from '../../engine/src/lint';

// Each list as the editor shows it: what is offered, what it inserts, over which text, in which order, and why.
const HOW_MADE = '# HOW THE IMR FINAL DETERMINATION WAS MADE\n\nMAXIMUS Federal Services sent the complete case file to an expert reviewer.\n\n';
const ISSUES = '# IMR ISSUES, DECISIONS AND RATIONALES\n\nThe Final Determination was based on decisions for the disputed items/services set forth below:\n\n';

interface Case {
  name: string;
  /** The draft, with ‸ where the cursor stands. */
  marked: string;
  trigger?: string;
  count: number;
  first: string[];
  last: string | null;
}

const cases: Case[] = [
  {
    name: 'a state being typed between two listed, replacing its whole word',
    marked: HOW_MADE + 'State(s) of Licensure: Texas, Oh‸io, California\n',
    count: 54,
    last: 'state "U.S. Virgin Islands" insert "U.S. Virgin Islands" over "Ohio" sort 053 · State of licensure',
    first: [
      'state "Alabama" insert "Alabama" over "Ohio" sort 000 · State of licensure',
      'state "Alaska" insert "Alaska" over "Ohio" sort 001 · State of licensure',
      'state "Arizona" insert "Arizona" over "Ohio" sort 002 · State of licensure',
    ],
  },
  {
    name: 'a state after a semicolon typed',
    marked: HOW_MADE + 'State(s) of Licensure: Texas;‸\n',
    trigger: ';',
    count: 55,
    last: 'state "U.S. Virgin Islands" insert " U.S. Virgin Islands" over "" sort 054 · State of licensure',
    first: [
      'state "Alabama" insert " Alabama" over "" sort 000 · State of licensure',
      'state "Alaska" insert " Alaska" over "" sort 001 · State of licensure',
      'state "Arizona" insert " Arizona" over "" sort 002 · State of licensure',
      'state "Arkansas" insert " Arkansas" over "" sort 003 · State of licensure',
      'state "California" insert " California" over "" sort 004 · State of licensure',
    ],
  },
  {
    name: 'a specialty after two spaces, the rest of the entry replaced up to its trailing space',
    marked: HOW_MADE + 'Certification(s)/Specialty: Preventive Medicine,  Occ‸ \n',
    count: 77,
    last: 'specialty "Speech-Language Pathology" insert "Speech-Language Pathology" over "Occ" sort 076 · Non-physician discipline',
    first: [
      'specialty "Allergy and Immunology" insert "Allergy and Immunology" over "Occ" sort 000 · ABMS member board',
      'specialty "Anesthesiology" insert "Anesthesiology" over "Occ" sort 001 · ABMS member board',
    ],
  },
  {
    name: 'Non-MTUS sources first after a Non-MTUS citation',
    marked:
      HOW_MADE +
      ISSUES +
      'Naproxen 550 mg #60: Upheld\n\nClaims Administrator guideline: The Claims Administrator did not base their decision on the MTUS. Decision based on Non-MTUS Citation ‸\n',
    count: 26,
    last: 'source "Formulary" insert "Formulary" over "" sort 2-010-002 · MTUS · MTUS Drug Formulary (2018)',
    first: [
      'source "ACOEM Practice Guidelines, Third Edition" insert "ACOEM Practice Guidelines, Third Edition" over "" sort 1-000-000 · Non-MTUS',
      'source "Official Disability Guidelines (ODG)" insert "Official Disability Guidelines (ODG)" over "" sort 1-001-000 · Non-MTUS',
      'source "FDA" insert "FDA" over "" sort 1-002-000 · Non-MTUS · FDA labeling',
      'source "U.S. Food and Drug Administration" insert "U.S. Food and Drug Administration" over "" sort 1-002-001 · Non-MTUS · FDA labeling',
    ],
  },
  {
    name: 'MTUS sources first after an MTUS citation',
    marked:
      HOW_MADE +
      ISSUES +
      'Naproxen 550 mg #60: Upheld\n\nClaims Administrator guideline: The Claims Administrator based their decision on the MTUS. Decision based on MTUS ‸\n',
    count: 26,
    last: 'source "Peer-reviewed" insert "Peer-reviewed" over "" sort 2-010-000 · Non-MTUS · Peer-reviewed study',
    first: [
      'source "ACOEM Practice Guidelines, 2nd Edition (2004)" insert "ACOEM Practice Guidelines, 2nd Edition (2004)" over "" sort 1-000-000 · MTUS',
      'source "Chronic Pain Medical Treatment Guidelines" insert "Chronic Pain Medical Treatment Guidelines" over "" sort 1-001-000 · MTUS',
      'source "Acupuncture Medical Treatment Guidelines" insert "Acupuncture Medical Treatment Guidelines" over "" sort 1-002-000 · MTUS',
      'source "Postsurgical Treatment Guidelines" insert "Postsurgical Treatment Guidelines" over "" sort 1-003-000 · MTUS',
      'source "Opioids Treatment Guidelines" insert "Opioids Treatment Guidelines" over "" sort 1-004-000 · MTUS · Opioids Treatment Guidelines (2016)',
      'source "Opioid Treatment Guidelines" insert "Opioid Treatment Guidelines" over "" sort 1-004-001 · MTUS · Opioids Treatment Guidelines (2016)',
    ],
  },
  {
    name: 'chapters of the source named, replacing what follows up to the next comma',
    marked: HOW_MADE + ISSUES + 'Naproxen 550 mg #60: Upheld\n\nClaims Administrator guideline: Decision based on Non-MTUS Citation ODG, ‸ Chapter, Table 2\n',
    count: 18,
    last: 'chapter "Traumatic Brain Injury" insert "Traumatic Brain Injury" over " Chapter" sort 0-017 · Official Disability Guidelines (ODG)',
    first: [
      'chapter "Ankle & Foot" insert "Ankle & Foot" over " Chapter" sort 0-000 · Official Disability Guidelines (ODG)',
      'chapter "Burns" insert "Burns" over " Chapter" sort 0-001 · Official Disability Guidelines (ODG)',
      'chapter "Carpal Tunnel Syndrome" insert "Carpal Tunnel Syndrome" over " Chapter" sort 0-002 · Official Disability Guidelines (ODG)',
    ],
  },
  {
    name: 'nothing while the citation prefix is still being typed',
    marked: HOW_MADE + ISSUES + 'Naproxen 550 mg #60: Upheld\n\nClaims Administrator guideline: Decision based on Non-MTUS Cit‸\n',
    count: 0,
    last: null,
    first: [],
  },
  {
    name: 'both citation forms, spaced, after a bold label',
    marked: HOW_MADE + ISSUES + 'Naproxen 550 mg #60: Upheld\n\n**MAXIMUS guideline:**‸\n',
    trigger: ':',
    count: 2,
    last: null,
    first: [
      'citation "The Expert Reviewer based their decision on the MTUS. Decision based on MTUS" insert " The Expert Reviewer based their decision on the MTUS. Decision based on MTUS " over "" sort 0 · MTUS citation · next list',
      'citation "The Expert Reviewer did not base their decision on the MTUS. Decision based on Non-MTUS Citation" insert " The Expert Reviewer did not base their decision on the MTUS. Decision based on Non-MTUS Citation " over "" sort 1 · Non-MTUS citation · next list',
    ],
  },
  {
    name: 'both citation forms replacing the word typed',
    marked: HOW_MADE + ISSUES + 'Naproxen 550 mg #60: Upheld\n\nMAXIMUS guideline: The‸ \n',
    count: 2,
    last: null,
    first: [
      'citation "The Expert Reviewer based their decision on the MTUS. Decision based on MTUS" insert "The Expert Reviewer based their decision on the MTUS. Decision based on MTUS " over "The" sort 0 · MTUS citation · next list',
      'citation "The Expert Reviewer did not base their decision on the MTUS. Decision based on Non-MTUS Citation" insert "The Expert Reviewer did not base their decision on the MTUS. Decision based on Non-MTUS Citation " over "The" sort 1 · Non-MTUS citation · next list',
    ],
  },
  {
    name: 'no citation form once the statement has a full stop',
    marked: HOW_MADE + ISSUES + 'Naproxen 550 mg #60: Upheld\n\nMAXIMUS guideline: The Expert Reviewer based. ‸\n',
    count: 0,
    last: null,
    first: [],
  },
  {
    name: 'decisions spaced by two after the colon that asked for them',
    marked: HOW_MADE + ISSUES + 'Naproxen 550 mg #60:‸\n',
    trigger: ':',
    count: 2,
    last: null,
    first: [
      'decision "Upheld" insert "  Upheld" over "" sort 0 · the utilization review (UR) denial stands: the requested treatment is not medically necessary',
      'decision "Overturned" insert "  Overturned" over "" sort 1 · the utilization review (UR) decision is reversed: the requested treatment is medically necessary',
    ],
  },
  {
    name: 'decisions replacing the whole word the cursor is in',
    marked: HOW_MADE + ISSUES + 'Naproxen 550 mg #60: Up‸held\n',
    count: 2,
    last: null,
    first: [
      'decision "Upheld" insert "Upheld" over "Upheld" sort 0 · the utilization review (UR) denial stands: the requested treatment is not medically necessary',
      'decision "Overturned" insert "Overturned" over "Upheld" sort 1 · the utilization review (UR) decision is reversed: the requested treatment is medically necessary',
    ],
  },
  {
    name: 'missing field labels first, then missing sections, then the labels already there',
    marked:
      HOW_MADE + ISSUES + 'Naproxen 550 mg #60: Upheld\n\nClaims Administrator guideline: The Claims Administrator based their decision on the MTUS.\n\nD‸\n',
    count: 4,
    last: null,
    first: [
      'field "MAXIMUS guideline" insert "MAXIMUS guideline: " over "D" sort 0-001 · Missing from "Naproxen 550 mg #60" · next list',
      'field "Decision rationale" insert "Decision rationale: " over "D" sort 0-002 · Missing from "Naproxen 550 mg #60"',
      'section "CLINICAL CASE SUMMARY" insert "CLINICAL CASE SUMMARY" over "D" sort 1-001 · Section 2 of 3 in ca-dwc-imr',
      'field "Claims Administrator guideline" insert "Claims Administrator guideline: " over "D" sort 2-000 · Already in "Naproxen 550 mg #60" · next list',
    ],
  },
  {
    name: 'field labels in a list item',
    marked: HOW_MADE + ISSUES + 'Naproxen 550 mg #60: Upheld\n\n- ‸\n',
    count: 4,
    last: null,
    first: [
      'field "Claims Administrator guideline" insert "Claims Administrator guideline: " over "" sort 0-000 · Missing from "Naproxen 550 mg #60" · next list',
      'field "MAXIMUS guideline" insert "MAXIMUS guideline: " over "" sort 0-001 · Missing from "Naproxen 550 mg #60" · next list',
      'field "Decision rationale" insert "Decision rationale: " over "" sort 0-002 · Missing from "Naproxen 550 mg #60"',
      'section "CLINICAL CASE SUMMARY" insert "CLINICAL CASE SUMMARY" over "" sort 1-001 · Section 2 of 3 in ca-dwc-imr',
    ],
  },
  {
    name: 'the section titles in an empty draft',
    marked: '‸\n',
    count: 3,
    last: null,
    first: [
      'section "HOW THE IMR FINAL DETERMINATION WAS MADE" insert "HOW THE IMR FINAL DETERMINATION WAS MADE" over "" sort 1-000 · Section 1 of 3 in ca-dwc-imr',
      'section "CLINICAL CASE SUMMARY" insert "CLINICAL CASE SUMMARY" over "" sort 1-001 · Section 2 of 3 in ca-dwc-imr',
      'section "IMR ISSUES, DECISIONS AND RATIONALES" insert "IMR ISSUES, DECISIONS AND RATIONALES" over "" sort 1-002 · Section 3 of 3 in ca-dwc-imr',
    ],
  },
  {
    name: 'decisions after a bold item name closed before the colon, over the word typed',
    marked: HOW_MADE + ISSUES + '**Lumbar MRI**: Ov‸\n',
    count: 2,
    last: null,
    first: [
      'decision "Upheld" insert "Upheld" over "Ov" sort 0 · the utilization review (UR) denial stands: the requested treatment is not medically necessary',
      'decision "Overturned" insert "Overturned" over "Ov" sort 1 · the utilization review (UR) decision is reversed: the requested treatment is medically necessary',
    ],
  },
  {
    name: 'decisions after a bold item line spaced by one typed space',
    marked: HOW_MADE + ISSUES + '**Lumbar MRI:** ‸\n',
    trigger: ' ',
    count: 2,
    last: null,
    first: [
      'decision "Upheld" insert "Upheld" over "" sort 0 · the utilization review (UR) denial stands: the requested treatment is not medically necessary',
      'decision "Overturned" insert "Overturned" over "" sort 1 · the utilization review (UR) decision is reversed: the requested treatment is medically necessary',
    ],
  },
  {
    name: 'decisions after an item name of twelve words',
    marked: HOW_MADE + ISSUES + 'One two three four five six seven eight nine ten eleven twelve: ‸\n',
    count: 2,
    last: null,
    first: [
      'decision "Upheld" insert "Upheld" over "" sort 0 · the utilization review (UR) denial stands: the requested treatment is not medically necessary',
      'decision "Overturned" insert "Overturned" over "" sort 1 · the utilization review (UR) decision is reversed: the requested treatment is medically necessary',
    ],
  },
  {
    name: 'no decision after a name of thirteen words',
    marked: HOW_MADE + ISSUES + 'One two three four five six seven eight nine ten eleven twelve thirteen: ‸\n',
    count: 0,
    last: null,
    first: [],
  },
  {
    name: 'no decision after a sentence with a colon',
    marked: HOW_MADE + ISSUES + 'The request was reviewed. Result: ‸\n',
    count: 0,
    last: null,
    first: [],
  },
  {
    name: 'no decision after the introduction of the items',
    marked:
      HOW_MADE + '# IMR ISSUES, DECISIONS AND RATIONALES\n\nThe Final Determination was based on decisions for the disputed items set   forth   below: ‸\n',
    count: 0,
    last: null,
    first: [],
  },
  {
    name: 'no decision on the second line of a wrapped paragraph',
    marked: HOW_MADE + ISSUES + 'The applicant was seen on March 2, 2015 and the provider\nnoted these findings: ‸\n',
    count: 0,
    last: null,
    first: [],
  },
  {
    name: 'states, not decisions, after a credentials label in the issues section',
    marked: HOW_MADE + ISSUES + 'State(s) of Licensure: ‸\n',
    count: 56,
    last: 'state "U.S. Virgin Islands" insert "U.S. Virgin Islands" over "" sort 055 · State of licensure',
    first: [
      'state "Alabama" insert "Alabama" over "" sort 000 · State of licensure',
      'state "Alaska" insert "Alaska" over "" sort 001 · State of licensure',
      'state "Arizona" insert "Arizona" over "" sort 002 · State of licensure',
    ],
  },
  {
    name: 'decisions alone below an item name ending with a colon, two blank lines apart',
    marked: HOW_MADE + ISSUES + 'Lumbar MRI:\n\n\nUp‸\n',
    count: 2,
    last: null,
    first: [
      'decision "Upheld" insert "Upheld" over "Up" sort 0 · the utilization review (UR) denial stands: the requested treatment is not medically necessary',
      'decision "Overturned" insert "Overturned" over "Up" sort 1 · the utilization review (UR) decision is reversed: the requested treatment is medically necessary',
    ],
  },
  {
    name: 'decisions alone below a list item name',
    marked: HOW_MADE + ISSUES + '1. Lumbar MRI:\nOv‸\n',
    count: 2,
    last: null,
    first: [
      'decision "Upheld" insert "Upheld" over "Ov" sort 0 · the utilization review (UR) denial stands: the requested treatment is not medically necessary',
      'decision "Overturned" insert "Overturned" over "Ov" sort 1 · the utilization review (UR) decision is reversed: the requested treatment is medically necessary',
    ],
  },
  {
    name: 'decisions below a name three blank lines up',
    marked: HOW_MADE + ISSUES + 'Lumbar MRI:\n\n\n\nUp‸\n',
    count: 2,
    last: null,
    first: [
      'decision "Upheld" insert "Upheld" over "Up" sort 0 · the utilization review (UR) denial stands: the requested treatment is not medically necessary',
      'decision "Overturned" insert "Overturned" over "Up" sort 1 · the utilization review (UR) decision is reversed: the requested treatment is medically necessary',
    ],
  },
  {
    name: 'the missing section title, no decision, below a name four blank lines up',
    marked: HOW_MADE + ISSUES + 'Lumbar MRI:\n\n\n\n\nUp‸\n',
    count: 1,
    last: null,
    first: ['section "CLINICAL CASE SUMMARY" insert "CLINICAL CASE SUMMARY" over "Up" sort 1-001 · Section 2 of 3 in ca-dwc-imr'],
  },
  {
    name: 'no decision below a name of twenty-one words',
    marked:
      HOW_MADE +
      ISSUES +
      'One two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty twenty-one:\nUp‸\n',
    count: 0,
    last: null,
    first: [],
  },
  {
    name: 'decisions below a name of twenty words',
    marked:
      HOW_MADE +
      ISSUES +
      'One two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty:\nUp‸\n',
    count: 2,
    last: null,
    first: [
      'decision "Upheld" insert "Upheld" over "Up" sort 0 · the utilization review (UR) denial stands: the requested treatment is not medically necessary',
      'decision "Overturned" insert "Overturned" over "Up" sort 1 · the utilization review (UR) decision is reversed: the requested treatment is medically necessary',
    ],
  },
  {
    name: 'no decision below a field label alone on its line',
    marked: HOW_MADE + ISSUES + 'Naproxen 550 mg #60: Upheld\n\nDecision rationale:\nUp‸\n',
    count: 0,
    last: null,
    first: [],
  },
  {
    name: 'no decision below a name when text follows on the line',
    marked: HOW_MADE + ISSUES + 'Lumbar MRI:\nUp‸ held\n',
    count: 0,
    last: null,
    first: [],
  },
  {
    name: 'no decision below a sentence ending with a colon',
    marked: HOW_MADE + ISSUES + 'He was seen. The notes say:\nUp‸\n',
    count: 0,
    last: null,
    first: [],
  },
  {
    name: 'field labels in a heading line of the item',
    marked: HOW_MADE + ISSUES + 'Naproxen 550 mg #60: Upheld\n\n### ‸\n',
    count: 4,
    last: 'section "CLINICAL CASE SUMMARY" insert "CLINICAL CASE SUMMARY" over "" sort 1-001 · Section 2 of 3 in ca-dwc-imr',
    first: [
      'field "Claims Administrator guideline" insert "Claims Administrator guideline: " over "" sort 0-000 · Missing from "Naproxen 550 mg #60" · next list',
      'field "MAXIMUS guideline" insert "MAXIMUS guideline: " over "" sort 0-001 · Missing from "Naproxen 550 mg #60" · next list',
      'field "Decision rationale" insert "Decision rationale: " over "" sort 0-002 · Missing from "Naproxen 550 mg #60"',
    ],
  },
  {
    name: 'section titles after a thematic break',
    marked: HOW_MADE + '***\n‸\n',
    count: 2,
    last: null,
    first: [
      'section "CLINICAL CASE SUMMARY" insert "CLINICAL CASE SUMMARY" over "" sort 1-001 · Section 2 of 3 in ca-dwc-imr',
      'section "IMR ISSUES, DECISIONS AND RATIONALES" insert "IMR ISSUES, DECISIONS AND RATIONALES" over "" sort 1-002 · Section 3 of 3 in ca-dwc-imr',
    ],
  },
  {
    name: 'section titles after a comment line',
    marked: HOW_MADE + '<!-- to do -->\nC‸\n',
    count: 2,
    last: null,
    first: [
      'section "CLINICAL CASE SUMMARY" insert "CLINICAL CASE SUMMARY" over "C" sort 1-001 · Section 2 of 3 in ca-dwc-imr',
      'section "IMR ISSUES, DECISIONS AND RATIONALES" insert "IMR ISSUES, DECISIONS AND RATIONALES" over "C" sort 1-002 · Section 3 of 3 in ca-dwc-imr',
    ],
  },
  {
    name: 'labels of the last item before a later section, not in it',
    marked: HOW_MADE + ISSUES + 'Naproxen 550 mg #60: Upheld\n\nLumbar MRI: Overturned\n\n‸\n\n# CLINICAL CASE SUMMARY\n\nText.\n',
    count: 3,
    last: null,
    first: [
      'field "Claims Administrator guideline" insert "Claims Administrator guideline: " over "" sort 0-000 · Missing from "Lumbar MRI" · next list',
      'field "MAXIMUS guideline" insert "MAXIMUS guideline: " over "" sort 0-001 · Missing from "Lumbar MRI" · next list',
      'field "Decision rationale" insert "Decision rationale: " over "" sort 0-002 · Missing from "Lumbar MRI"',
    ],
  },
  {
    name: 'no labels in a section after the issues section',
    marked: HOW_MADE + ISSUES + 'Naproxen 550 mg #60: Upheld\n\n# CLINICAL CASE SUMMARY\n\n‸\n',
    count: 0,
    last: null,
    first: [],
  },
  {
    name: 'no label on a line with text after the cursor',
    marked: HOW_MADE + ISSUES + 'Naproxen 550 mg #60: Upheld\n\nDec‸ision\n',
    count: 0,
    last: null,
    first: [],
  },
  {
    name: 'no label on a line that begins with a symbol',
    marked: HOW_MADE + ISSUES + 'Naproxen 550 mg #60: Upheld\n\n$‸\n',
    count: 0,
    last: null,
    first: [],
  },
  {
    name: 'sources spelled by their aliases, over the alias typed',
    marked: HOW_MADE + ISSUES + 'Naproxen 550 mg #60: Upheld\n\nMAXIMUS guideline: Decision based on Non-MTUS Citation Food and‸\n',
    count: 26,
    last: 'source "Formulary" insert "Formulary" over "Food and" sort 2-010-002 · MTUS · MTUS Drug Formulary (2018)',
    first: [
      'source "ACOEM Practice Guidelines, Third Edition" insert "ACOEM Practice Guidelines, Third Edition" over "Food and" sort 1-000-000 · Non-MTUS',
      'source "Official Disability Guidelines (ODG)" insert "Official Disability Guidelines (ODG)" over "Food and" sort 1-001-000 · Non-MTUS',
      'source "FDA" insert "FDA" over "Food and" sort 1-002-000 · Non-MTUS · FDA labeling',
      'source "U.S. Food and Drug Administration" insert "U.S. Food and Drug Administration" over "Food and" sort 1-002-001 · Non-MTUS · FDA labeling',
    ],
  },
  {
    name: 'sources after a source named whole, for one spelled longer',
    marked: HOW_MADE + ISSUES + 'Naproxen 550 mg #60: Upheld\n\nMAXIMUS guideline: Decision based on Non-MTUS Citation FDA‸\n',
    count: 26,
    last: 'source "Formulary" insert "Formulary" over "FDA" sort 2-010-002 · MTUS · MTUS Drug Formulary (2018)',
    first: [
      'source "ACOEM Practice Guidelines, Third Edition" insert "ACOEM Practice Guidelines, Third Edition" over "FDA" sort 1-000-000 · Non-MTUS',
      'source "Official Disability Guidelines (ODG)" insert "Official Disability Guidelines (ODG)" over "FDA" sort 1-001-000 · Non-MTUS',
      'source "FDA" insert "FDA" over "FDA" sort 1-002-000 · Non-MTUS · FDA labeling',
      'source "U.S. Food and Drug Administration" insert "U.S. Food and Drug Administration" over "FDA" sort 1-002-001 · Non-MTUS · FDA labeling',
    ],
  },
  {
    name: 'chapters after a source and a comma, replacing the chapter up to the next comma',
    marked:
      HOW_MADE +
      ISSUES +
      'Naproxen 550 mg #60: Upheld\n\nMAXIMUS guideline: Decision based on Non-MTUS Citation ACOEM Practice Guidelines, Third Edition,  Kn‸ee, page 3\n',
    count: 16,
    last: 'chapter "Workplace Mental Health" insert "Workplace Mental Health" over "Knee" sort 0-015 · ACOEM Practice Guidelines, Third Edition',
    first: [
      'chapter "Hip" insert "Hip" over "Knee" sort 0-000 · ACOEM Practice Guidelines, Third Edition',
      'chapter "Hip and Groin" insert "Hip and Groin" over "Knee" sort 0-001 · ACOEM Practice Guidelines, Third Edition',
      'chapter "Low Back" insert "Low Back" over "Knee" sort 0-002 · ACOEM Practice Guidelines, Third Edition',
    ],
  },
  {
    name: 'no chapter once a chapter and a comma follow the source',
    marked: HOW_MADE + ISSUES + 'Naproxen 550 mg #60: Upheld\n\nMAXIMUS guideline: Decision based on Non-MTUS Citation ODG, Knee & Leg, ‸\n',
    count: 0,
    last: null,
    first: [],
  },
  {
    name: 'no chapter for a source without chapters',
    marked: HOW_MADE + ISSUES + 'Naproxen 550 mg #60: Upheld\n\nMAXIMUS guideline: Decision based on Non-MTUS Citation FDA ‸\n',
    count: 0,
    last: null,
    first: [],
  },
  {
    name: 'MTUS sources after the words "Decision based on the MTUS Citations"',
    marked: HOW_MADE + ISSUES + 'Naproxen 550 mg #60: Upheld\n\nMAXIMUS guideline: Decision based on the MTUS Citations: ‸\n',
    count: 26,
    last: 'source "Peer-reviewed" insert "Peer-reviewed" over "" sort 2-010-000 · Non-MTUS · Peer-reviewed study',
    first: [
      'source "ACOEM Practice Guidelines, 2nd Edition (2004)" insert "ACOEM Practice Guidelines, 2nd Edition (2004)" over "" sort 1-000-000 · MTUS',
      'source "Chronic Pain Medical Treatment Guidelines" insert "Chronic Pain Medical Treatment Guidelines" over "" sort 1-001-000 · MTUS',
    ],
  },
  {
    name: 'Non-MTUS sources after "Non MTUS", spelled without its hyphen',
    marked: HOW_MADE + ISSUES + 'Naproxen 550 mg #60: Upheld\n\nMAXIMUS guideline: Decision based on Non MTUS Citation - ‸\n',
    count: 26,
    last: 'source "Formulary" insert "Formulary" over "" sort 2-010-002 · MTUS · MTUS Drug Formulary (2018)',
    first: [
      'source "ACOEM Practice Guidelines, Third Edition" insert "ACOEM Practice Guidelines, Third Edition" over "" sort 1-000-000 · Non-MTUS',
      'source "Official Disability Guidelines (ODG)" insert "Official Disability Guidelines (ODG)" over "" sort 1-001-000 · Non-MTUS',
    ],
  },
  {
    name: 'Non-MTUS sources after "Non-MTUS" and a source begun with the letters of "citation"',
    marked: HOW_MADE + ISSUES + 'Naproxen 550 mg #60: Upheld\n\nMAXIMUS guideline: Decision based on Non-MTUS Citation Ci‸\n',
    count: 26,
    last: 'source "Formulary" insert "Formulary" over "Ci" sort 2-010-002 · MTUS · MTUS Drug Formulary (2018)',
    first: [
      'source "ACOEM Practice Guidelines, Third Edition" insert "ACOEM Practice Guidelines, Third Edition" over "Ci" sort 1-000-000 · Non-MTUS',
      'source "Official Disability Guidelines (ODG)" insert "Official Disability Guidelines (ODG)" over "Ci" sort 1-001-000 · Non-MTUS',
    ],
  },
  {
    name: 'no decision after a short line that sets forth the items, however spaced',
    marked: HOW_MADE + ISSUES + 'Items set   forth   below: ‸\n',
    count: 0,
    last: null,
    first: [],
  },
  {
    name: 'no decision below the introduction of the items, however spaced',
    marked:
      HOW_MADE +
      '# IMR ISSUES, DECISIONS AND RATIONALES\n\nThe Final Determination was based on decisions for the disputed items/services set   forth   below:\nUp‸\n',
    count: 0,
    last: null,
    first: [],
  },
  {
    name: 'decisions spaced by two after a bold name closed before the colon that asked',
    marked: HOW_MADE + ISSUES + '**Lumbar MRI**:‸\n',
    trigger: ':',
    count: 2,
    last: null,
    first: [
      'decision "Upheld" insert "  Upheld" over "" sort 0 · the utilization review (UR) denial stands: the requested treatment is not medically necessary',
      'decision "Overturned" insert "  Overturned" over "" sort 1 · the utilization review (UR) decision is reversed: the requested treatment is medically necessary',
    ],
  },
  {
    name: 'decisions after a name of eleven words spaced by two',
    marked: HOW_MADE + ISSUES + 'One  two  three  four  five  six  seven  eight  nine  ten  eleven: Up‸\n',
    count: 2,
    last: null,
    first: [
      'decision "Upheld" insert "Upheld" over "Up" sort 0 · the utilization review (UR) denial stands: the requested treatment is not medically necessary',
      'decision "Overturned" insert "Overturned" over "Up" sort 1 · the utilization review (UR) decision is reversed: the requested treatment is medically necessary',
    ],
  },
  {
    name: 'decisions below a name of nineteen words spaced by two',
    marked:
      HOW_MADE +
      ISSUES +
      'One  two  three  four  five  six  seven  eight  nine  ten  eleven  twelve  thirteen  fourteen  fifteen  sixteen  seventeen  eighteen  nineteen:\nUp‸\n',
    count: 2,
    last: null,
    first: [
      'decision "Upheld" insert "Upheld" over "Up" sort 0 · the utilization review (UR) denial stands: the requested treatment is not medically necessary',
      'decision "Overturned" insert "Overturned" over "Up" sort 1 · the utilization review (UR) decision is reversed: the requested treatment is medically necessary',
    ],
  },
  {
    name: 'field labels in a list item right below a line of text',
    marked:
      HOW_MADE + ISSUES + 'Naproxen 550 mg #60: Upheld\n\nClaims Administrator guideline: The Claims Administrator based their decision on the MTUS.\n- ‸\n',
    count: 4,
    last: 'field "Claims Administrator guideline" insert "Claims Administrator guideline: " over "" sort 2-000 · Already in "Naproxen 550 mg #60" · next list',
    first: [
      'field "MAXIMUS guideline" insert "MAXIMUS guideline: " over "" sort 0-001 · Missing from "Naproxen 550 mg #60" · next list',
      'field "Decision rationale" insert "Decision rationale: " over "" sort 0-002 · Missing from "Naproxen 550 mg #60"',
    ],
  },
  {
    name: 'no title below a line that ends in a rule',
    marked: HOW_MADE + 'Notes ***\nC‸\n',
    count: 0,
    last: null,
    first: [],
  },
  {
    name: 'no title below a lone dash',
    marked: HOW_MADE + '-\nC‸\n',
    count: 0,
    last: null,
    first: [],
  },
  {
    name: 'no title below a lone underscore',
    marked: HOW_MADE + '_\nC‸\n',
    count: 0,
    last: null,
    first: [],
  },
  {
    name: 'no title below a lone equals sign',
    marked: HOW_MADE + 'x\n=\nC‸\n',
    count: 0,
    last: null,
    first: [],
  },
  {
    name: 'no title below a rule followed by text',
    marked: HOW_MADE + '*** notes\nC‸\n',
    count: 0,
    last: null,
    first: [],
  },
  {
    name: 'titles below a rule of underscores',
    marked: HOW_MADE + '___\nC‸\n',
    count: 2,
    last: null,
    first: [
      'section "CLINICAL CASE SUMMARY" insert "CLINICAL CASE SUMMARY" over "C" sort 1-001 · Section 2 of 3 in ca-dwc-imr',
      'section "IMR ISSUES, DECISIONS AND RATIONALES" insert "IMR ISSUES, DECISIONS AND RATIONALES" over "C" sort 1-002 · Section 3 of 3 in ca-dwc-imr',
    ],
  },
];

function project(text: string, completion: Completion): string {
  const over = text.slice(completion.replace.start, completion.replace.end);
  const filter = completion.filterText ? ` · filter ${completion.filterText}` : '';
  const next = completion.retrigger ? ' · next list' : '';
  return `${completion.kind} ${JSON.stringify(completion.label)} insert ${JSON.stringify(completion.insertText)} over ${JSON.stringify(over)} sort ${completion.sortText} · ${completion.detail ?? ''}${filter}${next}`;
}

describe('completion lists written out', () => {
  for (const { name, marked, trigger, count, first, last } of cases) {
    it(name, () => {
      const offset = marked.indexOf('‸');
      const text = marked.replace('‸', '');
      const items = completionsAt(lint(text).model!, offset, trigger).sort((a, b) => a.sortText.localeCompare(b.sortText));
      assert.equal(items.length, count);
      assert.deepEqual(
        items.slice(0, first.length).map((item) => project(text, item)),
        first,
      );
      assert.equal(items.length > first.length ? project(text, items[items.length - 1]) : null, last);
    });
  }
});

describe('where no list opens', () => {
  const draft = `---\ncase: CM15-0004471\n---\n\n${HOW_MADE}${ISSUES}Naproxen 550 mg #60: Upheld\n`;
  const model = lint(draft).model!;

  it('offers nothing inside the front matter, at its edges included, nor outside the text', () => {
    for (const offset of [0, 4, draft.indexOf('---\n\n') + 3]) assert.deepEqual(completionsAt(model, offset), [], String(offset));
    assert.deepEqual(completionsAt(model, -1), []);
    assert.deepEqual(completionsAt(model, draft.length + 1), []);
    // At the end of the draft, on a blank line: the item's labels and the missing section.
    assert.deepEqual(
      completionsAt(lint(`${draft}\n`).model!, draft.length + 1).map((item) => item.label),
      ['Claims Administrator guideline', 'MAXIMUS guideline', 'Decision rationale', 'CLINICAL CASE SUMMARY'],
    );
  });

  it('names the group of each specialty', () => {
    const text = `${HOW_MADE}Certification(s)/Specialty: `;
    const details = new Map(completionsAt(lint(text).model!, text.length).map((item) => [item.label, item.detail]));
    assert.equal(details.get('Occupational Medicine'), 'Subspecialty');
    assert.equal(details.get('Preventive Medicine'), 'ABMS member board');
    assert.equal(details.get('Chiropractic'), 'Non-physician discipline');
  });
});

describe('what a completion explains', () => {
  const item = `${HOW_MADE}${ISSUES}Naproxen 550 mg #60: `;
  const documentation = (text: string): Map<string, string | undefined> =>
    new Map(completionsAt(lint(text).model!, text.length).map((completion) => [completion.label, completion.documentation]));

  it('a source: its kind, the prefix it follows, its place in the evidence search sequence and its chapters', () => {
    const sources = documentation(`${item}Upheld\n\nMAXIMUS guideline: Decision based on Non-MTUS Citation `);
    assert.equal(
      sources.get('Official Disability Guidelines (ODG)'),
      [
        '**Official Disability Guidelines (ODG)** (outside the MTUS)',
        'Cited after "Decision based on Non-MTUS Citation".',
        'Evidence search sequence: Outside the MTUS: relied on only when the MTUS does not address the condition or its presumption is rebutted; ACOEM and ODG come next in the search sequence.',
        'Chapters or topics: Ankle & Foot; Burns; Carpal Tunnel Syndrome; Elbow; Eye; Forearm, Wrist & Hand; Head; Hernia; Hip & Pelvis; Knee & Leg; Low Back; Mental Illness & Stress; Neck and Upper Back; Pain (Chronic); Shoulder; Pulmonary; Integrated Treatment/Disability Duration Guidelines; Traumatic Brain Injury.',
      ].join('\n\n'),
    );
    assert.equal(
      sources.get('Chronic Pain Medical Treatment Guidelines'),
      [
        '**Chronic Pain Medical Treatment Guidelines** (part of the MTUS)',
        'Cited after "Decision based on MTUS".',
        'Evidence search sequence: MTUS: searched first (8 CCR 9792.21.1(a)); presumed correct on the extent and scope of treatment.',
      ].join('\n\n'),
    );
  });

  it('a decision: what it means and the conclusion its rationale needs', () => {
    const decisions = documentation(item);
    assert.equal(
      decisions.get('Upheld'),
      '**Upheld**: the utilization review (UR) denial stands: the requested treatment is not medically necessary.\n\nThe rationale must conclude that the request is *not* medically necessary, for example "Therefore, the request was not medically necessary."',
    );
    assert.equal(
      decisions.get('Overturned'),
      '**Overturned**: the utilization review (UR) decision is reversed: the requested treatment is medically necessary.\n\nThe rationale must conclude that the request is medically necessary, for example "Therefore, the request was medically necessary."',
    );
  });

  it('a citation form: what the decision rests on and what to name next', () => {
    const forms = [...documentation(`${item}Upheld\n\nMAXIMUS guideline: `).values()];
    assert.deepEqual(forms, [
      'The decision rests on the MTUS, which the evidence search sequence consults first. Name the MTUS guideline next.',
      'The decision rests on a source outside the MTUS (ACOEM Third Edition, ODG, other guidelines, studies). Name it next, and say in the rationale why the MTUS was not used.',
    ]);
  });
});

describe('offsets a list cannot open at', () => {
  it('offers nothing past either end of the text, even where a blank line would take a title', () => {
    const text = `${HOW_MADE}\n`;
    const model = lint(text).model!;
    assert.deepEqual(
      completionsAt(model, text.length).map((item) => item.label),
      ['CLINICAL CASE SUMMARY', 'IMR ISSUES, DECISIONS AND RATIONALES'],
    );
    assert.deepEqual(completionsAt(model, text.length + 1), []);
    const startsBlank = `\n${HOW_MADE}`;
    assert.equal(completionsAt(lint(startsBlank).model!, 0).length, 2);
    assert.deepEqual(completionsAt(lint(startsBlank).model!, -1), []);
  });

  it('offers nothing on a blank line inside the front matter', () => {
    const text = `---\n\ncase: CM15-0004471\n---\n\n${HOW_MADE}`;
    assert.deepEqual(completionsAt(lint(text).model!, 4), []);
  });
});
