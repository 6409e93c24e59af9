import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { guidelineSources } from '../../engine/src/catalogue/guidelines';
import { lint } from '../../engine/src/lint';
import { findRule } from '../../engine/src/rules';
import { hoverAt } from '../../engine/src/language/hover';
import { cursorAt, replaceOnce, seed } from './drafts';

const docsUri = (ruleId: string): string => `https://example.test/rules/${ruleId}`;

function hover(marked: string) {
  const { text, offset } = cursorAt(marked);
  const result = lint(text);
  const info = hoverAt(result.model, result.findings, offset, { docsUri });
  return info && { ...info, hovered: text.slice(info.span.start, info.span.end) };
}

describe('hover', () => {
  it('explains an Overturned decision and the conclusion it requires, and that the rationale agrees', () => {
    const info = hover(replaceOnce(seed, 'Injection:  Overturned', 'Injection:  Over‸turned'))!;
    assert.equal(info.hovered, 'Overturned');
    assert.match(info.markdown, /\*\*Overturned\*\*: the utilization review \(UR\) decision is reversed: the requested treatment is medically necessary/);
    assert.match(info.markdown, /"Therefore, the request was medically necessary\."/);
    assert.match(info.markdown, /this agrees with the decision/);
  });

  it('explains Upheld, and says when the rationale contradicts it, beside the rule that reports it', () => {
    const info = hover(replaceOnce(seed, 'Injection:  Overturned', 'Injection:  Up‸held'))!;
    assert.match(info.markdown, /\*\*Upheld\*\*: the utilization review \(UR\) denial stands: the requested treatment is not medically necessary/);
    assert.match(info.markdown, /"Therefore, the request was not medically necessary\."/);
    assert.match(info.markdown, /this contradicts the decision/);
  });

  it('says a UR word is not an IMR decision, and what it is read as', () => {
    const info = hover(replaceOnce(seed, 'Injection:  Overturned', 'Injection:  Appr‸oved'))!;
    assert.equal(info.hovered, 'Approved');
    assert.match(info.markdown, /"Approved" is a utilization review word; an IMR decision is \*\*Upheld\*\* or \*\*Overturned\*\*/);
    assert.match(info.markdown, /Read as \*\*Overturned\*\*/);
    assert.match(info.markdown, /\*\*decision-value\*\*: Each disputed item ends with an IMR decision/);
    assert.match(info.markdown, /\[Rule documentation\]\(https:\/\/example\.test\/rules\/decision-value\)/);
  });

  it('shows how a Non-MTUS citation was read and where it sits in the search sequence', () => {
    const info = hover(replaceOnce(seed, 'Citation ACOEM Practice', 'Citation AC‸OEM Practice'))!;
    assert.match(info.hovered, /^Decision based on Non-MTUS Citation ACOEM Practice Guidelines, Third Edition, Hip/);
    assert.match(info.markdown, /^\*\*Non-MTUS citation\*\*/);
    assert.match(
      info.markdown,
      /- Source: "ACOEM Practice Guidelines, Third Edition", catalogue name \*ACOEM Practice Guidelines, Third Edition\* \(outside the MTUS\)/,
    );
    assert.match(info.markdown, /- Chapter: "Hip Chapter", catalogue chapter \*Hip\*/);
    assert.match(info.markdown, /- Topic: "Trochanteric Glucocorticosteroid Injections"/);
    const sequence = guidelineSources.find((source) => source.id === 'acoem-3rd')!.sequence;
    assert.ok(info.markdown.includes(`Evidence search sequence: ${sequence}`));
  });

  it('shows the chapter, pages and MTUS place of an MTUS citation', () => {
    const draft = replaceOnce(
      replaceOnce(seed, 'The Claims Administrator did not base', 'The Claims Administrator based'),
      'Non-MTUS Citation ODG Hip and Pelvis Chapter',
      'MTUS ACOEM Practice Guidelines, 2nd Edition (2004), Chapter 12 Low Back Complaints, pages 308-310‸',
    );
    const info = hover(draft)!;
    assert.match(info.markdown, /^\*\*MTUS citation\*\*/);
    assert.match(info.markdown, /catalogue name \*ACOEM Practice Guidelines, 2nd Edition \(2004\)\* \(part of the MTUS\)/);
    assert.match(info.markdown, /catalogue chapter \*Chapter 12 Low Back Complaints\*/);
    assert.match(info.markdown, /- Pages: 308–310/);
    assert.match(info.markdown, /Evidence search sequence: MTUS: searched first/);
  });

  it("gives a finding's rule description and page on its range", () => {
    const info = hover(replaceOnce(seed, 'Texas, Ohio', 'Texas, Oh‸oi'))!;
    assert.equal(info.hovered, 'Ohoi');
    assert.equal(
      info.markdown,
      `**credential-state**: ${findRule('credential-state')!.description}\n\n[Rule documentation](https://example.test/rules/credential-state)`,
    );
  });

  it('has nothing to say on plain narrative', () => {
    assert.equal(hover(replaceOnce(seed, 'The applicant filed', 'The appli‸cant filed')), undefined);
  });
});
