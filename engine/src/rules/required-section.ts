import type { Determination } from '../model/types';
import type { SectionSpec } from '../profiles/types';
import type { Rule, RuleContext } from './types';

export const requiredSection: Rule = {
  id: 'required-section',
  description: 'Every section the profile requires is present.',
  severity: 'error',
  tags: ['sections'],
  check(model, context) {
    const present = new Set(model.sections.map((section) => section.id));
    for (const spec of context.profile.sections) {
      if (!spec.required || present.has(spec.id)) continue;
      const misspelt = model.nearTitles.find((line) => line.spec.id === spec.id);
      if (misspelt) {
        context.report({
          span: misspelt.span,
          message: `Section "${spec.title}" is missing; this line looks like its title misspelt. Correct the title.`,
          fix: { title: `Change to "${spec.title}"`, edits: [{ span: misspelt.span, newText: spec.title }] },
        });
        continue;
      }
      const at = insertionPoint(model, spec, context);
      context.report({
        span: at.report,
        message: `Add the required section "${spec.title}".`,
        fix: { title: `Insert section "${spec.title}"`, edits: [{ span: { start: at.offset, end: at.offset }, newText: at.text }] },
      });
    }
  },
};

/** Where a missing section goes: before the next section the profile orders after it, else at the end. */
function insertionPoint(
  model: Determination,
  spec: SectionSpec,
  context: RuleContext,
): { offset: number; text: string; report: { start: number; end: number } } {
  const order = context.profile.sections.map((section) => section.id);
  const after = order.slice(order.indexOf(spec.id) + 1);
  const next = model.sections.find((section) => after.includes(section.id));
  const eol = context.eol;
  const style = model.sections[0];
  const marker = style && style.depth > 0 ? `${'#'.repeat(style.depth)} ` : '';
  const body = spec.skeleton ? spec.skeleton.replace(/\n/g, eol) : '';
  const block = `${marker}${spec.title}${eol}${eol}${body ? `${body}${eol}${eol}` : ''}`;
  if (next) {
    const offset = model.lines.lineStarts[next.range.start.line];
    return { offset, text: block, report: next.heading.span };
  }
  const text = model.text;
  const trailing = text.length === 0 || /\r?\n\s*$/.test(text) ? (/(\r?\n){2}\s*$/.test(text) || text.length === 0 ? '' : eol) : `${eol}${eol}`;
  const end = model.end;
  const reportAt = model.sections[model.sections.length - 1]?.heading.span ?? { start: 0, end: Math.min(end, model.lines.lineEnd(0)) };
  return { offset: end, text: `${trailing}${block}`.replace(new RegExp(`(${eol})+$`), eol), report: reportAt };
}
