import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lint } from '../../engine/src/lint';
import { builtinProfiles } from '../../engine/src/profiles/builtin';
import type { Profile } from '../../engine/src/profiles/types';
import { determinationSkeleton, escapeSnippet, itemSnippet } from '../../engine/src/language/skeleton';
import { seed } from './drafts';
import { expandSnippet } from './snippet';

const errors = (text: string) => lint(text).findings.filter((finding) => finding.severity === 'error');

describe('determination skeleton', () => {
  for (const profile of builtinProfiles) {
    describe(profile.id, () => {
      const skeleton = determinationSkeleton(profile);

      it('numbers its tab stops 1..n in reading order and ends with $0', () => {
        const { stops } = expandSnippet(skeleton);
        const numbered = stops.filter((stop) => stop > 0);
        assert.deepEqual(
          numbered,
          numbered.map((_, index) => index + 1),
        );
        assert.equal(stops[stops.length - 1], 0);
        assert.ok(skeleton.endsWith('$0'));
      });

      it('offers the decision as a choice of the two words', () => {
        assert.match(skeleton, /\$\{\d+\|Upheld,Overturned\|\}/);
      });

      it('lints without any finding once its placeholders are accepted as they are', () => {
        const { text } = expandSnippet(skeleton);
        const result = lint(text);
        assert.equal(result.model?.profile.id, profile.id);
        assert.deepEqual(
          result.findings.map((finding) => `${finding.ruleId}: ${finding.message}`),
          [],
        );
        assert.deepEqual(
          result.model!.sections.map((section) => section.id),
          profile.sections.map((section) => section.id),
        );
        assert.equal(result.model!.items.length, 1);
        assert.deepEqual(
          result.model!.items[0].fields.map((field) => field.kind),
          profile.fields.map((field) => field.kind),
        );
      });

      it('lints without errors when the other decision and the Non-MTUS form are chosen', () => {
        const { text } = expandSnippet(skeleton, (options) => options[options.length - 1]);
        assert.deepEqual(
          errors(text).map((finding) => finding.message),
          [],
        );
        if (profile.fields.length > 0) {
          const item = lint(text).model!.items[0];
          assert.equal(item.decision.value, 'overturned');
          assert.equal(item.rationale?.conclusion?.necessary, true);
          assert.equal(item.reviewer?.citation?.kind, 'Non-MTUS');
        }
      });
    });
  }

  it('writes the seed profile in the seed format: plain titles, credentials with placeholders, the three fields', () => {
    const { text } = expandSnippet(determinationSkeleton(builtinProfiles[0]));
    assert.match(text, /^---\nprofile: ca-dwc-imr\n---\n\nHOW THE IMR FINAL DETERMINATION WAS MADE\n\nMAXIMUS Federal Services sent/);
    assert.match(text, /\nState\(s\) of Licensure: California\n\nCertification\(s\)\/Specialty: Occupational Medicine\n/);
    assert.match(
      text,
      /\nDisputed item: {2}Upheld\n\nClaims Administrator guideline: The Claims Administrator based their decision on the MTUS\. Decision based on MTUS Chronic Pain Medical Treatment Guidelines\n\nMAXIMUS guideline: The Expert Reviewer based their decision on the MTUS\./,
    );
    assert.match(text, /\nDecision rationale: .+ Therefore, the request was not medically necessary\.\n$/);
  });

  it('escapes profile text that snippet syntax would read as tab stops', () => {
    const profile: Profile = {
      ...builtinProfiles[0],
      id: 'dollar-office',
      sections: builtinProfiles[0].sections.map((section) =>
        section.id === 'case-summary' ? { ...section, title: 'COST ${1} SUMMARY', skeleton: 'Costs in $ {braces}:' } : section,
      ),
    };
    const { text } = expandSnippet(determinationSkeleton(profile));
    assert.match(text, /\nCOST \$\{1\} SUMMARY\n\nCosts in \$ \{braces\}:\n/);
    assert.equal(escapeSnippet('a$b}c\\'), 'a\\$b\\}c\\\\');
  });
});

describe('disputed item snippet', () => {
  it('inserted into the seed issues section adds a second item that lints without errors', () => {
    const { text: item, stops } = expandSnippet(itemSnippet(builtinProfiles[0]));
    assert.deepEqual(stops, [1, 2, 3, 4, 5, 6, 7, 8, 0]);
    const draft = `${seed.trimEnd()}\n\n${item.replace('Disputed item', 'Lumbar MRI')}`;
    const result = lint(draft);
    assert.deepEqual(
      result.findings.filter((finding) => finding.severity === 'error').map((finding) => finding.message),
      [],
    );
    assert.deepEqual(
      result.model!.items.map((candidate) => `${candidate.name.text}: ${candidate.decision.text}`),
      ['Left Hip Cortisone Injection: Overturned', 'Lumbar MRI: Upheld'],
    );
    assert.deepEqual(
      result.model!.items[1].fields.map((field) => field.label.text),
      ['Claims Administrator guideline', 'MAXIMUS guideline', 'Decision rationale'],
    );
  });

  it('is only the item line for a profile whose items carry no fields', () => {
    const { text } = expandSnippet(itemSnippet(builtinProfiles.find((profile) => profile.id === 'ca-dwc-imr-2013')!));
    assert.equal(text, 'Disputed item:  Upheld\n');
  });
});
