import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderDetermination, type RenderOptions } from '../../engine/src/render';

// The summary is written out whole: a reader sees every word, link and class of it.
const HOW_MADE = [
  '# HOW THE IMR FINAL DETERMINATION WAS MADE',
  '',
  'MAXIMUS Federal Services sent the complete case file to an expert reviewer.',
  '',
  'State(s) of Licensure: Texas, Ohio',
  '',
  'Certification(s)/Specialty: Preventive Medicine',
  '',
];
const CASE_SUMMARY = [
  '# CLINICAL CASE SUMMARY',
  '',
  'The applicant has chronic hip pain after a fall on May 12, 2013. TODO: add the MRI of March 2, 2015.',
  '',
];
const ISSUES = [
  '# IMR ISSUES, DECISIONS AND RATIONALES',
  '',
  'The Final Determination was based on decisions for the disputed items/services set forth below:',
  '',
];
const INJECTION = [
  '## Left Hip Cortisone Injection: Overturn',
  '',
  'Claims Administrator guideline: The Claims Administrator did not base their decision on the MTUS. Decision based on Non-MTUS Citation ODG Hip & Pelvis Chapter',
  '',
  'MAXIMUS guideline: The Expert Reviewer did not base their decision on the MTUS. Decision based on Non-MTUS Citation ACOEM Practice Guidelines, Third Edition, Hip Chapter',
  '',
  'Decision rationale: The MTUS does not address the topic. TODO: cite ACOEM. Therefore, the request was medically necessary.',
  '',
];
const NAPROXEN = [
  '## Naproxen 550 mg #60: Upheld',
  '',
  'Claims Administrator guideline: The Claims Administrator based its decision on the MTUS. Decision based on MTUS Chronic Pain Medical Treatment Guidelines, page 67',
  '',
  'MAXIMUS guideline: The Expert Reviewer based its decision on the MTUS. Decision based on MTUS Chronic Pain Medical Treatment Guidelines, page 67',
  '',
  'Decision rationale: Here, the applicant did not improve. Therefore, the request was not medically necessary.',
  '',
];
const FRONT_MATTER = ['---', 'case: CM15-0004471', 'profile: ca-dwc-imr', '---', ''];

function summary(lines: string[], options: RenderOptions = {}): string {
  return renderDetermination(lines.join('\n'), { today: '2015-06-01', ...options }).summaryHtml;
}

function dump(name: string, html: string): void {
  if (process.env.DUMP_SUMMARY) console.log(`--- ${name}\n${html.replace(/></g, '>\n<')}`);
}

