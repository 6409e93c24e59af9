import type { Rule } from './types';

const CASE_NUMBER = /^CM\d{2}-\d{7}$/;

export const frontMatter: Rule = {
  id: 'front-matter',
  description: 'Front matter is valid YAML, names a known profile and a case number of the form CM14-0123456.',
  severity: 'warning',
  tags: ['metadata'],
  check(model, context) {
    const front = model.frontMatter;
    if (!front) return;
    if (front.error) {
      context.report({
        span: front.span,
        severity: 'error',
        message: `The front matter is not valid YAML (${front.error}); correct it, or remove the block between the "---" lines.`,
      });
      return;
    }
    const requested = front.data.profile;
    if (requested !== undefined && requested !== model.profile.id) {
      context.report({
        span: front.keys.profile?.span ?? front.span,
        message: `Unknown profile "${String(requested)}"; checking against "${model.profile.id}". Name a built-in profile or one defined in configuration.`,
      });
    }
    const caseNumber = front.data.case;
    if (caseNumber !== undefined && !CASE_NUMBER.test(String(caseNumber).trim())) {
      context.report({
        span: front.keys.case?.span ?? front.span,
        message: `Case number "${String(caseNumber)}" does not look like "CM" + two-digit year + "-" + seven digits; correct it (for example "CM14-0123456").`,
      });
    }
  },
};
