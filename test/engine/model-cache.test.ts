// What a document's model keeps between checks: each block's lines, each field's reading and the items, found again
// by their text (without a parser's help), moved to where they now stand, and equal to the model built afresh.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { resolveProfile } from '../../engine/src/config/profiles';
import { buildDetermination } from '../../engine/src/model/build';
import { ModelCache } from '../../engine/src/model/cache';
import type { Determination } from '../../engine/src/model/types';
import type { Profile } from '../../engine/src/profiles/types';
import { draft, INTRO, item, MTUS_CA, MTUS_REVIEWER, NOT_NECESSARY } from '../support/drafts';

const build = (text: string, cache?: ModelCache, resolve = (requested: string | undefined): Profile => resolveProfile(requested)): Determination =>
  buildDetermination(text, resolve, undefined, cache);

/** Checks `text` with the cache and returns what the check read afresh and took from the cache. */
const check = (cache: ModelCache, text: string): ModelCache['stats'] => {
  const model = build(text, cache);
  assert.deepEqual(model, build(text), 'the model equals the one built afresh');
  return cache.stats;
};

const RATIONALE_ONE = 'The applicant had twelve sessions without gain. Therefore, the request was not medically necessary.';
const RATIONALE_TWO = 'The applicant improved with the brace. Therefore, the request was medically necessary.';
/** Three items: the first with the default fields, the other two each with a rationale of its own. */
const threeItems = (): string =>
  draft({
    items: [
      item({ name: 'Knee brace' }),
      item({ name: 'Lumbar MRI', rationale: RATIONALE_ONE }),
      item({ name: 'Cervical MRI', decision: 'Overturned', rationale: RATIONALE_TWO }),
    ],
  });

