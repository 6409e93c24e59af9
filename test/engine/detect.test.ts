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
