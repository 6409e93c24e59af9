// What hovering a part of a draft explains, once and briefly: what a decision word means, how a citation was read, and
// the page of each rule with a finding there. The findings' messages are not repeated: editors show them beside the hover.
import { guidelineSources } from '../catalogue/guidelines';
import type { Determination, DisputedItem, GuidelineCitation, GuidelineField } from '../model/types';
import { findRule } from '../rules';
import type { Finding } from '../rules/types';
import type { Span } from '../text';
import { decisionMeaning } from './describe';
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
  // Each rule once, however many of its findings cover the place.
  const here = findings.filter((finding) => contains(finding.span, offset));
  const ruleIds = [...new Set(here.map((finding) => finding.ruleId))];
  if (ruleIds.length > 0) {
    const span = here.reduce((best, finding) => (finding.span.end - finding.span.start < best.end - best.start ? finding.span : best), here[0].span);
    parts.push({ markdown: ruleIds.map((ruleId) => ruleLine(ruleId, options)).join('\n\n'), span });
  }
  if (parts.length === 0) return undefined;
  const narrowest = parts.reduce((best, part) => (part.span.end - part.span.start < best.span.end - best.span.start ? part : best));
  return { markdown: parts.map((part) => part.markdown).join('\n\n---\n\n'), span: narrowest.span };
}

/** One line: what the decision means, or, for a word that is none (its finding says so), the two that are. */
function decisionHover(item: DisputedItem, model: Determination): string {
  const { decision } = item;
  const words = model.profile.decisions;
  if (decision.class === 'valid' && decision.value) return `**${escapeMarkdown(words[decision.value])}**: ${decisionMeaning(decision.value)}.`;
  return `An IMR decision is **${escapeMarkdown(words.upheld)}** (not medically necessary) or **${escapeMarkdown(words.overturned)}** (medically necessary).`;
}

/** How the citation was read; what is wrong with it is its findings' to say. */
function citationHover(citation: GuidelineCitation): string {
  const source = guidelineSources.find((candidate) => candidate.id === citation.source?.catalogueId);
  const lines = [`**${citation.kind} citation** (${quote(citation.prefix.text)})`];
  const facts: string[] = [];
  if (citation.source) {
    facts.push(
      source
        ? `- Source: ${quote(citation.source.text)}, catalogue name *${escapeMarkdown(source.name)}* (${source.kind === 'MTUS' ? 'part of the MTUS' : 'outside the MTUS'})`
        : `- Source: ${quote(citation.source.text)}`,
    );
  } else {
    facts.push('- Source: none named yet');
  }
  if (citation.chapter) {
    const catalogue = citation.chapter.catalogueName;
    facts.push(`- Chapter: ${quote(citation.chapter.text)}${catalogue ? `, catalogue chapter *${escapeMarkdown(catalogue)}*` : ''}`);
  }
  if (citation.topic) facts.push(`- Topic: ${quote(citation.topic.text)}`);
  if (citation.pages) facts.push(`- Pages: ${citation.pages.from === citation.pages.to ? citation.pages.from : `${citation.pages.from}–${citation.pages.to}`}`);
  lines.push(facts.join('\n'));
  if (source) lines.push(`Evidence search sequence: ${escapeMarkdown(source.sequence)}`);
  else if (citation.kind === 'Non-MTUS')
    lines.push('Evidence search sequence: outside the MTUS, relied on only when the MTUS does not address the condition or its presumption is rebutted.');
  return lines.join('\n\n');
}

/** The rule's page, named by its id, and what it checks, on one line. */
function ruleLine(ruleId: string, options: HoverOptions): string {
  const rule = findRule(ruleId);
  const link = `[${escapeMarkdown(ruleId)}](${options.docsUri(ruleId)})`;
  return rule ? `Rule ${link}: ${escapeMarkdown(rule.description)}` : `Rule ${link}`;
}
