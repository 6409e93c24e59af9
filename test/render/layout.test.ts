import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { renderDetermination } from '../../engine/src/render';
import { attr, byClass, byTag, classes, parseBody, textOf, type HtmlElement } from './html';

const seed = readFileSync(new URL('../fixtures/seed.imr.md', import.meta.url), 'utf8');

const HOW_MADE = 'HOW THE IMR FINAL DETERMINATION WAS MADE';
const CASE_SUMMARY = 'CLINICAL CASE SUMMARY';
const ISSUES = 'IMR ISSUES, DECISIONS AND RATIONALES';
const INTRO = 'The Final Determination was based on decisions for the disputed items/services set forth below:';
const CA =
  'Claims Administrator guideline: The Claims Administrator based its decision on the MTUS. Decision based on MTUS Chronic Pain Medical Treatment Guidelines, page 78';
const REVIEWER =
  'MAXIMUS guideline: The Expert Reviewer based its decision on the MTUS. Decision based on MTUS Chronic Pain Medical Treatment Guidelines, page 80';
const RATIONALE = 'Decision rationale: Here, function did not improve. Therefore, the request was not medically necessary.';

function render(text: string) {
  const body = parseBody(renderDetermination(text).html);
  return { body, letter: byClass(body, 'letter')[0], summary: byClass(body, 'summary')[0] };
}

function dataLine(element: HtmlElement): number {
  return Number(attr(element, 'data-line'));
}

