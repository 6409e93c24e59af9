import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { isDetermination } from '../../engine/src/detect';

const seed = readFileSync(new URL('../fixtures/seed.imr.md', import.meta.url), 'utf8');

describe('isDetermination', () => {
  it('takes every *.imr.md file', () => {
    assert.equal(isDetermination('', '/drafts/empty.imr.md'), true);
    assert.equal(isDetermination('# Notes', 'C:\\drafts\\Case.IMR.MD'), true);
  });

  for (const [name, eol] of [
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ] as const) {
    it(`recognises Markdown with two section titles (${name})`, () => {
      assert.equal(isDetermination(seed.replace(/\r?\n/g, eol), 'draft.md'), true);
    });

    it(`recognises Markdown whose front matter names a profile (${name})`, () => {
      assert.equal(isDetermination(['---', 'case: CM14-0123456', 'profile: ca-dwc-imr-2015', '---', 'Draft'].join(eol), 'draft.md'), true);
    });
  }

  it('leaves other Markdown alone: one title, a profile outside front matter, prose mentioning titles', () => {
    assert.equal(isDetermination('# CLINICAL CASE SUMMARY\n\nNotes for later.\n', 'notes.md'), false);
    assert.equal(isDetermination('# Notes\n\nprofile: ca-dwc-imr\n', 'notes.md'), false);
    assert.equal(isDetermination('We wrote the CLINICAL CASE SUMMARY and the IMR ISSUES, DECISIONS AND RATIONALES today.\n', 'notes.md'), false);
  });

  it('knows the titles of custom profiles from configuration', () => {
    const config = {
      profiles: [
        {
          id: 'acme-imr',
          description: '',
          sections: [
            { id: 'facts', title: 'FACTS OF THE CASE', aliases: [], required: true },
            { id: 'issues', title: 'DECISIONS', aliases: [], required: true },
          ],
          issuesSection: 'issues',
          decisions: { upheld: 'Upheld', overturned: 'Overturned' },
          fields: [],
          rules: {},
        },
      ],
    };
    const text = 'FACTS OF THE CASE\n\nText.\n\nDECISIONS\n\nMRI: Upheld\n';
    assert.equal(isDetermination(text, 'acme.md'), false);
    assert.equal(isDetermination(text, 'acme.md', config as never), true);
  });
});

describe('isDetermination: titles that stand as titles, of one letter format', () => {
  const both = 'HOW THE IMR FINAL DETERMINATION WAS MADE\n\nText.\n\nCLINICAL CASE SUMMARY\n\nText.\n';
  const wrap = (open: string, close = ''): string => `# Study notes\n\n${open}${both}${close}\n`;

  it('takes two titles of one profile, one of them a title only IMR letters carry', () => {
    assert.equal(isDetermination(both, 'draft.md'), true);
    assert.equal(isDetermination('Notice of Independent Medical Review Determination\n\n1) ...\n\nCase Summary:\n\nText.\n', 'old.md'), true);
  });

  it('never counts titles in fenced or indented code, HTML comments, lists or quotations', () => {
    assert.equal(isDetermination(wrap('```text\n', '```'), 'notes.md'), false);
    assert.equal(isDetermination(wrap('~~~\n', '~~~'), 'notes.md'), false);
    assert.equal(isDetermination(`# Study notes\n\n${both.replace(/^/gm, '    ')}`, 'notes.md'), false);
    assert.equal(isDetermination(wrap('<!--\n', '-->'), 'notes.md'), false);
    assert.equal(isDetermination('- HOW THE IMR FINAL DETERMINATION WAS MADE\n- CLINICAL CASE SUMMARY\n', 'checklist.md'), false);
    assert.equal(isDetermination('1. HOW THE IMR FINAL DETERMINATION WAS MADE\n2. CLINICAL CASE SUMMARY\n', 'checklist.md'), false);
    assert.equal(isDetermination(`> ${both.replace(/\n/g, '\n> ')}`, 'appeal.md'), false);
  });

  it('leaves alone titles every medical report uses, and titles of two different formats', () => {
    // A UR letter: "CASE SUMMARY" and "DOCUMENTS REVIEWED" belong to no IMR-only title.
    assert.equal(
      isDetermination('UTILIZATION REVIEW DETERMINATION\n\nCASE SUMMARY\n\nText.\n\nDOCUMENTS REVIEWED\n\nText.\n\nDecision: Denied\n', 'ur.md'),
      false,
    );
    // One title of the current format and one of the 2013 format are not one letter.
    assert.equal(isDetermination('HOW THE IMR FINAL DETERMINATION WAS MADE\n\nText.\n\nCase Summary:\n\nText.\n', 'mixed.md'), false);
  });

  it('reads titles pasted from Word, one paragraph per line with no blank line between them', () => {
    assert.equal(
      isDetermination(
        'HOW THE IMR FINAL DETERMINATION WAS MADE\nMAXIMUS Federal Services sent ...\nIMR ISSUES, DECISIONS AND RATIONALES\nLumbar MRI: Upheld\n',
        'paste.md',
      ),
      true,
    );
  });
});

describe('isDetermination at its edges', () => {
  const TITLES = 'HOW THE IMR FINAL DETERMINATION WAS MADE\nIMR ISSUES, DECISIONS AND RATIONALES\n';

  it('takes the .imr.md name in any case, and only at the end of the name', () => {
    assert.equal(isDetermination('', 'letter.IMR.MD'), true);
    assert.equal(isDetermination('', 'letter.imr.md.bak'), false);
  });

  it('reads a profile only in front matter that opens the file, within its first 4096 characters, BOM and CRLF allowed', () => {
    assert.equal(isDetermination('\ufeff---\r\ncase: 1\r\nprofile: ca-dwc-imr\r\n---\r\n', 'a.md'), true);
    assert.equal(isDetermination('---\ncase: 1\n---\nprofile: ca-dwc-imr\n', 'a.md'), false);
    assert.equal(isDetermination('  ---\nprofile: ca-dwc-imr\n---\n', 'a.md'), false);
    assert.equal(isDetermination(`---\ntitle: x\n${'note: y\n'.repeat(600)}profile: ca-dwc-imr\n---\n`, 'a.md'), false);
    assert.equal(isDetermination(`---\ntitle: x\n${'note: y\n'.repeat(400)}profile: ca-dwc-imr\n---\n`, 'a.md'), true);
  });

  it('looks for titles in the first 200,000 characters only', () => {
    assert.equal(isDetermination(`${'filler line\n'.repeat(16_000)}${TITLES}`, 'a.md'), true);
    assert.equal(isDetermination(`${'filler line\n'.repeat(20_000)}${TITLES}`, 'a.md'), false);
  });
});