describe('the model cache', () => {
  it('reads every block once, and a field written alike for two items once', () => {
    const cache = new ModelCache();
    const text = draft({ items: [item({ name: 'Knee brace' }), item({ name: 'Lumbar MRI' })] });
    // 17 blocks, two of each field paragraph among them: the second of each is a block of its own.
    assert.deepEqual(check(cache, text), { blocks: { read: 17, kept: 0 }, fields: { read: 3, kept: 3 }, items: { read: 2, kept: 0 } });
    // Unchanged, every block is found; the scan of items starts again at the last item.
    assert.deepEqual(check(cache, text), { blocks: { read: 0, kept: 17 }, fields: { read: 0, kept: 3 }, items: { read: 1, kept: 1 } });
  });

  it('rereads an unchanged draft from the item before a last item whose finding looked at its last line', () => {
    const cache = new ModelCache();
    // The last item's line is followed by one line only: the end of the draft is within the two lines its finding read.
    const text = draft({ items: [item({ name: 'Knee brace' }), item({ name: 'Lumbar MRI' }), item({ name: 'Cervical MRI', claims: null, reviewer: null })] });
    check(cache, text);
    assert.deepEqual(check(cache, text).items, { read: 2, kept: 1 });
  });

  it('rereads the block, the field and the item an edit touched, and keeps the rest', () => {
    const cache = new ModelCache();
    const text = threeItems();
    assert.deepEqual(check(cache, text), { blocks: { read: 21, kept: 0 }, fields: { read: 5, kept: 4 }, items: { read: 3, kept: 0 } });
    const edited = text.replace('without gain.', 'without any gain.');
    assert.deepEqual(check(cache, edited), { blocks: { read: 1, kept: 20 }, fields: { read: 1, kept: 2 }, items: { read: 1, kept: 2 } });
    // A paragraph split in two: both halves are new blocks, the items after them moved down.
    const split = edited.replace('without any gain. ', 'without any gain.\n\n');
    assert.deepEqual(check(cache, split), { blocks: { read: 2, kept: 20 }, fields: { read: 1, kept: 2 }, items: { read: 1, kept: 2 } });
  });

  it('rereads the items around an edit, and takes the later ones back when they are found as before', () => {
    const names = ['Knee brace', 'Lumbar MRI', 'Cervical MRI', 'Home exercise kit', 'Norco 10/325 #60'];
    const five = draft({
      items: names.map((name, at) =>
        item({ name: `${at + 1}. ${name}`, rationale: `${name} was reviewed. Therefore, the request was not medically necessary.` }),
      ),
    });
    for (const [edit, items, numbers] of [
      // An edit that keeps the length, one that moves the later items along the line, and one in the first or last item.
      [(text: string) => text.replace('Lumbar MRI was', 'Lumbar MRX was'), { read: 1, kept: 4 }, '1,2,3,4,5'],
      [(text: string) => text.replace('Lumbar MRI was', 'Lumbar MRI scan was'), { read: 1, kept: 4 }, '1,2,3,4,5'],
      [(text: string) => text.replace('Knee brace was', 'Knee brace is'), { read: 1, kept: 4 }, '1,2,3,4,5'],
      [(text: string) => text.replace('Norco 10/325 #60 was', 'Norco 10/325 #60 is'), { read: 1, kept: 4 }, '1,2,3,4,5'],
      // An item line edited: the item before it is read again too, as finding an item looks two lines on.
      [(text: string) => text.replace('3. Cervical MRI:', '3. Cervical spine MRI:'), { read: 2, kept: 3 }, '1,2,3,4,5'],
      [(text: string) => text.replace('2. Lumbar MRI:  Upheld', '2. Lumbar MRI:  Overturned'), { read: 2, kept: 3 }, '1,2,3,4,5'],
      // Items added or taken away change the numbers the later items are expected to carry: those are read again.
      [
        (text: string) => text.replace('4. Home exercise kit', `${item({ name: '4. TENS unit' })}\n\n4. Home exercise kit`),
        { read: 4, kept: 2 },
        '1,2,3,4,4,5',
      ],
      [(text: string) => text.replace(/3\. Cervical MRI:[\s\S]*?(?=4\. Home)/, ''), { read: 3, kept: 1 }, '1,2,4,5'],
      // Before the first item, nothing is kept.
      [(text: string) => text.replace('set forth below:', 'set forth below, each in turn:'), { read: 5, kept: 0 }, '1,2,3,4,5'],
    ] as const) {
      const cache = new ModelCache();
      check(cache, five);
      const edited = edit(five);
      assert.deepEqual(check(cache, edited).items, items, edit.toString());
      assert.equal(
        build(edited)
          .items.map((entry) => entry.number)
          .join(','),
        numbers,
      );
    }
  });

  it('moves what it keeps to where it now stands when text before it changes', () => {
    const cache = new ModelCache();
    const text = threeItems();
    check(cache, text);
    const longer = text.replace('The applicant filed', 'The applicant, a clerk, filed');
    assert.deepEqual(check(cache, longer), { blocks: { read: 1, kept: 20 }, fields: { read: 0, kept: 9 }, items: { read: 3, kept: 0 } });
    const fewerLines = longer.replace('CLINICAL CASE SUMMARY\n\n', 'CLINICAL CASE SUMMARY\n');
    assert.deepEqual(check(cache, fewerLines).blocks, { read: 1, kept: 19 });
  });

  it('takes back what the check before last used', () => {
    const cache = new ModelCache();
    const text = threeItems();
    check(cache, text);
    const other = draft({ summary: 'Other text.', items: [item({ name: 'Other' })] });
    assert.deepEqual(check(cache, other).blocks, { read: 2, kept: 11 });
    assert.deepEqual(check(cache, text).blocks, { read: 0, kept: 21 });
  });

  it('reads every block afresh, uncounted, in a draft that defines link references', () => {
    const cache = new ModelCache();
    const text = `${threeItems()}\n[MTUS]: https://www.dir.ca.gov/dwc/MTUS/MTUS-Guidelines.html\n`;
    check(cache, text);
    assert.deepEqual(check(cache, text), { blocks: { read: 0, kept: 0 }, fields: { read: 0, kept: 9 }, items: { read: 3, kept: 0 } });
  });

  it('reads the front matter every time, and the items again when the profile changes', () => {
    const cache = new ModelCache();
    const body = threeItems();
    check(cache, body);
    const later = check(cache, `---\nprofile: ca-dwc-imr-2015\n---\n\n${body}`);
    assert.deepEqual(later, { blocks: { read: 0, kept: 21 }, fields: { read: 0, kept: 0 }, items: { read: 0, kept: 0 } });
    const model = build(`---\nprofile: ca-dwc-imr\n---\n\n${body}`, cache);
    assert.equal(model.profile.id, 'ca-dwc-imr');
    assert.equal(model.items.length, 3);
    assert.deepEqual(cache.stats.items, { read: 3, kept: 0 });
  });

  it('keeps no items of another vocabulary', () => {
    const cache = new ModelCache();
    const text = threeItems();
    const clone = (): Profile => structuredClone(resolveProfile(undefined));
    build(text, cache, clone);
    const model = build(text, cache, clone);
    assert.equal(model.items.length, 3);
    assert.deepEqual(cache.stats.items, { read: 3, kept: 0 });
  });

  it('counts one by default, and starts each check at zero', () => {
    const cache = new ModelCache();
    cache.count('fields', true);
    cache.count('items', false, 4);
    assert.deepEqual(cache.stats, { blocks: { read: 0, kept: 0 }, fields: { read: 0, kept: 0 }, items: { read: 0, kept: 0 } });
    cache.settle();
    assert.deepEqual(cache.stats, { blocks: { read: 0, kept: 0 }, fields: { read: 0, kept: 1 }, items: { read: 4, kept: 0 } });
    cache.settle();
    assert.deepEqual(cache.stats, { blocks: { read: 0, kept: 0 }, fields: { read: 0, kept: 0 }, items: { read: 0, kept: 0 } });
  });

  it('drops the items of a check that read none', () => {
    const cache = new ModelCache();
    check(cache, threeItems());
    assert.ok(cache.items);
    build('No determination here.\n', cache);
    assert.equal(cache.items, undefined);
  });

  it('moves the directives of a block it keeps to their new lines', () => {
    const cache = new ModelCache();
    const text = `${draft()}\n<!-- imr-disable-next-line phi -->\nThe applicant, John Smith, was seen.\n`;
    const line = (model: Determination): number => model.textLines.find((entry) => entry.content.text.startsWith('The applicant, John'))!.line;
    const before = build(text, cache);
    assert.deepEqual(before.directives, [{ kind: 'disable-next-line', rules: ['phi'], line: line(before) - 1 }]);
    const edited = text.replace('The applicant filed', 'The applicant\n\nfiled');
    assert.deepEqual(check(cache, edited).blocks, { read: 2, kept: 14 });
    const after = build(edited, cache);
    assert.deepEqual(after.directives, [{ kind: 'disable-next-line', rules: ['phi'], line: line(before) + 1 }]);
  });

  it('finds blocks by the origin its parser gives, whatever they say', () => {
    // An origin that is new at every check: no block is ever found, though its text is unchanged.
    const cache = new ModelCache({ origin: () => ({}) });
    const text = threeItems();
    check(cache, text);
    assert.deepEqual(check(cache, text).blocks, { read: 21, kept: 0 });
  });

  it('keeps no items across a check of determination sentences', () => {
    const cache = new ModelCache();
    const text = threeItems();
    check(cache, text);
    const letter2013 = readFileSync(new URL('../fixtures/clean/profile-2013.imr.md', import.meta.url), 'utf8');
    assert.equal(build(letter2013, cache).items.length, 2);
    assert.equal(cache.items, undefined);
    assert.deepEqual(check(cache, text).items, { read: 3, kept: 0 });
  });

  it('never takes the reading of a guideline field for a rationale written alike', () => {
    const cache = new ModelCache();
    const same = 'The request was not medically necessary.';
    const text = draft({ items: [item({ reviewer: same, rationale: same })] });
    const model = build(text, cache);
    assert.deepEqual(model, build(text));
    assert.equal(model.items[0].rationale?.conclusion?.necessary, false);
    assert.deepEqual(cache.stats.fields, { read: 3, kept: 0 });
  });

  it('places again a field over two paragraphs when the blank line between them becomes more lines, its text the same', () => {
    const cache = new ModelCache();
    // A blank line of spaces turned into line breaks: same offsets and text, the second paragraph two lines further down.
    const text = draft({ items: [item({ rationale: `The applicant had twelve sessions.\n  \n${NOT_NECESSARY}` })] });
    check(cache, text);
    const edited = text.replace('sessions.\n  \n', 'sessions.\n\n\n\n');
    assert.equal(edited.length, text.length);
    const model = build(edited, cache);
    assert.deepEqual(model, build(edited));
    const conclusion = model.items[0].rationale!.conclusion!;
    assert.equal(conclusion.range.start.line, build(text).items[0].rationale!.conclusion!.range.start.line + 2);
  });

  describe('items around an edit', () => {
    const FIELDS = `Claims Administrator guideline: ${MTUS_CA}\n\nMAXIMUS guideline: ${MTUS_REVIEWER}\n\nDecision rationale: Reviewed. ${NOT_NECESSARY}`;
    const names = (model: Determination): string[] => model.items.map((entry) => entry.name.text);
    const reviewed = (list: string[]): string =>
      draft({ items: list.map((name) => `${item({ name, rationale: `${name} was reviewed. ${NOT_NECESSARY}` })}\n\nA note on ${name}.`) });

    it('reads an item the edit made of lines it left unchanged', () => {
      const cache = new ModelCache();
      // Inside a field, a name with a decision the vocabulary does not know is prose; outside one, above its fields, it is an item.
      const text = draft({
        items: [
          `Hip injection:  Upheld\n\n${FIELDS}`,
          `Lumbar MRI:  Upheld\n\nDecision rationale: It was reviewed. ${NOT_NECESSARY}`,
          `Knee brace: Maybe later\n\n${FIELDS}`,
          `Cervical MRI:  Upheld\n\n${FIELDS}`,
        ],
      });
      check(cache, text);
      const edited = text.replace('Decision rationale: It was reviewed.', 'It was reviewed.');
      assert.deepEqual(check(cache, edited).items, { read: 3, kept: 1 });
      assert.deepEqual(names(build(edited)), ['Hip injection', 'Lumbar MRI', 'Knee brace', 'Cervical MRI']);
    });

    it('reads again from before an item whose second line on the edit changed', () => {
      const cache = new ModelCache();
      // The decision below is a UR word, which inside a field makes an item only with its fields right after it.
      const text = draft({ items: [`Ankle brace:  Upheld\n\n${FIELDS}`, `Hip injection:  Upheld\n\n${FIELDS}`, `Knee brace:\nDenied\n\n${FIELDS}`] });
      check(cache, text);
      const edited = text.replace('Knee brace:\nDenied\n\nClaims Administrator guideline: ', 'Knee brace:\nDenied\n\n');
      assert.deepEqual(check(cache, edited).items, { read: 1, kept: 1 });
      assert.deepEqual(names(build(edited)), ['Ankle brace', 'Hip injection']);
    });

    it('keeps only the items moved alike when one check makes two edits', () => {
      const cache = new ModelCache();
      const text = reviewed(['Knee brace', 'Lumbar MRI', 'Cervical MRI', 'Home exercise kit', 'Norco']);
      check(cache, text);
      const edited = text.replace('Lumbar MRI was reviewed.', 'Lumbar MRI was reviewed twice.').replace('\n\nA note on Home exercise kit.', '');
      assert.deepEqual(check(cache, edited).items, { read: 3, kept: 2 });
    });

    it('keeps only the items moved alike when one edit adds characters and another takes out a blank line', () => {
      const cache = new ModelCache();
      const text = reviewed(['Knee brace', 'Lumbar MRI', 'Cervical MRI', 'Home exercise kit', 'Norco']).replace(
        'A note on Home exercise kit.\n\n',
        'A note on Home exercise kit.\n\n\n',
      );
      check(cache, text);
      const edited = text.replace('Lumbar MRI was reviewed.', 'Lumbar MRI was reviewed twice.').replace('kit.\n\n\n', 'kit.\n\n');
      assert.deepEqual(check(cache, edited), { blocks: { read: 1, kept: 33 }, fields: { read: 1, kept: 8 }, items: { read: 3, kept: 2 } });
    });

    it('keeps only the items moved alike when a second edit moves the lines after it by characters or by lines only', () => {
      // A blank line's spaces changed: no block changes, and the blocks after it move by characters only, or by lines only.
      for (const [blank, changed] of [
        ['\n  \n', '\n   \n'],
        ['\n  \n', '\n\n\n\n'],
      ]) {
        const cache = new ModelCache();
        const text = reviewed(['Knee brace', 'Lumbar MRI', 'Cervical MRI', 'Home exercise kit', 'Norco']).replace(
          'A note on Home exercise kit.\n\n',
          `A note on Home exercise kit.${blank}`,
        );
        check(cache, text);
        const edited = text.replace('Lumbar MRI was reviewed.', 'Lumbar MRI was reviewed twice.').replace(`kit.${blank}`, `kit.${changed}`);
        assert.deepEqual(check(cache, edited).items, { read: 3, kept: 2 }, JSON.stringify(changed));
      }
    });

    it('reads an item that unchanged lines make after an edit to the list above them, with or without items after it', () => {
      // "3. Massage: Denied" goes on from the rationale's list; once that list no longer runs 1, 2 it reads as item 3.
      const rationale = [
        'The earlier utilization reviews decided:',
        '1. Acupuncture: Certified\n2. Chiropractic: Modified',
        'and most recently:',
        '3. Massage: Denied',
        `The applicant has not improved. ${NOT_NECESSARY}`,
      ].join('\n\n');
      for (const later of [[], [item({ name: 'Cervical MRI' })]]) {
        const cache = new ModelCache();
        const text = draft({ items: [item({ name: '1. Knee brace' }), item({ name: '2. Lumbar MRI', rationale }), ...later] });
        check(cache, text);
        assert.deepEqual(names(build(text)), ['Knee brace', 'Lumbar MRI', ...(later.length > 0 ? ['Cervical MRI'] : [])]);
        const edited = text.replace('2. Chiropractic: Modified', 'Chiropractic: Modified');
        check(cache, edited);
        assert.deepEqual(names(build(edited)), ['Knee brace', 'Lumbar MRI', 'Massage', ...(later.length > 0 ? ['Cervical MRI'] : [])]);
      }
    });

    it('reads a paragraph added before the first item without failing', () => {
      const cache = new ModelCache();
      const text = reviewed(['Knee brace', 'Lumbar MRI', 'Cervical MRI']);
      check(cache, text);
      assert.deepEqual(check(cache, text.replace(INTRO, `The reviewer read the whole file.\n\n${INTRO}`)).items, { read: 3, kept: 0 });
    });

    it('moves kept items by the lines a same-length edit adds, check after check', () => {
      const cache = new ModelCache();
      const text = reviewed(['Knee brace', 'Lumbar MRI', 'Cervical MRI']);
      const broken = text.replace('Lumbar MRI was reviewed.', 'Lumbar MRI was\nreviewed.');
      for (const [version, items] of [
        [text, { read: 3, kept: 0 }],
        [broken, { read: 1, kept: 2 }],
        [broken.replace('Cervical MRI was reviewed.', 'Cervical MRI was reviewed again.'), { read: 1, kept: 2 }],
        [broken.replace('Knee brace was reviewed.', 'Knee brace was reviewed again.'), { read: 3, kept: 0 }],
        [text, { read: 2, kept: 1 }],
      ] as const) {
        assert.deepEqual(check(cache, version).items, items);
      }
    });
  });
});
