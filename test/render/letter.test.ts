import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderDetermination } from '../../engine/src/render';
import { LETTER_2013 } from '../support/letters';

// The letter written out whole: every block, source line, class and word a reader or a printer gets.
const PASTED_FROM_WORD = [
  '**HOW THE IMR FINAL DETERMINATION WAS MADE**',
  'MAXIMUS Federal Services sent the complete case file to an expert reviewer. <!-- check the template -->',
  'The Expert Reviewer has the following credentials:',
  '**State(s) of Licensure:** Texas, Ohio',
  '**Certification(s)/Specialty:** Preventive Medicine',
  '**CLINICAL CASE SUMMARY**',
  'The applicant has *chronic hip pain* after a fall. See ![hip film](https://example.com/x.png) and ![](scan.png).',
  '**IMR ISSUES, DECISIONS AND RATIONALES**',
  'The Final Determination was based on decisions for the disputed items/services set forth below:',
  '**Naproxen 550 mg #60:**  Upheld',
  '**Claims Administrator guideline:** The Claims Administrator based its decision on the MTUS. Decision based on MTUS Chronic Pain Medical Treatment Guidelines, page 67',
  '**MAXIMUS guideline:** The Expert Reviewer based its decision on the MTUS. Decision based on MTUS Chronic Pain Medical Treatment Guidelines, page 67  ',
  '**Decision rationale:** Here, *the applicant did not <u>improve</u>.\\',
  'Therefore*, the request was not medically necessary.',
  '',
].join('\n');

const WITH_LISTS_AND_QUOTES = [
  '---',
  'case: CM15-0004471',
  '---',
  '',
  '# HOW THE IMR FINAL DETERMINATION WAS MADE',
  '',
  'MAXIMUS Federal Services sent the complete case file to an expert reviewer.[^1]',
  '',
  '> <div>Quoted from the template</div>',
  '',
  'State(s) of Licensure: Texas',
  '',
  'Certification(s)/Specialty: Preventive Medicine',
  '',
  '# CLINICAL CASE SUMMARY',
  '',
  '| Date | Visit |',
  '| --- | --- |',
  '| March 2, 2015 | Progress note |',
  '',
  '    pain 5/10',
  '',
  '***',
  '',
  '![signature](data:image/png;base64,iVBORw0KGgo=)',
  '',
  '# IMR ISSUES, DECISIONS AND RATIONALES',
  '',
  'The Final Determination was based on decisions for the disputed items/services set forth below:',
  '',
  '1. Naproxen 550 mg #60',
  '   Upheld',
  '   - Claims Administrator guideline:',
  '     The Claims Administrator based its decision on the MTUS. Decision based on MTUS Chronic Pain Medical Treatment Guidelines, page 67',
  '   - MAXIMUS guideline: The Expert Reviewer based its decision on the MTUS. Decision based on MTUS Chronic Pain Medical Treatment Guidelines, page 67',
  '   - Decision rationale: Here, the applicant did not improve:',
  '     - pain unchanged',
  '     - no return to work',
  '',
  '     Therefore, the request was not medically necessary.',
  '',
  '<p>',
  '',
  '[^1]: The case file was received on May 1, 2015.',
  '',
].join('\n');

const PASTED_FROM_PDF_WITH_CRLF = [
  'HOW THE IMR FINAL DETERMINATION WAS MADE',
  '',
  'MAXIMUS Federal Services sent the complete case file to an expert reviewer, as [the regulations][ccr] require.',
  '',
  '> The reviewer is independent.',
  '',
  '> State(s) of Licensure: Texas',
  '> Certification(s)/Specialty: Preventive Medicine',
  '',
  'CLINICAL CASE SUMMARY',
  '',
  '```',
  'pain 5/10',
  '```',
  '',
  '3. First visit: March 2, 2015.',
  '4. Second visit: April 6, 2015.',
  '',
  'IMR ISSUES, DECISIONS AND RATIONALES',
  '',
  '    The Final Determination was based on decisions for the disputed items/services set forth below:',
  '',
  '    Naproxen 550 mg #60:  Upheld',
  '    Claims Administrator guideline: The Claims Administrator based its decision on the MTUS.',
  '      Decision based on MTUS Chronic Pain Medical Treatment Guidelines, page 67',
  '',
  '',
  '    MAXIMUS guideline: The Expert Reviewer based its decision on the MTUS. Decision based on MTUS Chronic Pain Medical Treatment Guidelines, page 67',
  '    Decision rationale: Here, the applicant did not improve. Therefore, the request was not medically necessary.',
  '',
  '1. Note one',
  '2. Lumbar MRI:  Overturned',
  '   Decision rationale: Here, red flags were present. Therefore, the request was medically necessary.',
  '3. Note three',
  '',
  '[ccr]: https://www.dir.ca.gov/t8/ch4_5sb1a5_5_2.html',
  '',
].join('\r\n');

