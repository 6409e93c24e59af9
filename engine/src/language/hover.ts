// What hovering a part of a draft explains: a decision word, a citation, a finding's rule.
import { guidelineSources } from '../catalogue/guidelines';
import type { Determination, DisputedItem, GuidelineCitation, GuidelineField } from '../model/types';
import { findRule } from '../rules';
import type { Finding } from '../rules/types';
import type { Span } from '../text';
import { citationPrefix, describeDecision } from './describe';
import { escapeMarkdown, quote } from './markdown';

export interface HoverInfo {
  /** Markdown. */
  markdown: string;
  /** The part hovered, narrowest first. */
  span: Span;
}

export interface HoverOptions {
  /** The address of a rule's documentation page. */
  docsUri(ruleId: string): string;
}

const contains = (span: Span, offset: number): boolean => span.start <= offset && offset <= span.end;

export function hoverAt(model: Determination | undefined, findings: readonly Finding[], offset: number, options: HoverOptions): HoverInfo | undefined {
  const parts: HoverInfo[] = [];
  if (model) {
    for (const item of model.items) {
      if (item.decision.text.length > 0 && contains(item.decision.span, offset)) parts.push({ markdown: decisionHover(item, model), span: item.decision.span });
      for (const field of item.fields) {
        const citation = (field as GuidelineField).citation;
        if (field.kind !== 'rationale' && citation && contains(citation.span, offset)) parts.push({ markdown: citationHover(citation), span: citation.span });
      }
    }
  }
  const seen = new Set<string>();
  for (const finding of findings) {
    if (!contains(finding.span, offset) || seen.has(finding.ruleId)) continue;
    seen.add(finding.ruleId);
    parts.push({ markdown: ruleHover(finding.ruleId, options), span: finding.span });
  }
  if (parts.length === 0) return undefined;
  const narrowest = parts.reduce((best, part) => (part.span.end - part.span.start < best.span.end - best.span.start ? part : best));
  return { markdown: parts.map((part) => part.markdown).join('\n\n---\n\n'), span: narrowest.span };
}

function decisionHover(item: DisputedItem, model: Determination): string {
  const { decision } = item;
  const profile = model.profile;
  const value = decision.value;
  const lines: string[] = [];
  if (decision.class === 'valid' && value) {
    lines.push(describeDecision(value, profile));
    const conclusion = item.rationale?.conclusion;
    if (conclusion) {
      const agrees = conclusion.necessary === (value === 'overturned');
      lines.push(`The rationale concludes ${quote(conclusion.text)}: ${agrees ? 'this agrees with the decision' : 'this contradicts the decision'}.`);
    } else if (item.rationale) {
      lines.push('The rationale has no conclusion on medical necessity yet.');
    }
    return lines.join('\n\n');
  }
  const both = `**${escapeMarkdown(profile.decisions.upheld)}** or **${escapeMarkdown(profile.decisions.overturned)}**`;
  const said = quote(decision.text);
  if (decision.class === 'ur-word') lines.push(`${said} is a utilization review word; an IMR decision is ${both}.`);
  else if (decision.class === 'unknown') lines.push(`${said} is not an IMR decision; write ${both}.`);
  else lines.push(`${said} is read as **${escapeMarkdown(profile.decisions[value!])}**; write the word exactly.`);
  if (value) lines.push(`Read as ${describeDecision(value, profile)}`);
  return lines.join('\n\n');
}

function citationHover(citation: GuidelineCitation): string {
  const source = guidelineSources.find((candidate) => candidate.id === citation.source?.catalogueId);
  const lines = [`**${citation.kind} citation** (${quote(citation.prefix.text)})`];
  const facts: string[] = [];
  if (citation.source) {
    facts.push(
      source
        ? `- Source: ${quote(citation.source.text)}, catalogue name *${escapeMarkdown(source.name)}* (${source.kind === 'MTUS' ? 'part of the MTUS' : 'outside the MTUS'})`
        : `- Source: ${quote(citation.source.text)}, not in the catalogue`,
    );
  } else {
    facts.push('- Source: none named yet');
  }
  if (citation.chapter) {
    const catalogue = citation.chapter.catalogueName;
    facts.push(
      `- Chapter: ${quote(citation.chapter.text)}${catalogue ? `, catalogue chapter *${escapeMarkdown(catalogue)}*` : source && source.chapters.length > 0 ? ', not a chapter the catalogue knows' : ''}`,
    );
  }
  if (citation.topic) facts.push(`- Topic: ${quote(citation.topic.text)}`);
  if (citation.pages) facts.push(`- Pages: ${citation.pages.from === citation.pages.to ? citation.pages.from : `${citation.pages.from}–${citation.pages.to}`}`);
  lines.push(facts.join('\n'));
  if (source) {
    lines.push(`Evidence search sequence: ${escapeMarkdown(source.sequence)}`);
    if (source.kind !== citation.kind)
      lines.push(`${escapeMarkdown(source.name)} is cited as ${citation.kind} but is ${source.kind}; cite it with "${citationPrefix(source.kind)}".`);
  } else if (citation.kind === 'Non-MTUS') {
    lines.push(
      'Evidence search sequence: outside the MTUS, relied on only when the MTUS does not address the condition or its presumption is rebutted; the rationale should say why.',
    );
  }
  return lines.join('\n\n');
}

function ruleHover(ruleId: string, options: HoverOptions): string {
  const rule = findRule(ruleId);
  if (!rule) return `**${escapeMarkdown(ruleId)}**`;
  return `**${escapeMarkdown(rule.id)}**: ${escapeMarkdown(rule.description)}\n\n[Rule documentation](${options.docsUri(rule.id)})`;
}
