import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { outline, type OutlineNode } from '../../engine/src/language/outline';
import { lint } from '../../engine/src/lint';
import { LETTER_2013 } from '../support/letters';

// The outline written out whole: each node's kind, name, detail, lines and what picking it selects.
function written(nodes: OutlineNode[], depth = 0): string[] {
  return nodes.flatMap((node) => {
    const { start, end } = node.selectionRange;
    const detail = node.detail !== undefined ? ` · ${node.detail}` : '';
    const line = `${'  '.repeat(depth)}${node.kind} ${JSON.stringify(node.name)}${detail} lines ${node.range.start.line}-${node.range.end.line} select ${start.line}:${start.character}-${end.line}:${end.character}`;
    return [line, ...written(node.children, depth + 1)];
  });
}

describe('the outline written out', () => {
  it('puts credentials typed above the first title first, in the order written, and reads each item and field', () => {
    const draft = [
      'Certification(s)/Specialty:  Physical Medicine and Rehabilitation, Pain Medicine',
      'State(s) of Licensure:  California ',
      '',
      '**CLINICAL CASE SUMMARY**',
      '',
      'The applicant has low back pain.',
      '',
      '**IMR ISSUES, DECISIONS AND RATIONALES**',
      '',
      '**Lumbar MRI:**  Upheld',
      '',
      '**Claims Administrator guideline:** The Claims Administrator based its decision on the MTUS. Decision based on MTUS ACOEM Practice Guidelines, 2nd Edition (2004), Chapter 12 Low Back Complaints',
      '',
      '**MAXIMUS guideline:** Decision based on Non-MTUS Citation',
      '',
      '**Decision rationale:** Here, there were no red flags. Therefore, the request was not medically necessary.',
      '',
      'Trigger point injections x4:',
      '',
      'Decision rationale: Here, the applicant improved. Therefore, the request was medically necessary.',
      '',
      'Acupuncture 6 sessions:  Overturned',
      '',
      'Decision rationale: pending.',
      '',
      'MAXIMUS guideline:',
    ].join('\n');
    assert.deepEqual(written(outline(lint(draft).model!)), [
      'credentials "Credentials" lines 0-1 select 0:0-0:27',
      '  credential "Certification(s)/Specialty" \u00b7 Physical Medicine and Rehabilitation, Pain Medicine lines 0-0 select 0:0-0:27',
      '  credential "State(s) of Licensure" \u00b7 California lines 1-1 select 1:0-1:22',
      'section "CLINICAL CASE SUMMARY" lines 3-5 select 3:2-3:23',
      'section "IMR ISSUES, DECISIONS AND RATIONALES" lines 7-25 select 7:2-7:38',
      '  item "Lumbar MRI" \u00b7 Upheld lines 9-15 select 9:2-9:12',
      '    field "Claims Administrator guideline" \u00b7 MTUS: ACOEM Practice Guidelines, 2nd Edition (2004) lines 11-11 select 11:2-11:32',
      '    field "MAXIMUS guideline" \u00b7 Non-MTUS lines 13-13 select 13:2-13:19',
      '    field "Decision rationale" \u00b7 not medically necessary lines 15-15 select 15:2-15:20',
      '  item "Trigger point injections x4" \u00b7 no decision lines 17-19 select 17:0-17:27',
      '    field "Decision rationale" \u00b7 medically necessary lines 19-19 select 19:0-19:18',
      '  item "Acupuncture 6 sessions" \u00b7 Overturned lines 21-25 select 21:0-21:22',
      '    field "Decision rationale" \u00b7 no conclusion lines 23-23 select 23:0-23:18',
      '    field "MAXIMUS guideline" \u00b7 no citation lines 25-25 select 25:0-25:17',
    ]);
  });
  it('files credentials written in prose under the section that holds them, after the items read from the determination sentences', () => {
    const draft = LETTER_2013;
    assert.deepEqual(written(outline(lint(draft).model!)), [
      'section "NOTICE OF INDEPENDENT MEDICAL REVIEW DETERMINATION" lines 5-7 select 5:0-5:50',
      'section "INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE" lines 9-13 select 9:0-9:49',
      '  item "Lidoderm 5% patch #30" \u00b7 is not medically necessary and appropriate lines 13-13 select 13:65-13:86',
      '    field "Medical Treatment Guideline(s) Relied Upon by the Expert Reviewer" \u00b7 no citation lines 25-27 select 25:0-25:65',
      '    field "Rationale for the Decision" \u00b7 not medically necessary lines 29-29 select 29:0-29:26',
      'section "Medical Qualifications of the Expert Reviewer:" lines 15-17 select 15:0-15:46',
      '  credentials "Credentials" lines 17-17 select 17:23-17:41',
      '    credential "Board Certified in" \u00b7 Physical Medicine and Rehabilitation lines 17-17 select 17:23-17:41',
      '    credential "licensed to practice in" \u00b7 California lines 17-17 select 17:86-17:109',
      'section "Case Summary:" lines 19-29 select 19:0-19:13',
    ]);
  });
});