const TITLES_AS_TYPED = [
  'How the IMR Final Determination was Made:',
  '',
  'MAXIMUS Federal Services sent the complete case file to an expert reviewer.',
  '',
  'State(s) of Licensure   Texas, Ohio',
  '',
  'Certification(s)/Specialty: Preventive Medicine',
  '',
  'Clinical Case Summary:',
  '',
  '## Records reviewed',
  '',
  'The applicant has low back pain.',
  '',
  'IMR Issues, Decisions and Rationales:',
  '',
  'The Final Determination was based on decisions for the disputed items/services set forth below:',
  '',
  'Lumbar MRI:',
  '',
  'Upheld',
  '',
  'Claims administrator guideline:',
  '',
  '- The Claims Administrator based its decision on the MTUS.',
  '- Decision based on MTUS ACOEM Practice Guidelines, 2nd Edition (2004), Chapter 12',
  '',
  'Maximus Guideline:',
  'The Expert Reviewer based its decision on the MTUS. Decision based on MTUS ACOEM Practice Guidelines, 2nd Edition (2004), Chapter 12',
  '',
  'Decision Rationale:',
  '',
  'Here, there were no red flags.',
  '',
  'Therefore, the request was not medically necessary.',
  '',
].join('\n');

const INLINE_MARKUP = [
  'IMR ISSUES, DECISIONS AND RATIONALES',
  'The Final Determination was based on decisions for the disputed items/services set forth below: `see list`',
  '*Lumbar MRI:  Upheld*  ',
  '_Claims Administrator guideline: The Claims Administrator based its decision on the MTUS. Decision based on MTUS ACOEM Practice Guidelines, 2nd Edition (2004), Chapter 12_',
  'MAXIMUS guideline: The Expert Reviewer based its decision on the `MTUS`. Decision based on MTUS ACOEM Practice Guidelines, 2nd Edition (2004), Chapter 12 ![stamp](https://example.com/stamp.png)',
  'Decision rationale:\\',
  '**Here, there were no red flags. Therefore, the request was not medically necessary.**',
  '',
].join('\n');

function letter(draft: string, ruleIds: string[] = []): string {
  const rendered = renderDetermination(draft, { today: '2015-06-01' });
  assert.deepEqual(
    rendered.lint.findings.map((finding) => finding.ruleId),
    ruleIds,
  );
  if (process.env.DUMP_LETTER) console.log(`--- letter\n${rendered.letterHtml}`);
  return rendered.letterHtml;
}

