import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { lint } from '../../engine/src/lint';
import type { Finding } from '../../engine/src/rules/types';
import { builtinProfiles } from '../../engine/src/profiles/builtin';
import type { Profile } from '../../engine/src/profiles/types';
import { TEMPLATE_PLACEHOLDERS } from '../../engine/src/profiles/placeholders';
import { determinationSkeleton, escapeSnippet, itemSnippet, snippetTemplates } from '../../engine/src/language/skeleton';
import { seed } from './drafts';
import { expandSnippet } from './snippet';

const P = TEMPLATE_PLACEHOLDERS;
const placeholderTexts = new Set<string>(Object.values(P).map((placeholder) => placeholder.text));

/** What a reviewer writes in each placeholder; `nonMtus` for the pass that picks the Non-MTUS citation form. */
function filler(nonMtus: boolean): (text: string) => string | undefined {
  const values: Record<string, string> = {
    [P.item.text]: 'Lumbar MRI',
    [P.treatment.text]: 'Lumbar MRI',
    [P.source.text]: nonMtus ? 'ODG Low Back Chapter' : 'Chronic Pain Medical Treatment Guidelines, page 78',
    [P.chapter.text]: 'Opioids, page 78',
    [P.reasoning.text]: nonMtus
      ? 'The MTUS does not address the topic. The records show a progressive neurologic deficit, which the guideline lists as an indication for imaging.'
      : 'The guideline supports imaging only with red flags or a progressive deficit, and the records show neither.',
    [P.summary.text]: 'The applicant filed a claim for chronic low back pain reportedly associated with an industrial injury of March 3, 2012.',
    [P.section.text]: 'The medical records and the Utilization Review file were reviewed.',
    [P.states.text]: 'California, Ohio',
    [P.specialties.text]: 'Occupational Medicine',
  };
  return (text) => values[text];
}

const errorsOf = (findings: readonly Finding[]): string[] =>
  findings.filter((finding) => finding.severity === 'error').map((finding) => `${finding.ruleId}: ${finding.message}`);
const offsetsOf = (text: string, needle: string): number[] => {
  const out: number[] = [];
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) out.push(at);
  return out;
};

/** Every placeholder text in the inserted text has a placeholder error starting where it stands, and there is no other error. */
function assertEveryPlaceholderReported(text: string, findings: readonly Finding[]): void {
  const reported = new Set(findings.filter((finding) => finding.ruleId === 'placeholder').map((finding) => finding.span.start));
  let count = 0;
  for (const placeholder of placeholderTexts) {
    for (const at of offsetsOf(text, placeholder)) {
      count++;
      assert.ok(reported.has(at), `"${placeholder}" at ${at} is reported`);
    }
  }
  assert.ok(count > 0, 'the template leaves placeholders');
  assert.deepEqual(
    errorsOf(findings).filter((error) => !error.startsWith('placeholder:')),
    [],
  );
}