describe('the summary above the letter', () => {
  it('links the case number, the profile, each item and each finding to its line in the preview', () => {
    const html = summary([...FRONT_MATTER, ...HOW_MADE, ...CASE_SUMMARY, ...ISSUES, ...INJECTION, ...NAPROXEN], {
      config: { rules: { placeholder: 'warning' } },
    });
    dump('preview', html);
    assert.equal(
      html,
      [
        '<nav class="summary" aria-label="Determination summary">',
        '<h2 class="summary-title">Summary</h2>',
        '<dl class="summary-facts">',
        '<dt>Case number</dt>',
        '<dd class="summary-case">',
        '<a class="source-link" href="#" data-source-line="1" title="Show line 2 in the draft">CM15-0004471</a>',
        '</dd>',
        '<dt>Profile</dt>',
        '<dd class="summary-profile" title="California DWC IMR final determination (current format, as in the seed letter).">',
        '<a class="source-link" href="#" data-source-line="2" title="Show line 3 in the draft">ca-dwc-imr</a>',
        '</dd>',
        '</dl>',
        '<h3 class="summary-heading">Disputed items (2)</h3>',
        '<ol class="summary-items">',
        '<li class="summary-item">',
        '<a class="source-link" href="#imr-item-1" data-source-line="21" title="Show line 22 in the draft">Left Hip Cortisone Injection</a> <span class="decision decision-overturned decision-flagged" title="Not an IMR decision word (nearest: Overturned); write Upheld or Overturned.">Overturn</span>',
        '</li>',
        '<li class="summary-item">',
        '<a class="source-link" href="#imr-item-2" data-source-line="29" title="Show line 30 in the draft">Naproxen 550 mg #60</a> <span class="decision decision-upheld">Upheld</span>',
        '</li>',
        '</ol>',
        '<h3 class="summary-heading">Findings</h3>',
        '<p class="summary-counts">',
        '<span class="count count-error">',
        '<a class="source-link" href="#" data-source-line="21" title="Show the first error in the draft">',
        '<span class="count-number">1</span> error</a>',
        '</span>, <span class="count count-warning">',
        '<a class="source-link" href="#" data-source-line="15" title="Show the first warning in the draft">',
        '<span class="count-number">2</span> warnings</a>',
        '</span>, <span class="count count-info">',
        '<span class="count-number">0</span> infos</span>',
        '</p>',
        '<ul class="summary-findings">',
        '<li class="finding finding-warning">',
        '<span class="finding-line">',
        '<a class="source-link" href="#" data-source-line="15" title="Show line 16 in the draft">Line 16</a>',
        '</span> <span class="finding-severity">warning</span> <span class="finding-message">"TODO" marks text still to write; finish it and remove the mark.</span> <span class="finding-rule">placeholder</span>',
        '</li>',
        '<li class="finding finding-error">',
        '<span class="finding-line">',
        '<a class="source-link" href="#" data-source-line="21" title="Show line 22 in the draft">Line 22</a>',
        '</span> <span class="finding-severity">error</span> <span class="finding-message">"Overturn" is not an IMR decision; write "Overturned".</span> <span class="finding-rule">decision-value</span>',
        '</li>',
        '<li class="finding finding-warning">',
        '<span class="finding-line">',
        '<a class="source-link" href="#" data-source-line="27" title="Show line 28 in the draft">Line 28</a>',
        '</span> <span class="finding-severity">warning</span> <span class="finding-message">"TODO" marks text still to write; finish it and remove the mark.</span> <span class="finding-rule">placeholder</span>',
        '</li>',
        '</ul>',
        '</nav>',
      ].join(''),
    );
  });

  it('in an export, links items within the page and prints the rest as text', () => {
    const html = summary([...HOW_MADE, ...CASE_SUMMARY, ...ISSUES, ...INJECTION, ...NAPROXEN], { mode: 'export', config: { rules: { placeholder: 'hint' } } });
    dump('export', html);
    assert.equal(
      html,
      [
        '<nav class="summary" aria-label="Determination summary">',
        '<h2 class="summary-title">Summary</h2>',
        '<dl class="summary-facts">',
        '<dt>Case number</dt>',
        '<dd class="summary-case summary-missing">None in the front matter (add "case: CM14-0123456")</dd>',
        '<dt>Profile</dt>',
        '<dd class="summary-profile" title="California DWC IMR final determination (current format, as in the seed letter).">ca-dwc-imr</dd>',
        '</dl>',
        '<h3 class="summary-heading">Disputed items (2)</h3>',
        '<ol class="summary-items">',
        '<li class="summary-item">',
        '<a href="#imr-item-1">Left Hip Cortisone Injection</a> <span class="decision decision-overturned decision-flagged" title="Not an IMR decision word (nearest: Overturned); write Upheld or Overturned.">Overturn</span>',
        '</li>',
        '<li class="summary-item">',
        '<a href="#imr-item-2">Naproxen 550 mg #60</a> <span class="decision decision-upheld">Upheld</span>',
        '</li>',
        '</ol>',
        '<h3 class="summary-heading">Findings</h3>',
        '<p class="summary-counts">',
        '<span class="count count-error">',
        '<span class="count-number">1</span> error</span>, <span class="count count-warning">',
        '<span class="count-number">0</span> warnings</span>, <span class="count count-info">',
        '<span class="count-number">0</span> infos</span>, <span class="count count-hint">',
        '<span class="count-number">2</span> hints</span>',
        '</p>',
        '<ul class="summary-findings">',
        '<li class="finding finding-hint">',
        '<span class="finding-line">Line 11</span> <span class="finding-severity">hint</span> <span class="finding-message">"TODO" marks text still to write; finish it and remove the mark.</span> <span class="finding-rule">placeholder</span>',
        '</li>',
        '<li class="finding finding-error">',
        '<span class="finding-line">Line 17</span> <span class="finding-severity">error</span> <span class="finding-message">"Overturn" is not an IMR decision; write "Overturned".</span> <span class="finding-rule">decision-value</span>',
        '</li>',
        '<li class="finding finding-hint">',
        '<span class="finding-line">Line 23</span> <span class="finding-severity">hint</span> <span class="finding-message">"TODO" marks text still to write; finish it and remove the mark.</span> <span class="finding-rule">placeholder</span>',
        '</li>',
        '</ul>',
        '</nav>',
      ].join(''),
    );
  });

  it('flags an item without a decision and counts a hint only when there is one', () => {
    const html = summary([...HOW_MADE, ...ISSUES, ...NAPROXEN.map((line) => line.replace(': Upheld', ''))]);
    dump('no decision', html);
    assert.equal(
      html,
      [
        '<nav class="summary" aria-label="Determination summary">',
        '<h2 class="summary-title">Summary</h2>',
        '<dl class="summary-facts">',
        '<dt>Case number</dt>',
        '<dd class="summary-case summary-missing">None in the front matter (add "case: CM14-0123456")</dd>',
        '<dt>Profile</dt>',
        '<dd class="summary-profile" title="California DWC IMR final determination (current format, as in the seed letter).">',
        '<a class="source-link" href="#" data-source-line="0" title="Show line 1 in the draft">ca-dwc-imr</a>',
        '</dd>',
        '</dl>',
        '<h3 class="summary-heading">Disputed items (1)</h3>',
        '<ol class="summary-items">',
        '<li class="summary-item">',
        '<a class="source-link" href="#imr-item-1" data-source-line="12" title="Show line 13 in the draft">Naproxen 550 mg #60</a> <span class="decision decision-missing decision-flagged" title="The item line gives no decision; write Upheld or Overturned.">No decision</span>',
        '</li>',
        '</ol>',
        '<h3 class="summary-heading">Findings</h3>',
        '<p class="summary-counts">',
        '<span class="count count-error">',
        '<a class="source-link" href="#" data-source-line="8" title="Show the first error in the draft">',
        '<span class="count-number">2</span> errors</a>',
        '</span>, <span class="count count-warning">',
        '<span class="count-number">0</span> warnings</span>, <span class="count count-info">',
        '<span class="count-number">0</span> infos</span>',
        '</p>',
        '<ul class="summary-findings">',
        '<li class="finding finding-error">',
        '<span class="finding-line">',
        '<a class="source-link" href="#" data-source-line="8" title="Show line 9 in the draft">Line 9</a>',
        '</span> <span class="finding-severity">error</span> <span class="finding-message">Add the required section "CLINICAL CASE SUMMARY".</span> <span class="finding-rule">required-section</span>',
        '</li>',
        '<li class="finding finding-error">',
        '<span class="finding-line">',
        '<a class="source-link" href="#" data-source-line="12" title="Show line 13 in the draft">Line 13</a>',
        '</span> <span class="finding-severity">error</span> <span class="finding-message">Item "Naproxen 550 mg #60" has no decision; end its line with "Upheld" or "Overturned".</span> <span class="finding-rule">decision-value</span>',
        '</li>',
        '</ul>',
        '</nav>',
      ].join(''),
    );
  });

  it('says when no disputed item was found', () => {
    const html = summary([...FRONT_MATTER, ...HOW_MADE, ...CASE_SUMMARY.map((line) => line.replace(/ TODO.*$/, '')), ...ISSUES], { mode: 'export' });
    dump('no items', html);
    assert.equal(
      html,
      [
        '<nav class="summary" aria-label="Determination summary">',
        '<h2 class="summary-title">Summary</h2>',
        '<dl class="summary-facts">',
        '<dt>Case number</dt>',
        '<dd class="summary-case">CM15-0004471</dd>',
        '<dt>Profile</dt>',
        '<dd class="summary-profile" title="California DWC IMR final determination (current format, as in the seed letter).">ca-dwc-imr</dd>',
        '</dl>',
        '<h3 class="summary-heading">Disputed items (0)</h3>',
        '<p class="summary-missing">No disputed items found.</p>',
        '<h3 class="summary-heading">Findings</h3>',
        '<p class="summary-counts">',
        '<span class="count count-error">',
        '<span class="count-number">1</span> error</span>, <span class="count count-warning">',
        '<span class="count-number">0</span> warnings</span>, <span class="count count-info">',
        '<span class="count-number">0</span> infos</span>',
        '</p>',
        '<ul class="summary-findings">',
        '<li class="finding finding-error">',
        '<span class="finding-line">Line 18</span> <span class="finding-severity">error</span> <span class="finding-message">"IMR ISSUES, DECISIONS AND RATIONALES" decides no disputed item; add one as "&#x3C;Item name>:  Upheld" or "&#x3C;Item name>:  Overturned" followed by its fields.</span> <span class="finding-rule">disputed-items</span>',
        '</li>',
        '</ul>',
        '</nav>',
      ].join(''),
    );
  });

  it('summarises a draft too large to check with its one finding', () => {
    const html = summary([...FRONT_MATTER, ...HOW_MADE, ...ISSUES, ...NAPROXEN], { config: { maxFileSize: 100 } });
    dump('too large', html);
    assert.equal(
      html,
      [
        '<nav class="summary" aria-label="Determination summary">',
        '<h2 class="summary-title">Summary</h2>',
        '<dl class="summary-facts">',
        '<dt>Case number</dt>',
        '<dd class="summary-case summary-missing">None in the front matter (add "case: CM14-0123456")</dd>',
        '</dl>',
        '<h3 class="summary-heading">Disputed items (0)</h3>',
        '<p class="summary-missing">No disputed items found.</p>',
        '<h3 class="summary-heading">Findings</h3>',
        '<p class="summary-counts">',
        '<span class="count count-error">',
        '<span class="count-number">0</span> errors</span>, <span class="count count-warning">',
        '<a class="source-link" href="#" data-source-line="0" title="Show the first warning in the draft">',
        '<span class="count-number">1</span> warning</a>',
        '</span>, <span class="count count-info">',
        '<span class="count-number">0</span> infos</span>',
        '</p>',
        '<ul class="summary-findings">',
        '<li class="finding finding-warning">',
        '<span class="finding-line">',
        '<a class="source-link" href="#" data-source-line="0" title="Show line 1 in the draft">Line 1</a>',
        '</span> <span class="finding-severity">warning</span> <span class="finding-message">This draft has 842 characters, more than the 100 that are checked; raise "maxFileSize" in configuration to check it.</span> <span class="finding-rule">max-file-size</span>',
        '</li>',
        '</ul>',
        '</nav>',
      ].join(''),
    );
  });
  it('lists fifty findings and counts the rest', () => {
    const notes = Array.from({ length: 52 }, (_, index) => [`Visit ${index + 1}: TODO summarise the progress note.`, '']).flat();
    const html = summary([...FRONT_MATTER, ...HOW_MADE, '# CLINICAL CASE SUMMARY', '', ...notes, ...ISSUES, ...NAPROXEN]);
    assert.match(html, /<span class="count-number">52<\/span> errors<\/a>/);
    assert.equal(html.match(/<li class="finding finding-error">/g)?.length, 50);
    assert.ok(
      html.includes('<span class="finding-line"><a class="source-link" href="#" data-source-line="113" title="Show line 114 in the draft">Line 114</a></span>'),
    );
    assert.ok(!html.includes('Line 116<'));
    assert.ok(html.endsWith('<li class="finding-more">… and 2 more (see the Problems panel or imr-lint).</li></ul></nav>'));
  });
  it('lists exactly fifty findings with no line for more, and no list at all for a draft without findings', () => {
    const notes = Array.from({ length: 50 }, (_, index) => [`Visit ${index + 1}: TODO summarise the progress note.`, '']).flat();
    const fifty = summary([...FRONT_MATTER, ...HOW_MADE, '# CLINICAL CASE SUMMARY', '', ...notes, ...ISSUES, ...NAPROXEN]);
    assert.equal(fifty.match(/<li class="finding finding-error">/g)?.length, 50);
    assert.ok(!fifty.includes('finding-more'));
    const clean = summary([...FRONT_MATTER, ...HOW_MADE, ...CASE_SUMMARY.map((line) => line.replace(/ TODO.*$/, '')), ...ISSUES, ...NAPROXEN], {
      mode: 'export',
    });
    assert.ok(
      clean.endsWith(
        '<h3 class="summary-heading">Findings</h3><p class="summary-counts"><span class="count count-error"><span class="count-number">0</span> errors</span>, <span class="count count-warning"><span class="count-number">0</span> warnings</span>, <span class="count count-info"><span class="count-number">0</span> infos</span></p></nav>',
      ),
    );
  });
});