describe('the letter as it will be issued', () => {
  it('lays out a draft pasted from Word: bold labels, no blank lines, a hard break, raw HTML and images from elsewhere', () => {
    assert.equal(
      letter(PASTED_FROM_WORD),
      [
        '<article class="letter">',
        '<section class="letter-section section-how-made" id="imr-section-how-made" data-line="0">',
        '<h2 class="section-title">HOW THE IMR FINAL DETERMINATION WAS MADE</h2>',
        '<p data-line="1">MAXIMUS Federal Services sent the complete case file to an expert reviewer. ',
        'The Expert Reviewer has the following credentials:</p>',
        '<dl class="credentials" data-line="3">',
        '<div class="credential credential-states" data-line="3">',
        '<dt>State(s) of Licensure:</dt>',
        '<dd>Texas, Ohio</dd>',
        '</div>',
        '<div class="credential credential-specialties" data-line="4">',
        '<dt>Certification(s)/Specialty:</dt>',
        '<dd>Preventive Medicine</dd>',
        '</div>',
        '</dl>',
        '</section>',
        '<section class="letter-section section-case-summary" id="imr-section-case-summary" data-line="5">',
        '<h2 class="section-title">CLINICAL CASE SUMMARY</h2>',
        '<p data-line="6">The applicant has <em>chronic hip pain</em> after a fall. See <span class="image-placeholder" title="Images show only when embedded in the draft as data: URLs (PNG, JPEG, GIF or WebP); nothing is fetched.">[image: hip film]</span> and <span class="image-placeholder" title="Images show only when embedded in the draft as data: URLs (PNG, JPEG, GIF or WebP); nothing is fetched.">[image]</span>.</p>',
        '</section>',
        '<section class="letter-section section-issues" id="imr-section-issues" data-line="7">',
        '<h2 class="section-title">IMR ISSUES, DECISIONS AND RATIONALES</h2>',
        '<p data-line="8">The Final Determination was based on decisions for the disputed items/services set forth below:</p>',
        '<section class="item decision-upheld" id="imr-item-1" data-line="9">',
        '<h3 class="item-header"><span class="item-name">Naproxen 550 mg #60</span> <span class="decision decision-upheld">Upheld</span></h3>',
        '<div class="field field-claims-administrator" data-line="10">',
        '<p data-line="10"><strong class="field-label">Claims Administrator guideline:</strong> The Claims Administrator based its decision on the MTUS. Decision based on MTUS Chronic Pain Medical Treatment Guidelines, page 67</p>',
        '</div>',
        '<div class="field field-reviewer" data-line="11">',
        '<p data-line="11"><strong class="field-label">MAXIMUS guideline:</strong> The Expert Reviewer based its decision on the MTUS. Decision based on MTUS Chronic Pain Medical Treatment Guidelines, page 67</p>',
        '</div>',
        '<div class="field field-rationale" data-line="12">',
        '<p data-line="12"><strong class="field-label">Decision rationale:</strong> Here, <em>the applicant did not <code class="raw-html" title="Raw HTML in a draft is shown as text: it is never run and does not format the letter.">&#x3C;u></code>improve<code class="raw-html" title="Raw HTML in a draft is shown as text: it is never run and does not format the letter.">&#x3C;/u></code>.<br>',
        'Therefore</em>, the request was not medically necessary.</p>',
        '</div>',
        '</section>',
        '</section>',
        '</article>',
      ].join('\n'),
    );
  });

  it('lays out a draft with a case number, a quote, an indented note, a rule, an embedded image and items as lists', () => {
    assert.equal(
      letter(WITH_LISTS_AND_QUOTES),
      [
        '<article class="letter">',
        '<header class="letter-header" data-line="1">',
        '<p class="letter-case" data-line="1">Case Number: <span class="case-number">CM15-0004471</span></p>',
        '</header>',
        '<section class="letter-section section-how-made" id="imr-section-how-made" data-line="4">',
        '<h2 class="section-title">HOW THE IMR FINAL DETERMINATION WAS MADE</h2>',
        '<p data-line="6">MAXIMUS Federal Services sent the complete case file to an expert reviewer.[^1]</p>',
        '<blockquote data-line="8">',
        '<pre class="raw-html" title="Raw HTML in a draft is shown as text: it is never run and does not format the letter." data-line="8">&#x3C;div>Quoted from the template&#x3C;/div></pre>',
        '</blockquote>',
        '<dl class="credentials" data-line="10">',
        '<div class="credential credential-states" data-line="10">',
        '<dt>State(s) of Licensure:</dt>',
        '<dd>Texas</dd>',
        '</div>',
        '<div class="credential credential-specialties" data-line="12">',
        '<dt>Certification(s)/Specialty:</dt>',
        '<dd>Preventive Medicine</dd>',
        '</div>',
        '</dl>',
        '</section>',
        '<section class="letter-section section-case-summary" id="imr-section-case-summary" data-line="14">',
        '<h2 class="section-title">CLINICAL CASE SUMMARY</h2>',
        '<p data-line="16">| Date | Visit |',
        '| --- | --- |',
        '| March 2, 2015 | Progress note |</p>',
        '<p data-line="20">pain 5/10</p>',
        '<hr data-line="22">',
        '<p data-line="24"><img src="data:image/png;base64,iVBORw0KGgo=" alt="signature"></p>',
        '</section>',
        '<section class="letter-section section-issues" id="imr-section-issues" data-line="26">',
        '<h2 class="section-title">IMR ISSUES, DECISIONS AND RATIONALES</h2>',
        '<p data-line="28">The Final Determination was based on decisions for the disputed items/services set forth below:</p>',
        '<section class="item decision-upheld" id="imr-item-1" data-line="30">',
        '<h3 class="item-header"><span class="item-name">Naproxen 550 mg #60</span> <span class="decision decision-upheld">Upheld</span></h3>',
        '<div class="field field-claims-administrator" data-line="32">',
        '<p data-line="32"><strong class="field-label">Claims Administrator guideline:</strong> The Claims Administrator based its decision on the MTUS. Decision based on MTUS Chronic Pain Medical Treatment Guidelines, page 67</p>',
        '</div>',
        '<div class="field field-reviewer" data-line="34">',
        '<p data-line="34"><strong class="field-label">MAXIMUS guideline:</strong> The Expert Reviewer based its decision on the MTUS. Decision based on MTUS Chronic Pain Medical Treatment Guidelines, page 67</p>',
        '</div>',
        '<div class="field field-rationale" data-line="35">',
        '<p data-line="35"><strong class="field-label">Decision rationale:</strong> Here, the applicant did not improve:</p>',
        '<ul data-line="36">',
        '<li data-line="36">pain unchanged</li>',
        '<li data-line="37">no return to work</li>',
        '</ul>',
        '<p data-line="39">Therefore, the request was not medically necessary.</p>',
        '<pre class="raw-html" title="Raw HTML in a draft is shown as text: it is never run and does not format the letter." data-line="41">&#x3C;p></pre>',
        '<p data-line="43">[^1]: The case file was received on May 1, 2015.</p>',
        '</div>',
        '</section>',
        '</section>',
        '</article>',
      ].join('\n'),
    );
  });

  it('lays out a draft pasted from a PDF with CRLF line breaks: indented lines as prose, a fenced block kept, lists around items split', () => {
    assert.equal(
      letter(PASTED_FROM_PDF_WITH_CRLF, ['item-fields', 'item-fields']),
      [
        '<article class="letter">',
        '<section class="letter-section section-how-made" id="imr-section-how-made" data-line="0">',
        '<h2 class="section-title">HOW THE IMR FINAL DETERMINATION WAS MADE</h2>',
        '<p data-line="2">MAXIMUS Federal Services sent the complete case file to an expert reviewer, as <a href="https://www.dir.ca.gov/t8/ch4_5sb1a5_5_2.html">the regulations</a> require.</p>',
        '<blockquote data-line="4">',
        '<p data-line="4">The reviewer is independent.</p>',
        '</blockquote>',
        '<dl class="credentials" data-line="6">',
        '<div class="credential credential-states" data-line="6">',
        '<dt>State(s) of Licensure:</dt>',
        '<dd>Texas</dd>',
        '</div>',
        '<div class="credential credential-specialties" data-line="7">',
        '<dt>Certification(s)/Specialty:</dt>',
        '<dd>Preventive Medicine</dd>',
        '</div>',
        '</dl>',
        '</section>',
        '<section class="letter-section section-case-summary" id="imr-section-case-summary" data-line="9">',
        '<h2 class="section-title">CLINICAL CASE SUMMARY</h2>',
        '<pre data-line="11"><code>pain 5/10',
        '</code></pre>',
        '<ol start="3" data-line="15">',
        '<li data-line="15">First visit: March 2, 2015.</li>',
        '<li data-line="16">Second visit: April 6, 2015.</li>',
        '</ol>',
        '</section>',
        '<section class="letter-section section-issues" id="imr-section-issues" data-line="18">',
        '<h2 class="section-title">IMR ISSUES, DECISIONS AND RATIONALES</h2>',
        '<p data-line="20">The Final Determination was based on decisions for the disputed items/services set forth below:</p>',
        '<section class="item decision-upheld" id="imr-item-1" data-line="22">',
        '<h3 class="item-header"><span class="item-name">Naproxen 550 mg #60</span> <span class="decision decision-upheld">Upheld</span></h3>',
        '<div class="field field-claims-administrator" data-line="23">',
        '<p data-line="23"><strong class="field-label">Claims Administrator guideline:</strong> The Claims Administrator based its decision on the MTUS.',
        'Decision based on MTUS Chronic Pain Medical Treatment Guidelines, page 67</p>',
        '</div>',
        '<div class="field field-reviewer" data-line="27">',
        '<p data-line="27"><strong class="field-label">MAXIMUS guideline:</strong> The Expert Reviewer based its decision on the MTUS. Decision based on MTUS Chronic Pain Medical Treatment Guidelines, page 67</p>',
        '</div>',
        '<div class="field field-rationale" data-line="28">',
        '<p data-line="28"><strong class="field-label">Decision rationale:</strong> Here, the applicant did not improve. Therefore, the request was not medically necessary.</p>',
        '<ol data-line="30">',
        '<li data-line="30">Note one</li>',
        '</ol>',
        '</div>',
        '</section>',
        '<section class="item decision-overturned" id="imr-item-2" data-line="31">',
        '<h3 class="item-header"><span class="item-name">Lumbar MRI</span> <span class="decision decision-overturned">Overturned</span></h3>',
        '<div class="field field-rationale" data-line="32">',
        '<p data-line="32"><strong class="field-label">Decision rationale:</strong> Here, red flags were present. Therefore, the request was medically necessary.</p>',
        '<ol start="3" data-line="33">',
        '<li data-line="33">Note three</li>',
        '</ol>',
        '</div>',
        '</section>',
        '</section>',
        '</article>',
      ].join('\n'),
    );
  });

  it('lays out a 2013 letter: numbered determination sentences printed as written, an item opened where its fields begin', () => {
    assert.equal(
      letter(LETTER_2013),
      [
        '<article class="letter">',
        '<header class="letter-header" data-line="1">',
        '<p class="letter-case" data-line="1">Case Number: <span class="case-number">CM13-0008765</span></p>',
        '</header>',
        '<section class="letter-section section-notice" id="imr-section-notice" data-line="5">',
        '<h2 class="section-title">Notice of Independent Medical Review Determination</h2>',
        '<ol data-line="7">',
        '<li data-line="7">MAXIMUS Federal Services, Inc. has determined the request for Lidoderm 5% patch #30 is not medically necessary and appropriate.</li>',
        '</ol>',
        '</section>',
        '<section class="letter-section section-decision" id="imr-section-decision" data-line="9">',
        '<h2 class="section-title">INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE</h2>',
        '<p data-line="11">A decision has been made for each of the treatment and/or services that were in dispute:</p>',
        '<ol data-line="13">',
        '<li data-line="13">MAXIMUS Federal Services, Inc. has determined the request for Lidoderm 5% patch #30 is not medically necessary and appropriate.</li>',
        '</ol>',
        '</section>',
        '<section class="letter-section section-qualifications" id="imr-section-qualifications" data-line="15">',
        '<h2 class="section-title">Medical Qualifications of the Expert Reviewer</h2>',
        '<p data-line="17">The expert reviewer is Board Certified in Physical Medicine and Rehabilitation and is licensed to practice in California.</p>',
        '</section>',
        '<section class="letter-section section-case-summary" id="imr-section-case-summary" data-line="19">',
        '<h2 class="section-title">Case Summary</h2>',
        '<p data-line="21">The applicant is a 61-year-old clerk with chronic low back pain.</p>',
        '<section class="item decision-upheld" id="imr-item-1" data-line="23">',
        '<h3 class="item-header"><span class="item-name">Lidoderm 5% patch #30</span> <span class="decision decision-upheld">is not medically necessary and appropriate</span></h3>',
        '<div class="field field-reviewer" data-line="25">',
        '<p data-line="25"><strong class="field-label">Medical Treatment Guideline(s) Relied Upon by the Expert Reviewer:</strong> MTUS Chronic Pain Medical Treatment Guidelines, Lidoderm (lidocaine patch), page 56.</p>',
        '</div>',
        '<div class="field field-rationale" data-line="29">',
        '<p data-line="29"><strong class="field-label">Rationale for the Decision:</strong> Here, the pain is axial. The request for Lidoderm 5% patch #30 is not medically necessary and appropriate.</p>',
        '</div>',
        '</section>',
        '</section>',
        '</article>',
      ].join('\n'),
    );
  });

  it('prints titles and labels as the letter spells them, a decision written below its item once, a label alone on its line', () => {
    assert.equal(
      letter(TITLES_AS_TYPED, ['credentials']),
      [
        '<article class="letter">',
        '<section class="letter-section section-how-made" id="imr-section-how-made" data-line="0">',
        '<h2 class="section-title">HOW THE IMR FINAL DETERMINATION WAS MADE</h2>',
        '<p data-line="2">MAXIMUS Federal Services sent the complete case file to an expert reviewer.</p>',
        '<p data-line="4">State(s) of Licensure   Texas, Ohio</p>',
        '<dl class="credentials" data-line="6">',
        '<div class="credential credential-specialties" data-line="6">',
        '<dt>Certification(s)/Specialty:</dt>',
        '<dd>Preventive Medicine</dd>',
        '</div>',
        '</dl>',
        '</section>',
        '<section class="letter-section section-case-summary" id="imr-section-case-summary" data-line="8">',
        '<h2 class="section-title">CLINICAL CASE SUMMARY</h2>',
        '<h5 data-line="10">Records reviewed</h5>',
        '<p data-line="12">The applicant has low back pain.</p>',
        '</section>',
        '<section class="letter-section section-issues" id="imr-section-issues" data-line="14">',
        '<h2 class="section-title">IMR ISSUES, DECISIONS AND RATIONALES</h2>',
        '<p data-line="16">The Final Determination was based on decisions for the disputed items/services set forth below:</p>',
        '<section class="item decision-upheld" id="imr-item-1" data-line="18">',
        '<h3 class="item-header"><span class="item-name">Lumbar MRI</span> <span class="decision decision-upheld">Upheld</span></h3>',
        '<div class="field field-claims-administrator" data-line="22">',
        '<p data-line="22"><strong class="field-label">Claims Administrator guideline:</strong></p>',
        '<ul data-line="24">',
        '<li data-line="24">The Claims Administrator based its decision on the MTUS.</li>',
        '<li data-line="25">Decision based on MTUS ACOEM Practice Guidelines, 2nd Edition (2004), Chapter 12</li>',
        '</ul>',
        '</div>',
        '<div class="field field-reviewer" data-line="27">',
        '<p data-line="27"><strong class="field-label">MAXIMUS guideline:</strong> The Expert Reviewer based its decision on the MTUS. Decision based on MTUS ACOEM Practice Guidelines, 2nd Edition (2004), Chapter 12</p>',
        '</div>',
        '<div class="field field-rationale" data-line="30">',
        '<p data-line="30"><strong class="field-label">Decision rationale:</strong> Here, there were no red flags.</p>',
        '<p data-line="34">Therefore, the request was not medically necessary.</p>',
        '</div>',
        '</section>',
        '</section>',
        '</article>',
      ].join('\n'),
    );
  });

  it('splits one paragraph of an item whose lines carry emphasis, code, a hard break and an image into its parts', () => {
    assert.equal(
      letter(INLINE_MARKUP, ['required-section', 'required-section']),
      [
        '<article class="letter">',
        '<section class="letter-section section-issues" id="imr-section-issues" data-line="0">',
        '<h2 class="section-title">IMR ISSUES, DECISIONS AND RATIONALES</h2>',
        '<p data-line="1">The Final Determination was based on decisions for the disputed items/services set forth below: <code>see list</code></p>',
        '<section class="item decision-upheld" id="imr-item-1" data-line="2">',
        '<h3 class="item-header"><span class="item-name">Lumbar MRI</span> <span class="decision decision-upheld">Upheld</span></h3>',
        '<div class="field field-claims-administrator" data-line="3">',
        '<p data-line="3"><strong class="field-label">Claims Administrator guideline:</strong> <em>The Claims Administrator based its decision on the MTUS. Decision based on MTUS ACOEM Practice Guidelines, 2nd Edition (2004), Chapter 12</em></p>',
        '</div>',
        '<div class="field field-reviewer" data-line="4">',
        '<p data-line="4"><strong class="field-label">MAXIMUS guideline:</strong> The Expert Reviewer based its decision on the <code>MTUS</code>. Decision based on MTUS ACOEM Practice Guidelines, 2nd Edition (2004), Chapter 12 <span class="image-placeholder" title="Images show only when embedded in the draft as data: URLs (PNG, JPEG, GIF or WebP); nothing is fetched.">[image: stamp]</span></p>',
        '</div>',
        '<div class="field field-rationale" data-line="5">',
        '<p data-line="5"><strong class="field-label">Decision rationale:</strong> <strong>Here, there were no red flags. Therefore, the request was not medically necessary.</strong></p>',
        '</div>',
        '</section>',
        '</section>',
        '</article>',
      ].join('\n'),
    );
  });
});

