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

describe('hover on citations the catalogue does not know', () => {
  const HOW_MADE =
    '# HOW THE IMR FINAL DETERMINATION WAS MADE\n\nMAXIMUS Federal Services sent the complete case file to an expert reviewer.\n\nState(s) of Licensure: Texas\n\nCertification(s)/Specialty: Preventive Medicine\n\n# CLINICAL CASE SUMMARY\n\nThe applicant has hip pain.\n\n';
  const ISSUES =
    '# IMR ISSUES, DECISIONS AND RATIONALES\n\nThe Final Determination was based on decisions for the disputed items/services set forth below:\n\n';
  const REVIEWER = 'The Expert Reviewer based their decision on the MTUS. Decision based on MTUS Chronic Pain Medical Treatment Guidelines, page 67';
  const NON_MTUS = 'The Claims Administrator did not base their decision on the MTUS. Decision based on Non-MTUS Citation';
  const OUTSIDE = 'Evidence search sequence: outside the MTUS, relied on only when the MTUS does not address the condition or its presumption is rebutted.';
  const item = (claimsAdministrator: string): string =>
    `${HOW_MADE}${ISSUES}Naproxen 550 mg #60:  Upheld\n\nClaims Administrator guideline: ${claimsAdministrator}\n\nMAXIMUS guideline: ${REVIEWER}\n\nDecision rationale: Here, the applicant did not improve. Therefore, the request was not medically necessary.\n`;

  it('names a source outside the catalogue as written, with its page', () => {
    const info = hover(item(`${NON_MTUS} Smith et al. 2012 Spine Journal, page 4‸4`))!;
    assert.equal(info.hovered, 'Decision based on Non-MTUS Citation Smith et al. 2012 Spine Journal, page 44');
    assert.equal(
      info.markdown,
      ['**Non-MTUS citation** ("Decision based on Non-MTUS Citation")', '- Source: "Smith et al. 2012 Spine Journal"\n- Pages: 44', OUTSIDE].join('\n\n'),
    );
  });

  it('says no source is named yet, beside the rule that asks for one, at the very end of the prefix', () => {
    const info = hover(item(`${NON_MTUS}‸`))!;
    assert.equal(info.hovered, 'Decision based on Non-MTUS Citation');
    assert.equal(
      info.markdown,
      [
        '**Non-MTUS citation** ("Decision based on Non-MTUS Citation")',
        '- Source: none named yet',
        OUTSIDE,
        '---',
        `Rule [citation-format](https://example.test/rules/citation-format): ${findRule('citation-format')!.description.replace(/[<>]/g, '\\$&')}`,
      ].join('\n\n'),
    );
  });

  it('names a chapter the catalogue does not know as written, and spans the finding, the narrowest part', () => {
    const info = hover(item(`${NON_MTUS} ODG, Dental Chap‸ter`))!;
    assert.equal(info.hovered, 'Dental Chapter');
    assert.equal(
      info.markdown,
      [
        '**Non-MTUS citation** ("Decision based on Non-MTUS Citation")',
        '- Source: "ODG", catalogue name *Official Disability Guidelines (ODG)* (outside the MTUS)\n- Chapter: "Dental Chapter"',
        `Evidence search sequence: ${guidelineSources.find((source) => source.id === 'odg')!.sequence}`,
        '---',
        `Rule [citation-source](https://example.test/rules/citation-source): ${findRule('citation-source')!.description}`,
      ].join('\n\n'),
    );
  });

  it('gives a page range with a dash between its pages', () => {
    const info = hover(
      item('The Claims Administrator based their decision on the MTUS. Decision based on MTUS Chronic Pain Medical Treatment Guidelines, pages 67-6‸8'),
    )!;
    assert.equal(
      info.markdown,
      [
        '**MTUS citation** ("Decision based on MTUS")',
        '- Source: "Chronic Pain Medical Treatment Guidelines", catalogue name *Chronic Pain Medical Treatment Guidelines* (part of the MTUS)\n- Pages: 67–68',
        'Evidence search sequence: MTUS: searched first (8 CCR 9792.21.1(a)); presumed correct on the extent and scope of treatment.',
      ].join('\n\n'),
    );
  });
  it('names each rule on an item line once, spans the narrowest finding, and says nothing of a decision not written', () => {
    const rationale = 'Decision rationale: Here, red flags. Therefore, the request was medically necessary.';
    const itemFields = `Rule [item-fields](https://example.test/rules/item-fields): ${findRule('item-fields')!.description}`;
    const phi = hover(`${HOW_MADE}${ISSUES}Lumbar MRI for SSN 512-44-‸9031:  Overturned\n\n${rationale}\n`)!;
    assert.equal(phi.hovered, '512-44-9031');
    assert.equal(phi.markdown, `${itemFields}\n\nRule [phi](https://example.test/rules/phi): ${findRule('phi')!.description}`);
    const bare = hover(`${HOW_MADE}${ISSUES}Lumbar MRI:‸\n\n${rationale}\n`)!;
    assert.equal(bare.hovered, 'Lumbar MRI:');
    assert.equal(bare.markdown, itemFields);
  });
  it('quotes an MTUS source outside the catalogue on one line, with no place in the search sequence', () => {
    const info = hover(item('The Claims Administrator based their decision on the MTUS. Decision based on MTUS Smith  Spine\nGuidelines, page 4‸'))!;
    assert.equal(info.markdown, '**MTUS citation** ("Decision based on MTUS")\n\n- Source: "Smith Spine Guidelines"\n- Pages: 4');
  });

  it('links the finding of a draft too large to read', () => {
    const result = lint('x'.repeat(50), { config: { maxFileSize: 10 } });
    assert.deepEqual(hoverAt(result.model, result.findings, 0, { docsUri }), {
      markdown: `Rule [max-file-size](https://example.test/rules/max-file-size): ${findRule('max-file-size')!.description.replace(/[<>]/g, '\\$&')}`,
      span: { start: 0, end: 0 },
    });
  });
});
