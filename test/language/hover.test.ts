import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
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
  it('gives an Overturned decision its meaning in one line', () => {
    const info = hover(replaceOnce(seed, 'Injection:  Overturned', 'Injection:  Over‸turned'))!;
    assert.equal(info.hovered, 'Overturned');
    assert.equal(info.markdown, '**Overturned**: the utilization review (UR) decision is reversed: the requested treatment is medically necessary.');
  });

  it('gives Upheld its meaning, and leaves the contradiction to the finding that reports it', () => {
    const text = replaceOnce(seed, 'Injection:  Overturned', 'Injection:  Up‸held');
    const info = hover(text)!;
    assert.equal(info.markdown, '**Upheld**: the utilization review (UR) denial stands: the requested treatment is not medically necessary.');
    const contradiction = lint(cursorAt(text).text).findings.find((finding) => finding.ruleId === 'conclusion-decision');
    assert.ok(contradiction, 'the draft has the contradiction');
    assert.ok(!info.markdown.includes(contradiction.message.slice(0, 30)));
  });

  it('says which words are decisions on a UR word, then links the rule once, without repeating the finding', () => {
    const text = replaceOnce(seed, 'Injection:  Overturned', 'Injection:  Appr‸oved');
    const info = hover(text)!;
    assert.equal(info.hovered, 'Approved');
    assert.equal(
      info.markdown,
      [
        'An IMR decision is **Upheld** (not medically necessary) or **Overturned** (medically necessary).',
        '---',
        `Rule [decision-value](https://example.test/rules/decision-value): ${findRule('decision-value')!.description}`,
      ].join('\n\n'),
    );
    const finding = lint(cursorAt(text).text).findings.find((candidate) => candidate.ruleId === 'decision-value')!;
    assert.ok(!info.markdown.includes('utilization review word'), `the finding's message is the editor's to show: ${finding.message}`);
  });

  it('names each rule once and no finding twice, wherever a defective draft has findings', () => {
    const folder = new URL('../fixtures/defective/', import.meta.url);
    let hovered = 0;
    for (const name of readdirSync(folder).filter((file) => file.endsWith('.imr.md'))) {
      const text = readFileSync(new URL(name, folder), 'utf8');
      const result = lint(text);
      for (const finding of result.findings) {
        const offset = finding.span.start;
        const info = hoverAt(result.model, result.findings, offset, { docsUri })!;
        assert.ok(info, `${name}: a hover on the ${finding.ruleId} finding`);
        hovered++;
        const here = result.findings.filter((other) => other.span.start <= offset && offset <= other.span.end);
        for (const ruleId of new Set(here.map((other) => other.ruleId))) {
          const links = info.markdown.split(`](https://example.test/rules/${ruleId})`).length - 1;
          assert.equal(links, 1, `${name}: ${ruleId} linked once at ${offset}`);
        }
        // Not the message, nor its own words (what it quotes from the draft aside) said again in the hover's way.
        for (const other of here) {
          const words = other.message
            .split(/"[^"]*"/)
            .map((part) => part.trim())
            .sort((a, b) => b.length - a.length)[0];
          assert.ok(words.length < 20 || !info.markdown.includes(words), `${name}: "${other.message}" repeated`);
        }
      }
    }
    assert.ok(hovered >= 25, `${hovered} findings hovered`);
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

  it('says how a citation of the wrong kind was read, and leaves the mismatch to its finding', () => {
    const text = replaceOnce(seed, 'Non-MTUS Citation ODG Hip and Pelvis Chapter', 'MTUS Offi‸cial Disability Guidelines (ODG), Hip and Pelvis Chapter');
    const info = hover(text)!;
    assert.match(info.markdown, /^\*\*MTUS citation\*\*/);
    assert.match(info.markdown, /catalogue name \*Official Disability Guidelines \(ODG\)\* \(outside the MTUS\)/);
    const mismatch = lint(cursorAt(text).text).findings.find((finding) => finding.ruleId === 'citation-source');
    assert.ok(mismatch, 'the draft has the mismatch');
    assert.doesNotMatch(info.markdown, /cite it with/);
  });

  it("gives a finding's rule page and what the rule checks on its range", () => {
    const info = hover(replaceOnce(seed, 'Texas, Ohio', 'Texas, Oh‸oi'))!;
    assert.equal(info.hovered, 'Ohoi');
    assert.equal(info.markdown, `Rule [credential-state](https://example.test/rules/credential-state): ${findRule('credential-state')!.description}`);
  });

  it('has nothing to say on plain narrative', () => {
    assert.equal(hover(replaceOnce(seed, 'The applicant filed', 'The appli‸cant filed')), undefined);
  });
});