describe('what the letter is built from', () => {
  const ISSUES_ONLY = '# IMR ISSUES, DECISIONS AND RATIONALES\n\nLumbar MRI:  Upheld\n';

  it('says why a draft too large to check is not shown, in the letter itself', () => {
    assert.equal(
      renderDetermination(ISSUES_ONLY, { config: { maxFileSize: 10 } }).letterHtml,
      [
        '<article class="letter letter-unavailable">',
        '<p>This draft is not shown: This draft has 60 characters, more than the 10 that are checked; raise "maxFileSize" in configuration to check it.</p>',
        '</article>',
      ].join('\n'),
    );
  });

  it('heads the letter with a case number typed plainly, trimmed, or as a number, and with none for an empty or listed one', () => {
    const header = (frontMatter: string) => {
      const rendered = renderDetermination(`---\n${frontMatter}\n---\n\n${ISSUES_ONLY}`);
      return [rendered.caseNumber, rendered.letterHtml.split('\n')[2]];
    };
    assert.deepEqual(header('case: "  CM15-0004471 "'), [
      'CM15-0004471',
      '<p class="letter-case" data-line="1">Case Number: <span class="case-number">CM15-0004471</span></p>',
    ]);
    assert.deepEqual(header('case: 150004471'), [
      '150004471',
      '<p class="letter-case" data-line="1">Case Number: <span class="case-number">150004471</span></p>',
    ]);
    for (const none of ['case:', 'case: [CM15-0004471, CM15-0004472]', 'case: { number: CM15-0004471 }', 'case: "   "']) {
      assert.deepEqual(header(none), [undefined, '<h2 class="section-title">IMR ISSUES, DECISIONS AND RATIONALES</h2>'], none);
    }
  });

  it('shows the same letter from a check already made, with or without its tree', () => {
    const fresh = renderDetermination(PASTED_FROM_WORD, { today: '2015-06-01' });
    assert.equal(renderDetermination(PASTED_FROM_WORD, { analysis: { lint: fresh.lint } }).html, fresh.html);
  });
});