describe('determination skeleton', () => {
  for (const profile of builtinProfiles) {
    describe(profile.id, () => {
      const skeleton = determinationSkeleton(profile);

      it('numbers its tab stops 1..n in reading order and ends with $0', () => {
        const { stops } = expandSnippet(skeleton);
        const first = stops.filter((stop, index) => stop > 0 && stops.indexOf(stop) === index);
        assert.deepEqual(
          first,
          first.map((_, index) => index + 1),
        );
        assert.equal(stops[stops.length - 1], 0);
        assert.ok(skeleton.endsWith('$0'));
      });

      it("offers the decision as a choice of the profile's two decisions", () => {
        assert.ok(
          skeleton.includes(
            `|${escapeSnippet(profile.decisions.upheld).replace(/,/g, '\\,')},${escapeSnippet(profile.decisions.overturned).replace(/,/g, '\\,')}|}`,
          ),
        );
      });

      it('inserted unchanged, reports every placeholder as an error and nothing else as one', () => {
        const { text } = expandSnippet(skeleton);
        const result = lint(text);
        assert.equal(result.model?.profile.id, profile.id);
        assertEveryPlaceholderReported(text, result.findings);
        assert.deepEqual(
          result.model!.sections.map((section) => section.id),
          profile.sections.map((section) => section.id),
        );
        assert.equal(result.model!.items.length, 1);
      });

      for (const [pass, pick, nonMtus] of [
        ['the first decision and the MTUS form', (options: string[]) => options[0], false],
        ['the other decision and the Non-MTUS form', (options: string[]) => options[options.length - 1], true],
      ] as const) {
        it(`filled in, with ${pass}, lints without an error or a warning`, () => {
          const { text } = expandSnippet(skeleton, pick, filler(nonMtus));
          const result = lint(text);
          assert.deepEqual(
            result.findings
              .filter((finding) => finding.severity === 'error' || finding.severity === 'warning')
              .map((finding) => `${finding.ruleId}: ${finding.message}`),
            [],
          );
          const [item] = result.model!.items;
          assert.equal(item.name.text, 'Lumbar MRI');
          assert.deepEqual(
            item.fields.map((field) => field.kind),
            profile.fields.map((field) => field.kind),
          );
          assert.equal(item.decision.value, pick(['upheld', 'overturned']));
          assert.equal(item.rationale?.conclusion?.necessary, item.decision.value === 'overturned');
        });
      }
    });
  }

  it('writes the seed profile in the seed format: plain titles, credentials and the three fields', () => {
    const { text } = expandSnippet(determinationSkeleton(builtinProfiles[0]));
    assert.match(text, /^---\nprofile: ca-dwc-imr\n---\n\nHOW THE IMR FINAL DETERMINATION WAS MADE\n\nMAXIMUS Federal Services sent/);
    assert.match(text, /\nState\(s\) of Licensure: \[State\(s\) of licensure\]\n\nCertification\(s\)\/Specialty: \[Certification\(s\) or specialty\]\n/);
    assert.match(
      text,
      /\nName of the disputed item: {2}Upheld\n\nClaims Administrator guideline: The Claims Administrator based their decision on the MTUS\. Decision based on MTUS \[source, chapter or topic, pages\]\n\nMAXIMUS guideline: The Expert Reviewer based their decision on the MTUS\./,
    );
    assert.match(text, /\nDecision rationale: \[Reasoning .+\] Therefore, the request was not medically necessary\.\n$/);
  });

  it("writes the 2013 profile as the published letters read: the same sentence in the notice and the decision, then the item's block", () => {
    const profile = builtinProfiles.find((candidate) => candidate.id === 'ca-dwc-imr-2013')!;
    const { text } = expandSnippet(determinationSkeleton(profile), (options) => options[0], filler(false));
    const sentence = '1) MAXIMUS Federal Services, Inc. has determined the request for Lumbar MRI is not medically necessary and appropriate.';
    assert.equal(offsetsOf(text, sentence).length, 2);
    assert.match(text, /\n1\) Regarding the request for Lumbar MRI:\n\nMedical Treatment Guideline\(s\) Relied Upon by the Expert Reviewer: /);
    assert.match(text, /is Board Certified in Occupational Medicine and is licensed to practice in California, Ohio\./);
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
  it('inserted unchanged into the seed reports its placeholders; filled in, it adds a second item without errors', () => {
    const snippet = itemSnippet(builtinProfiles[0]);
    const unchanged = `${seed.trimEnd()}\n\n${expandSnippet(snippet).text}`;
    assertEveryPlaceholderReported(unchanged, lint(unchanged).findings);
    const draft = `${seed.trimEnd()}\n\n${expandSnippet(snippet, (options) => options[0], filler(false)).text}`;
    const result = lint(draft);
    assert.deepEqual(errorsOf(result.findings), []);
    assert.deepEqual(
      result.model!.items.map((candidate) => `${candidate.name.text}: ${candidate.decision.text}`),
      ['Left Hip Cortisone Injection: Overturned', 'Lumbar MRI: Upheld'],
    );
    assert.deepEqual(
      result.model!.items[1].fields.map((field) => field.label.text),
      ['Claims Administrator guideline', 'MAXIMUS guideline', 'Decision rationale'],
    );
  });
});

describe('snippets', () => {
  const profile = builtinProfiles[0];
  const snippets = snippetTemplates(profile);

  it('contributes the generated snippets, unchanged since they were generated from the templates', () => {
    const file = JSON.parse(readFileSync(new URL('../../snippets/imr.code-snippets', import.meta.url), 'utf8')) as Record<
      string,
      { prefix: string; body: string[] }
    >;
    assert.deepEqual(
      Object.values(file).map((snippet) => [snippet.prefix, snippet.body.join('\n')]),
      snippets.map((snippet) => [snippet.prefix, snippet.body]),
      'run `npm run build` to regenerate snippets/imr.code-snippets',
    );
  });

  /** Where each snippet is inserted: a whole draft, an item in the seed, a citation in a guideline field, the credentials. */
  const contexts: Record<string, (inserted: string) => string> = {
    'imr-determination': (inserted) => inserted,
    'imr-item': (inserted) => `${seed.trimEnd()}\n\n${inserted}`,
    'imr-cite-mtus': (inserted) => seed.replace(/MAXIMUS guideline: [\s\S]*?(?=\n \n\nDecision rationale)/, `MAXIMUS guideline: ${inserted.trim()}`),
    'imr-cite-non-mtus': (inserted) => seed.replace(/MAXIMUS guideline: [\s\S]*?(?=\n \n\nDecision rationale)/, `MAXIMUS guideline: ${inserted.trim()}`),
    'imr-credentials': (inserted) => seed.replace(/The Expert Reviewer has the following credentials: \n\nState[\s\S]*?Occupational Medicine/, inserted.trim()),
    'imr-statement': (inserted) => seed.replace(/MAXIMUS Federal Services sent[\s\S]*?Review determinations\. /, inserted.trim()),
  };

  for (const snippet of snippets) {
    it(`${snippet.prefix}: inserted unchanged, each placeholder is an error; filled in, none is`, () => {
      const place = contexts[snippet.prefix];
      assert.ok(place, `a context for ${snippet.prefix}`);
      const unchanged = place(expandSnippet(snippet.body).text);
      const placeholders = [...placeholderTexts].filter((text) => unchanged.includes(text));
      if (snippet.prefix === 'imr-statement') assert.deepEqual(placeholders, []);
      else assertEveryPlaceholderReported(unchanged, lint(unchanged).findings);
      const filled = place(expandSnippet(snippet.body, (options) => options[0], filler(false)).text);
      assert.deepEqual(
        lint(filled).findings.filter((finding) => finding.ruleId === 'placeholder'),
        [],
      );
    });
  }
});