describe('laying out the letter', () => {
  it('splits a draft written without blank lines into sections, items, fields and credentials', () => {
    const draft = [
      HOW_MADE,
      'The reviewer is independent.',
      'State(s) of Licensure: Texas, Ohio',
      'Certification(s)/Specialty: Preventive Medicine',
      CASE_SUMMARY,
      'The applicant has low back pain.',
      ISSUES,
      INTRO,
      'Norco 10/325 mg #90: Upheld',
      CA,
      REVIEWER,
      RATIONALE,
    ].join('\n');
    const { letter } = render(draft);
    const sections = byClass(letter, 'letter-section');
    assert.deepEqual(
      sections.map((section) => textOf(byClass(section, 'section-title')[0])),
      [HOW_MADE, CASE_SUMMARY, ISSUES],
    );
    assert.deepEqual(sections.map(dataLine), [0, 4, 6]);
    assert.equal(textOf(byTag(sections[0], 'p')[0]), 'The reviewer is independent.');
    assert.deepEqual(
      byClass(letter, 'credential').map((credential) => [textOf(credential), dataLine(credential)]),
      [
        ['State(s) of Licensure: Texas, Ohio', 2],
        ['Certification(s)/Specialty: Preventive Medicine', 3],
      ],
    );
    const [item] = byClass(letter, 'item');
    assert.equal(dataLine(item), 8);
    assert.equal(textOf(byClass(item, 'item-header')[0]), 'Norco 10/325 mg #90 Upheld');
    assert.deepEqual(
      byClass(item, 'field').map((field) => [textOf(field), dataLine(field)]),
      [
        [CA, 9],
        [REVIEWER, 10],
        [RATIONALE, 11],
      ],
    );
    assert.equal(textOf(byTag(sections[2], 'p')[0]), INTRO);
  });

  it('lays out items and fields written as list items, and keeps other lists as lists', () => {
    const draft = [
      `# ${ISSUES}`,
      '',
      INTRO,
      '',
      '1. Norco 10/325 mg #90: Upheld',
      `   - ${CA}`,
      `   - ${REVIEWER}`,
      `   - ${RATIONALE}`,
      '',
      '   Notes in the item:',
      '',
      '   - first note',
      '   - second note',
    ].join('\n');
    const { letter } = render(draft);
    const [item] = byClass(letter, 'item');
    assert.deepEqual(
      byClass(item, 'field').map((field) => classes(field)[1]),
      ['field-claims-administrator', 'field-reviewer', 'field-rationale'],
    );
    const rationale = byClass(item, 'field-rationale')[0];
    assert.deepEqual(
      byTag(rationale, 'li').map((entry) => textOf(entry)),
      ['first note', 'second note'],
    );
    assert.equal(byTag(item, 'ol').length, 0, 'the list that held the item is gone');
  });

  it('renumbers the part of an ordered list that stays a list', () => {
    const draft = [`# ${CASE_SUMMARY}`, '', '3. third', '4. State(s) of Licensure: Texas', '5. fifth', '6. sixth'].join('\n');
    const { letter } = render(draft);
    const lists = byTag(letter, 'ol');
    assert.deepEqual(
      lists.map((list) => [attr(list, 'start'), textOf(list)]),
      [
        ['3', 'third'],
        ['5', 'fifth sixth'],
      ],
    );
    assert.equal(textOf(byClass(letter, 'credentials')[0]), 'State(s) of Licensure: Texas');
  });

  it("flags a decision that is not an IMR word, showing the draft's own word", () => {
    const { letter, summary } = render(seed.replace('Injection:  Overturned', 'Injection:  overturn'));
    const badge = byClass(letter, 'decision')[0];
    assert.equal(textOf(badge), 'overturn');
    assert.deepEqual(classes(badge), ['decision', 'decision-overturned', 'decision-flagged']);
    assert.match(attr(badge, 'title')!, /Overturned/);
    assert.deepEqual(classes(byClass(summary, 'decision')[0]), ['decision', 'decision-overturned', 'decision-flagged']);
    assert.ok(classes(byClass(letter, 'item')[0]).includes('decision-flagged'));
  });

  it('flags a UR word and a missing decision', () => {
    const approved = render(seed.replace('Injection:  Overturned', 'Injection:  Approved')).letter;
    assert.equal(textOf(byClass(approved, 'decision')[0]), 'Approved');
    assert.ok(classes(byClass(approved, 'decision')[0]).includes('decision-flagged'));
    const draft = [`## ${ISSUES}`, '', INTRO, '', '### Norco 10/325 mg #90', '', CA, '', REVIEWER, '', RATIONALE].join('\n');
    const missing = render(draft).letter;
    const badge = byClass(missing, 'decision')[0];
    assert.equal(textOf(badge), 'No decision');
    assert.ok(classes(badge).includes('decision-missing'));
  });

  it('shows the case number from front matter above the letter and in the summary, linked to its line', () => {
    const { letter, summary } = render(`---\ncase: CM14-0123456\nprofile: ca-dwc-imr\n---\n${seed}`);
    assert.equal(textOf(byClass(letter, 'letter-header')[0]), 'Case Number: CM14-0123456');
    const link = byTag(byClass(summary, 'summary-case')[0], 'a')[0];
    assert.equal(textOf(link), 'CM14-0123456');
    assert.equal(attr(link, 'data-source-line'), '1');
    assert.equal(attr(byTag(byClass(summary, 'summary-profile')[0], 'a')[0], 'data-source-line'), '2');
  });

  it("ranks the writer's own headings below the item lines, and keeps fenced code as code", () => {
    const draft = [`## ${CASE_SUMMARY}`, '', '# Background', '', 'Text.', '', '```', 'State(s) of Licensure: nowhere', '```'].join('\n');
    const { letter } = render(draft);
    assert.equal(textOf(byTag(letter, 'h4')[0]), 'Background');
    assert.equal(byTag(letter, 'h1').length, 0);
    assert.equal(textOf(byTag(letter, 'pre')[0]), 'State(s) of Licensure: nowhere');
  });

  it('reads indented text pasted from a letter as prose, as the model does', () => {
    const draft = [`# ${CASE_SUMMARY}`, '', '    The applicant reported pain', '    in the left hip.'].join('\n');
    const { letter } = render(draft);
    assert.equal(byTag(letter, 'pre').length, 0);
    assert.equal(textOf(byTag(letter, 'p')[0]), 'The applicant reported pain in the left hip.');
    assert.equal(dataLine(byTag(letter, 'p')[0]), 2);
  });

  it("counts lines the editor's way with CRLF line endings", () => {
    const { letter } = render(seed.replace(/\r?\n/g, '\r\n'));
    const lf = render(seed).letter;
    assert.deepEqual(byTag(letter, 'p').map(dataLine), byTag(lf, 'p').map(dataLine));
    assert.equal(
      dataLine(byClass(letter, 'item')[0]),
      seed.split('\n').findIndex((line) => line.startsWith('Left Hip Cortisone Injection')),
    );
  });

  it('renders ordinary Markdown that is no determination as a plain letter body', () => {
    const { letter, summary } = render('# Notes\n\nJust *notes*, with a [link](https://example.org).');
    assert.equal(byClass(letter, 'letter-section').length, 0);
    assert.equal(textOf(byClass(letter, 'letter-preamble')[0]), 'Notes Just notes, with a link.');
    assert.equal(textOf(byClass(summary, 'summary-missing')[1]), 'No disputed items found.');
  });

  it('says why a draft too large to check is not shown', () => {
    assert.equal(byClass(render(seed).body, 'letter-unavailable').length, 0);
    const large = parseBody(renderDetermination(seed, { config: { maxFileSize: 100 } }).html);
    assert.match(textOf(byClass(large, 'letter-unavailable')[0]), /more than the 100 that are checked/);
    assert.equal(textOf(byClass(byClass(large, 'count-warning')[0], 'count-number')[0]), '1');
  });

  it('links the summary into the page, not the draft, when exporting', () => {
    const body = parseBody(renderDetermination(seed, { mode: 'export' }).html);
    const summary = byClass(body, 'summary')[0];
    const links = byTag(summary, 'a');
    assert.deepEqual(
      links.map((link) => attr(link, 'href')),
      ['#imr-item-1'],
    );
    assert.equal(attr(byClass(body, 'item')[0], 'id'), 'imr-item-1');
    assert.match(textOf(byClass(summary, 'finding-line')[0]), /^Line \d+$/);
  });
});