describe('code at the edge of a label', () => {
  const ITEM = [
    'IMR ISSUES, DECISIONS AND RATIONALES',
    'Lumbar MRI:  Upheld',
    'Claims Administrator guideline: The Claims Administrator based its decision on the MTUS. Decision based on MTUS ACOEM Practice Guidelines, 2nd Edition (2004), Chapter 12',
    '`MAXIMUS guideline:` The Expert Reviewer based its decision on the MTUS. Decision based on MTUS ACOEM Practice Guidelines, 2nd Edition (2004), Chapter 12',
    'Decision rationale: `Here`, there were no red flags. Therefore, the request was not medically necessary.',
    '',
  ].join('\n');

  it('loses no text: a label written as code, and code right after a label, keep the field before and the value after', () => {
    const html = renderDetermination(ITEM).letterHtml;
    assert.ok(
      html.includes(
        '<p data-line="2"><strong class="field-label">Claims Administrator guideline:</strong> The Claims Administrator based its decision on the MTUS. Decision based on MTUS ACOEM Practice Guidelines, 2nd Edition (2004), Chapter 12</p>',
      ),
    );
    assert.ok(
      html.includes(
        '<p data-line="3"><strong class="field-label">MAXIMUS guideline:</strong> The Expert Reviewer based its decision on the MTUS. Decision based on MTUS ACOEM Practice Guidelines, 2nd Edition (2004), Chapter 12</p>',
      ),
    );
    assert.ok(
      html.includes(
        '<p data-line="4"><strong class="field-label">Decision rationale:</strong> <code>Here</code>, there were no red flags. Therefore, the request was not medically necessary.</p>',
      ),
    );
    // The same letter as with the label typed plainly.
    const plain = renderDetermination(ITEM.replace('`MAXIMUS guideline:`', 'MAXIMUS guideline:')).letterHtml;
    assert.equal(plain, html);
  });
});

