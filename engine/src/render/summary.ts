// The summary above the letter: case number, profile, each item with its decision, and the findings.
import type { Element, ElementContent, Properties } from 'hast';
import type { Determination } from '../model/types';
import type { Finding, Severity } from '../rules/types';
import { decisionBadge } from './decision';
import { ITEM_ID_PREFIX, type CaseNumber } from './layout';
import { el } from './nodes';
import { ID_PREFIX } from './schema';

export type RenderMode = 'preview' | 'export';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

const NOUNS: Record<Severity, [string, string]> = {
  error: ['error', 'errors'],
  warning: ['warning', 'warnings'],
  info: ['info', 'infos'],
  hint: ['hint', 'hints'],
};

/** Findings listed in the summary; the rest are counted, and the Problems panel has them all. */
const MAX_LISTED = 50;

export function summaryOf(model: Determination | undefined, findings: readonly Finding[], mode: RenderMode, caseNumber: CaseNumber | undefined): Element {
  // In the preview an entry reveals its line in the draft; in an export it can only point within the page.
  const toSource = (line: number, children: (ElementContent | string)[], anchor?: string, label?: string): Element | ElementContent[] => {
    if (mode === 'preview') {
      const properties: Properties = {
        className: ['source-link'],
        href: anchor ? `#${ID_PREFIX}${anchor}` : '#',
        dataSourceLine: line,
        title: label ?? `Show line ${line + 1} in the draft`,
      };
      return el('a', properties, children);
    }
    return anchor
      ? el('a', { href: `#${ID_PREFIX}${anchor}` }, children)
      : children.map((child) => (typeof child === 'string' ? { type: 'text', value: child } : child));
  };
  const entry = (value: Element | ElementContent[]): ElementContent[] => (Array.isArray(value) ? value : [value]);

  const facts: Element[] = [];
  facts.push(el('dt', {}, ['Case number']));
  facts.push(
    caseNumber
      ? el('dd', { className: ['summary-case'] }, entry(toSource(caseNumber.line, [caseNumber.text])))
      : el('dd', { className: ['summary-case', 'summary-missing'] }, ['None in the front matter (add "case: CM14-0123456")']),
  );
  if (model) {
    const profileLine = model.frontMatter?.keys.profile?.range.start.line ?? 0;
    facts.push(el('dt', {}, ['Profile']));
    facts.push(el('dd', { className: ['summary-profile'], title: model.profile.description }, entry(toSource(profileLine, [model.profile.id]))));
  }

  const children: ElementContent[] = [el('h2', { className: ['summary-title'] }, ['Summary']), el('dl', { className: ['summary-facts'] }, facts)];

  const items = model?.items ?? [];
  children.push(el('h3', { className: ['summary-heading'] }, [`Disputed items (${items.length})`]));
  if (items.length === 0) {
    children.push(el('p', { className: ['summary-missing'] }, ['No disputed items found.']));
  } else {
    children.push(
      el(
        'ol',
        { className: ['summary-items'] },
        items.map((item, index) => {
          const badge = decisionBadge(item, model!.profile);
          return el('li', { className: ['summary-item'] }, [
            ...entry(toSource(item.header.range.start.line, [item.name.text], `${ITEM_ID_PREFIX}${index + 1}`)),
            ' ',
            el('span', { className: badge.className, title: badge.note }, [badge.text]),
          ]);
        }),
      ),
    );
  }

  children.push(el('h3', { className: ['summary-heading'] }, ['Findings']));
  const counts = SEVERITIES.map((severity) => ({ severity, findings: findings.filter((finding) => finding.severity === severity) }));
  const shown = counts.filter(({ severity, findings: matching }) => severity !== 'hint' || matching.length > 0);
  const countParts: ElementContent[] = [];
  shown.forEach(({ severity, findings: matching }, index) => {
    if (index > 0) countParts.push({ type: 'text', value: ', ' });
    const label = [el('span', { className: ['count-number'] }, [String(matching.length)]), ` ${NOUNS[severity][matching.length === 1 ? 0 : 1]}`];
    const first = matching[0];
    const content = first
      ? entry(toSource(first.range.start.line, label, undefined, `Show the first ${NOUNS[severity][0]} in the draft`))
      : label.map((part) => (typeof part === 'string' ? { type: 'text' as const, value: part } : part));
    countParts.push(el('span', { className: ['count', `count-${severity}`] }, content));
  });
  children.push(el('p', { className: ['summary-counts'] }, countParts));
  if (findings.length > 0) {
    const listed = findings
      .slice(0, MAX_LISTED)
      .map((finding) =>
        el('li', { className: ['finding', `finding-${finding.severity}`] }, [
          el('span', { className: ['finding-line'] }, entry(toSource(finding.range.start.line, [`Line ${finding.range.start.line + 1}`]))),
          ' ',
          el('span', { className: ['finding-severity'] }, [finding.severity]),
          ' ',
          el('span', { className: ['finding-message'] }, [finding.message]),
          ' ',
          el('span', { className: ['finding-rule'] }, [finding.ruleId]),
        ]),
      );
    if (findings.length > MAX_LISTED)
      listed.push(el('li', { className: ['finding-more'] }, [`… and ${findings.length - MAX_LISTED} more (see the Problems panel or imr-lint).`]));
    children.push(el('ul', { className: ['summary-findings'] }, listed));
  }
  return el('nav', { className: ['summary'], ariaLabel: 'Determination summary' }, children);
}
