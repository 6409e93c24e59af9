import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { guidelineSources } from '../../engine/src/catalogue/guidelines';
import { lint } from '../../engine/src/lint';
import { completionsAt, sourceSpellings, type Completion } from '../../engine/src/language/completion';
import { determinationSkeleton } from '../../engine/src/language/skeleton';
import { builtinProfiles } from '../../engine/src/profiles/builtin';
import { TEMPLATE_PLACEHOLDERS } from '../../engine/src/profiles/placeholders';
import { cursorAt, replaceOnce, seed } from './drafts';
import { expandSnippet } from './snippet';

/** Completions where ‸ stands in `marked`, sorted as the editor shows them. */
function complete(marked: string, trigger?: string): { items: Completion[]; text: string; offset: number } {
  const { text, offset } = cursorAt(marked);
  const items = completionsAt(lint(text).model!, offset, trigger).sort((a, b) => a.sortText.localeCompare(b.sortText));
  return { items, text, offset };
}

const labels = (items: Completion[]): string[] => items.map((item) => item.label);
const replaced = (text: string, item: Completion): string => text.slice(item.replace.start, item.replace.end);
const accept = (text: string, item: Completion): string => text.slice(0, item.replace.start) + item.insertText + text.slice(item.replace.end);

describe('completion', () => {
  describe('decision words', () => {
    it('come after an item line colon, replacing the word being typed', () => {
      const { items, text } = complete(replaceOnce(seed, 'Injection:  Overturned', 'Injection:  Ov‸'));
      assert.deepEqual(labels(items), ['Upheld', 'Overturned']);
      assert.ok(items.every((item) => item.kind === 'decision' && replaced(text, item) === 'Ov'));
      assert.match(items[0].documentation!, /not\* medically necessary/);
      assert.match(items[1].detail!, /reversed: the requested treatment is medically necessary/);
      assert.equal(lint(accept(text, items[1])).model!.items[0].decision.class, 'valid');
    });

    it('come alone on the line below an item name that ends with a colon, and the item reads whole once accepted', () => {
      for (const gap of ['\n', '\n \n\n']) {
        const { items, text } = complete(replaceOnce(seed, 'Injection:  Overturned', `Injection:${gap}Ov‸`));
        assert.deepEqual(labels(items), ['Upheld', 'Overturned'], JSON.stringify(gap));
        const item = lint(accept(text, items[1])).model!.items[0];
        assert.equal(`${item.name.text}: ${item.decision.text} (${item.decision.class})`, 'Left Hip Cortisone Injection: Overturned (valid)');
      }
      // Not below a rationale's sentence that ends with a colon.
      const { items } = complete(replaceOnce(seed, 'The MTUS does not address the topic.', 'The guidelines note the following:\n‸'));
      assert.ok(!labels(items).includes('Upheld'));
    });

    it('are spaced from the colon when the colon itself asked for them', () => {
      const { items, text } = complete(replaceOnce(seed, 'Injection:  Overturned', 'Injection:‸'), ':');
      assert.deepEqual(
        items.map((item) => item.insertText),
        ['  Upheld', '  Overturned'],
      );
      assert.match(accept(text, items[0]), /\nLeft Hip Cortisone Injection: {2}Upheld \n/);
    });

    it('work for bold and heading item lines', () => {
      const draft = replaceOnce(seed, 'Left Hip Cortisone Injection:  Overturned', '## **Left Hip Cortisone Injection:** ‸');
      assert.deepEqual(labels(complete(draft, ' ').items), ['Upheld', 'Overturned']);
    });

    it('are not offered after a field label, a sentence or outside the issues section', () => {
      assert.deepEqual(complete(replaceOnce(seed, 'Decision rationale: The MTUS', 'Decision rationale:‸ The MTUS'), ':').items, []);
      assert.deepEqual(
        complete(replaceOnce(seed, 'request. \n\n \n\nIMR ISSUES', 'request. The provider noted the following:‸ \n\n \n\nIMR ISSUES'), ':').items,
        [],
      );
      assert.deepEqual(complete(replaceOnce(seed, 'CLINICAL CASE SUMMARY \n\n', 'CLINICAL CASE SUMMARY \n\nKnee Brace:‸\n\n'), ':').items, []);
    });
  });

  describe('field labels', () => {
    const withoutRationaleLabel = replaceOnce(seed, 'Decision rationale: The MTUS', '‸\n\nThe MTUS');

    it('come at the start of a paragraph inside an item, the missing ones first', () => {
      const { items } = complete(withoutRationaleLabel);
      assert.deepEqual(labels(items), ['Decision rationale', 'Claims Administrator guideline', 'MAXIMUS guideline']);
      assert.match(items[0].detail!, /^Missing from "Left Hip Cortisone Injection"/);
      assert.equal(items[0].insertText, 'Decision rationale: ');
      assert.deepEqual(
        items.map((item) => item.retrigger),
        [false, true, true],
      );
    });

    it('replace what was typed of the label', () => {
      const { items, text } = complete(replaceOnce(withoutRationaleLabel, '‸', 'Decis‸'));
      assert.equal(replaced(text, items[0]), 'Decis');
    });

    it('are not offered in the middle of a paragraph, or when a typed space asked', () => {
      assert.deepEqual(complete(replaceOnce(seed, 'of functional \n\nrestoration', 'of functional \n‸\nrestoration')).items, []);
      assert.deepEqual(complete(withoutRationaleLabel, ' ').items, []);
    });
  });

  describe('citation forms', () => {
    it("come after a guideline label, spoken by that field's subject", () => {
      const draft = replaceOnce(seed, 'MAXIMUS guideline: The Expert Reviewer did not base their decision on the MTUS.  ', 'MAXIMUS guideline: ‸');
      const { items, text } = complete(draft, ' ');
      assert.deepEqual(
        items.map((item) => item.insertText),
        [
          'The Expert Reviewer based their decision on the MTUS. Decision based on MTUS ',
          'The Expert Reviewer did not base their decision on the MTUS. Decision based on Non-MTUS Citation ',
        ],
      );
      assert.ok(items.every((item) => item.retrigger && item.kind === 'citation'));
      const reviewer = lint(accept(text, items[1])).model!.items[0].reviewer!;
      assert.equal(reviewer.statement?.basedOnMtus, false);
    });

    it('replace what was typed of the statement, and name the Claims Administrator in its field', () => {
      const draft = replaceOnce(seed, 'The Claims Administrator did not base their decision on the \n\nMTUS.', 'The Claims‸');
      const { items, text } = complete(draft);
      assert.equal(replaced(text, items[0]), 'The Claims');
      assert.match(items[0].insertText, /^The Claims Administrator based their decision on the MTUS\. Decision based on MTUS $/);
    });
  });

  describe('guideline sources and chapters', () => {
    it("list the sources of the citation's kind first", () => {
      const { items } = complete(replaceOnce(seed, 'Non-MTUS Citation ODG Hip and Pelvis Chapter', 'Non-MTUS Citation ‸'), ' ');
      const kinds = items.map(
        (item) => guidelineSources.find((source) => item.detail!.startsWith(source.kind) && sourceSpellings(source).includes(item.label))!.kind,
      );
      const firstMtus = kinds.indexOf('MTUS');
      assert.ok(firstMtus > 0 && kinds.slice(firstMtus).every((kind) => kind === 'MTUS'), kinds.join(','));
      assert.ok(labels(items).includes('Official Disability Guidelines (ODG)'));
      const mtus = complete(replaceOnce(seed, 'Non-MTUS Citation ODG Hip and Pelvis Chapter', 'MTUS ‸'), ' ').items;
      assert.equal(mtus[0].label, 'ACOEM Practice Guidelines, 2nd Edition (2004)');
      assert.equal(mtus[0].detail, 'MTUS');
    });

    it('are written so the draft reads back as the same catalogue source', () => {
      for (const source of guidelineSources) {
        const spellings = sourceSpellings(source);
        assert.ok(spellings.length > 0, source.id);
        for (const spelling of spellings) {
          const prefix = source.kind === 'MTUS' ? 'MTUS' : 'Non-MTUS Citation';
          const draft = replaceOnce(seed, 'Non-MTUS Citation ODG Hip and Pelvis Chapter', `${prefix} ${spelling}`);
          const citation = lint(draft).model!.items[0].claimsAdministrator!.citation!;
          assert.equal(citation.source?.catalogueId, source.id, spelling);
        }
      }
    });

    it('give the chapters of the source named, after a space or a comma', () => {
      const odg = complete(replaceOnce(seed, 'Non-MTUS Citation ODG Hip and Pelvis Chapter', 'Non-MTUS Citation ODG Hip‸'));
      const chapters = odg.items.filter((item) => item.kind === 'chapter');
      assert.ok(labels(chapters).includes('Hip & Pelvis'));
      assert.equal(replaced(odg.text, chapters[0]), 'Hip');
      assert.equal(chapters[0].detail, 'Official Disability Guidelines (ODG)');
      const acoem = complete(
        replaceOnce(
          seed,
          'ACOEM Practice Guidelines, Third Edition, Hip \n\nChapter, Trochanteric Glucocorticosteroid Injections',
          'ACOEM Practice Guidelines, Third Edition, ‸',
        ),
        ' ',
      );
      assert.deepEqual(labels(acoem.items.filter((item) => item.kind === 'chapter')).slice(0, 2), ['Hip', 'Hip and Groin']);
    });

    it('keep offering a longer source name while it is being typed', () => {
      const { items } = complete(replaceOnce(seed, 'Non-MTUS Citation ODG Hip and Pelvis Chapter', 'Non-MTUS Citation ACOEM Practice Guidelines, ‸'));
      assert.ok(labels(items).includes('ACOEM Practice Guidelines, Third Edition'));
    });
  });

  describe('credentials', () => {
    it('open by themselves only for a new entry after a comma, not right after the label', () => {
      const afterLabel = replaceOnce(seed, 'Texas, Ohio, California', '‸');
      assert.deepEqual(complete(afterLabel, ' ').items, [], 'the space after the label asked for nothing');
      assert.deepEqual(complete(replaceOnce(seed, 'Licensure: Texas, Ohio, California', 'Licensure:‸'), ':').items, []);
      assert.ok(labels(complete(afterLabel).items).includes('California'), 'asked for, the list comes');
      assert.ok(labels(complete(replaceOnce(seed, 'Texas, Ohio, California', 'Texas, ‸'), ' ').items).includes('Ohio'), 'a space after a comma');
      assert.ok(labels(complete(replaceOnce(seed, 'Texas, Ohio, California', 'Texas,‸'), ',').items).includes('Ohio'), 'the comma');
      // A space inside an entry keeps the list of a name of several words going.
      const within = complete(replaceOnce(seed, 'Preventive Medicine, Occupational Medicine', 'Preventive Medicine, Physical ‸'), ' ');
      assert.ok(labels(within.items).includes('Physical Medicine and Rehabilitation'), 'a space within an entry');
    });

    it('offer states not yet listed, replacing the entry being typed', () => {
      const { items, text } = complete(replaceOnce(seed, 'Texas, Ohio, California', 'Texas, O‸, California'));
      const names = labels(items);
      assert.ok(names.includes('Ohio') && names.includes('Oregon'));
      assert.ok(!names.includes('Texas') && !names.includes('California'));
      assert.equal(replaced(text, items[0]), 'O');
      assert.equal(items[0].kind, 'state');
    });

    it('space an entry from the comma that asked for it', () => {
      const { items, text } = complete(replaceOnce(seed, 'Texas, Ohio, California', 'Texas,‸'), ',');
      const ohio = items.find((item) => item.label === 'Ohio')!;
      assert.equal(ohio.insertText, ' Ohio');
      assert.match(accept(text, ohio), /State\(s\) of Licensure: Texas, Ohio \n/);
    });

    it('offer specialties with their kind, without those listed', () => {
      const { items } = complete(replaceOnce(seed, 'Preventive Medicine, Occupational Medicine', 'Preventive Medicine, ‸'), ' ');
      assert.ok(!labels(items).includes('Preventive Medicine'));
      assert.equal(items.find((item) => item.label === 'Occupational Medicine')?.detail, 'Subspecialty');
      assert.equal(items.find((item) => item.label === 'Orthopaedic Surgery')?.detail, 'ABMS member board');
      assert.equal(items.find((item) => item.label === 'Chiropractic')?.detail, 'Non-physician discipline');
    });
  });

  describe('section titles', () => {
    it('offer only the missing titles, in profile order', () => {
      const { items } = complete('HOW THE IMR FINAL DETERMINATION WAS MADE\n\nStatement.\n\n‸');
      assert.deepEqual(labels(items), ['CLINICAL CASE SUMMARY', 'IMR ISSUES, DECISIONS AND RATIONALES']);
      assert.ok(items.every((item) => item.kind === 'section'));
    });

    it("follow the draft's profile, and keep heading markers typed", () => {
      const { items, text } = complete('---\nprofile: ca-dwc-imr-2015\n---\n\nHOW THE IMR FINAL DETERMINATION WAS MADE\n\nStatement.\n\n## DOC‸');
      assert.deepEqual(labels(items), ['DOCUMENTS REVIEWED', 'CLINICAL CASE SUMMARY', 'IMR DECISION(S) AND RATIONALE(S)']);
      assert.equal(replaced(text, items[0]), 'DOC');
    });

    it('come after the missing fields inside an item', () => {
      const draft = replaceOnce(replaceOnce(seed, 'CLINICAL CASE SUMMARY \n\n', ''), 'Decision rationale: The MTUS', '‸\n\nThe MTUS');
      assert.deepEqual(labels(complete(draft).items), ['Decision rationale', 'CLINICAL CASE SUMMARY', 'Claims Administrator guideline', 'MAXIMUS guideline']);
    });

    it('are not offered inside the front matter', () => {
      assert.deepEqual(complete('---\nprofile: ‸\n---\n').items, []);
    });
  });

  describe('inside a snippet being filled in', () => {
    const P = TEMPLATE_PLACEHOLDERS;
    const profile = builtinProfiles.find((candidate) => candidate.id === 'ca-dwc-imr')!;
    /** The whole determination as the imr-determination snippet inserts it, with the Non-MTUS forms chosen. */
    const skeleton = expandSnippet(determinationSkeleton(profile), (options) => options.find((option) => /Non-MTUS/.test(option)) ?? options[0]).text;

    it('opens no list on a typed character while a placeholder is left ahead, and none after an item', () => {
      const states = replaceOnce(skeleton, P.states.text, 'California,‸');
      assert.deepEqual(complete(states, ',').items, [], 'the comma opened nothing: Tab goes to the next placeholder');
      assert.ok(labels(complete(states).items).includes('Nevada'), 'Ctrl+Space still lists the states');
      // The Claims Administrator's citation: the Expert Reviewer's placeholder is still ahead.
      const source = skeleton.replace(P.source.text, 'Official Disability Guidelines (ODG), ‸');
      assert.deepEqual(complete(source, ' ').items, []);
      const asked = complete(source).items;
      assert.ok(labels(asked).includes('Low Back'), 'the chapters, when asked for');
      const label = replaceOnce(skeleton, 'MAXIMUS guideline: ', '‸\n\nMAXIMUS guideline: ');
      const fields = complete(label).items.filter((item) => item.kind === 'field');
      assert.ok(fields.length > 0 && fields.every((item) => !item.retrigger), 'no list opens by itself after a label is accepted');
    });

    it('opens them again once every placeholder is written', () => {
      const written: Record<string, string> = {
        [P.states.text]: 'California',
        [P.specialties.text]: 'Orthopaedic Surgery',
        [P.summary.text]: 'The applicant filed a claim for chronic low back pain.',
        [P.item.text]: 'Lumbar MRI',
        [P.source.text]: 'Chronic Pain Medical Treatment Guidelines, page 78',
        [P.reasoning.text]: 'The records show no red flags.',
      };
      const filled = expandSnippet(determinationSkeleton(profile), undefined, (text) => written[text]).text;
      assert.ok(!Object.values(P).some((placeholder) => filled.includes(placeholder.text)), 'no placeholder left');
      const states = replaceOnce(filled, 'Licensure: California', 'Licensure: California,‸');
      assert.ok(labels(complete(states, ',').items).includes('Nevada'), 'the comma opens the list again');
      const label = replaceOnce(filled, 'MAXIMUS guideline: ', '‸\n\nMAXIMUS guideline: ');
      assert.ok(
        complete(label).items.some((item) => item.kind === 'field' && item.retrigger),
        'a label opens the citation forms again',
      );
    });

    it('match the placeholder selected when completion is asked for, and replace it', () => {
      const { items, text } = complete(replaceOnce(skeleton, P.states.text, `${P.states.text}‸`));
      const california = items.find((item) => item.label === 'California')!;
      assert.equal(replaced(text, california), P.states.text);
      assert.equal(california.filterText, `${P.states.text}California`, 'the editor filters by the placeholder typed over');
      assert.match(accept(text, california), /^State\(s\) of Licensure: California$/m);
      const sources = complete(skeleton.replace(P.source.text, `${P.source.text}‸`)).items;
      const odg = sources.find((item) => item.label === 'Official Disability Guidelines (ODG)')!;
      assert.equal(odg.filterText, `${P.source.text}${odg.label}`);
      assert.equal(complete(replaceOnce(seed, 'Texas, Ohio, California', 'Texas, O‸')).items[0].filterText, undefined, 'typed text filters as usual');
    });
  });
});