describe('raw HTML in a draft', () => {
  it('drops comments, even two on a line, and shows other HTML as text: inline in a sentence, as a block in a list item or a quote', () => {
    const draft =
      '# CLINICAL CASE SUMMARY\n\n<!-- imr-disable phi --> <!-- reviewed -->\n\nThe applicant has pain. <!-- check --> More <b>bold</b>.\n\n- <div>one</div>\n\n> <div>quoted</div>\n';
    assert.equal(
      renderDetermination(draft).letterHtml,
      [
        '<article class="letter">',
        '<section class="letter-section section-case-summary" id="imr-section-case-summary" data-line="0">',
        '<h2 class="section-title">CLINICAL CASE SUMMARY</h2>',
        '<p data-line="4">The applicant has pain.  More <code class="raw-html" title="Raw HTML in a draft is shown as text: it is never run and does not format the letter.">&#x3C;b></code>bold<code class="raw-html" title="Raw HTML in a draft is shown as text: it is never run and does not format the letter.">&#x3C;/b></code>.</p>',
        '<ul data-line="6">',
        '<li data-line="6">',
        '<pre class="raw-html" title="Raw HTML in a draft is shown as text: it is never run and does not format the letter." data-line="6">&#x3C;div>one&#x3C;/div></pre>',
        '</li>',
        '</ul>',
        '<blockquote data-line="8">',
        '<pre class="raw-html" title="Raw HTML in a draft is shown as text: it is never run and does not format the letter." data-line="8">&#x3C;div>quoted&#x3C;/div></pre>',
        '</blockquote>',
        '</section>',
        '</article>',
      ].join('\n'),
    );
  });
});

