// The model as a checking thread hands it over: packed, read back with the receiver's text and configuration, equal to
// the model as built (classes included: deepStrictEqual compares prototypes), on every fixture and on mutated drafts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { ImrConfig } from '../../engine/src/config/schema';
import { hoverAt } from '../../engine/src/language/hover';
import { outline } from '../../engine/src/language/outline';
import { lint } from '../../engine/src/lint';
import type { Determination } from '../../engine/src/model/types';
import { packModel, unpackModel } from '../../engine/src/service/workers/transfer';
import { MappedText } from '../../engine/src/text';
import { fixtureDrafts, mutate, mutation } from '../fuzz/arbitraries';

const TODAY = '2026-01-15';

function roundTrip(model: Determination, config: ImrConfig): Determination {
  return unpackModel(packModel(model), model.text, model.lines, config);
}

function modelOf(text: string, config: ImrConfig = {}): Determination {
  const { model } = lint(text, { config, today: TODAY });
  assert.ok(model, 'the draft was read');
  return model;
}

describe('the model across threads', () => {
  const drafts = fixtureDrafts();

  it(`reads back equal, classes and all, for every fixture (${drafts.length} drafts)`, () => {
    for (const text of drafts) {
      const model = modelOf(text);
      assert.deepStrictEqual(roundTrip(model, {}), model);
    }
  });

  it('reads back equal for mutated fixtures (fast-check)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...drafts), fc.array(mutation, { maxLength: 6 }), (text, mutations) => {
        const model = modelOf(mutations.reduce(mutate, text));
        assert.deepStrictEqual(roundTrip(model, {}), model);
      }),
      { numRuns: 150, seed: 20261130 },
    );
  });

  it("keeps texts with their offsets as MappedText, and takes the receiver's own profile and text", () => {
    const config: ImrConfig = { profile: 'ca-dwc-imr-2015' };
    const model = drafts.map((draft) => modelOf(draft, config)).find((candidate) => candidate.items[0]?.rationale)!;
    const read = roundTrip(model, config);
    assert.equal(read.profile, model.profile, 'the same profile object, so its compiled vocabulary is reused');
    assert.equal(read.text, model.text);
    assert.equal(read.lines, model.lines);
    const value = read.items[0].rationale?.value;
    assert.ok(value instanceof MappedText, 'a field value is a MappedText again');
    assert.equal(value.offsetAt(0), model.items[0].rationale!.value.offsetAt(0));
  });

  it('answers the editor features as the model it was packed from does', () => {
    const text = drafts.find((draft) => /Overturned|Upheld/.test(draft))!;
    const model = modelOf(text);
    const read = roundTrip(model, {});
    assert.deepStrictEqual(outline(read), outline(model));
    const decision = model.items[0].decision.span.start;
    assert.deepStrictEqual(hoverAt(read, [], decision, { docsUri: (id) => id }), hoverAt(model, [], decision, { docsUri: (id) => id }));
    assert.ok(hoverAt(read, [], decision, { docsUri: (id) => id }), 'the decision word has a hover');
  });
});
