import { guidelineSources } from '../catalogue/guidelines';
import type { GuidelineField } from '../model/types';
import { closest } from '../distance';
import { vocabularyOf } from '../profiles/vocabulary';
import type { Rule } from './types';

export const citationSource: Rule = {
  id: 'citation-source',
  description: 'Cited guideline sources and chapters are in the catalogue, cited with their own kind (MTUS or Non-MTUS).',
  severity: 'warning',
  tags: ['citations'],
  check(model, context) {
    // Template text where a source or chapter goes is the placeholder rule's, not an unknown name.
    const vocabulary = vocabularyOf(model.profile);
    const unfilled = (text: string | undefined): boolean => text !== undefined && vocabulary.placeholder(text, 'prose') !== undefined;
    for (const item of model.items) {
      for (const field of item.fields) {
        if (field.kind === 'rationale') continue;
        for (const citation of (field as GuidelineField).citations) {
          if (!citation.source || unfilled(citation.reference?.text) || unfilled(citation.source.text)) continue;
          const source = guidelineSources.find((candidate) => candidate.id === citation.source?.catalogueId);
          if (!source) {
            const suggestion = closest(
              citation.source.text,
              guidelineSources.flatMap((candidate) => candidate.aliases),
            );
            context.report({
              span: citation.source.span,
              message: suggestion
                ? `"${citation.source.text}" is not a guideline source this extension knows; did you mean "${suggestion}"?`
                : `"${citation.source.text}" is not a guideline source this extension knows; check the name, or ignore this warning for a source outside the catalogue (known: ${knownNames(citation.kind)}).`,
              suggestions: suggestion ? [{ title: `Change to "${suggestion}"`, edits: [{ span: citation.source.span, newText: suggestion }] }] : undefined,
            });
            continue;
          }
          const prefix = `Decision based on ${source.kind === 'MTUS' ? 'MTUS' : 'Non-MTUS Citation'}`;
          // A source listed under another's prefix is read as its own kind; only a prefix of its own can contradict it.
          if (source.kind !== citation.kind && !citation.sharesPrefix) {
            context.report({
              span: citation.prefix.span,
              message: `${source.name} is ${source.kind === 'MTUS' ? 'part of' : 'not part of'} the MTUS; cite it with "${prefix}", or name the source the decision really rests on.`,
              suggestions: [{ title: `Change to "${prefix}"`, edits: [{ span: citation.prefix.span, newText: prefix }] }],
            });
          }
          if (citation.chapter && source.chapters.length > 0 && !citation.chapter.catalogueName && !unfilled(citation.chapter.text)) {
            context.report({
              span: citation.chapter.span,
              severity: 'info',
              message: `"${citation.chapter.text}" is not a chapter of ${source.name} that this extension knows; check the chapter name.`,
            });
          }
        }
      }
    }
  },
};

function knownNames(kind: string): string {
  return guidelineSources
    .filter((source) => source.kind === kind)
    .map((source) => source.name)
    .join(', ');
}