describe('images by reference', () => {
  it('shows an embedded one, a placeholder for one from elsewhere, and the text of one whose definition is missing', () => {
    const draft =
      '# CLINICAL CASE SUMMARY\n\nSee ![scan][film], ![x-ray][missing] and ![signature][sig].\n\n[film]: https://example.com/film.png\n[sig]: data:image/gif;base64,R0lGODlhAQABAAAAACw=\n';
    assert.equal(
      renderDetermination(draft).letterHtml,
      [
        '<article class="letter">',
        '<section class="letter-section section-case-summary" id="imr-section-case-summary" data-line="0">',
        '<h2 class="section-title">CLINICAL CASE SUMMARY</h2>',
        '<p data-line="2">See <span class="image-placeholder" title="Images show only when embedded in the draft as data: URLs (PNG, JPEG, GIF or WebP); nothing is fetched.">[image: scan]</span>, ![x-ray][missing] and <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="signature">.</p>',
        '</section>',
        '</article>',
      ].join('\n'),
    );
  });
});

describe('a label alone on its line', () => {
  it('keeps a heading below it as the field’s own, and the paragraphs after as paragraphs', () => {
    const draft = [
      'IMR ISSUES, DECISIONS AND RATIONALES',
      '',
      'Lumbar MRI:  Upheld',
      '',
      'Decision rationale:',
      '',
      '## Red flags',
      '',
      'None were found.',
      '',
      'Therefore, the request was not medically necessary.',
      '',
    ].join('\n');
    assert.equal(
      renderDetermination(draft).letterHtml,
      [
        '<article class="letter">',
        '<section class="letter-section section-issues" id="imr-section-issues" data-line="0">',
        '<h2 class="section-title">IMR ISSUES, DECISIONS AND RATIONALES</h2>',
        '<section class="item decision-upheld" id="imr-item-1" data-line="2">',
        '<h3 class="item-header"><span class="item-name">Lumbar MRI</span> <span class="decision decision-upheld">Upheld</span></h3>',
        '<div class="field field-rationale" data-line="4">',
        '<p data-line="4"><strong class="field-label">Decision rationale:</strong></p>',
        '<h5 data-line="6">Red flags</h5>',
        '<p data-line="8">None were found.</p>',
        '<p data-line="10">Therefore, the request was not medically necessary.</p>',
        '</div>',
        '</section>',
        '</section>',
        '</article>',
      ].join('\n'),
    );
  });
});

describe('a 2013 letter begun', () => {
  it('prints the determination sentences of an item whose rationale is not written yet', () => {
    const draft = [
      '---',
      'profile: ca-dwc-imr-2013',
      '---',
      '',
      'NOTICE OF INDEPENDENT MEDICAL REVIEW DETERMINATION',
      '',
      '1) MAXIMUS Federal Services, Inc. has determined the request for Lidoderm 5% patch #30 is not medically necessary and appropriate.',
      '',
      'INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE',
      '',
      '1) MAXIMUS Federal Services, Inc. has determined the request for Lidoderm 5% patch #30 is not medically necessary and appropriate.',
      '',
    ].join('\n');
    const rendered = renderDetermination(draft);
    assert.deepEqual(
      rendered.lint.model!.items.map((item) => [item.name.text, item.block]),
      [['Lidoderm 5% patch #30', undefined]],
    );
    assert.equal(
      rendered.letterHtml,
      [
        '<article class="letter">',
        '<section class="letter-section section-notice" id="imr-section-notice" data-line="4">',
        '<h2 class="section-title">Notice of Independent Medical Review Determination</h2>',
        '<ol data-line="6">',
        '<li data-line="6">MAXIMUS Federal Services, Inc. has determined the request for Lidoderm 5% patch #30 is not medically necessary and appropriate.</li>',
        '</ol>',
        '</section>',
        '<section class="letter-section section-decision" id="imr-section-decision" data-line="8">',
        '<h2 class="section-title">INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE</h2>',
        '<ol data-line="10">',
        '<li data-line="10">MAXIMUS Federal Services, Inc. has determined the request for Lidoderm 5% patch #30 is not medically necessary and appropriate.</li>',
        '</ol>',
        '</section>',
        '</article>',
      ].join('\n'),
    );
  });
});
