// The outline of a determination: sections, the disputed items with their decisions, fields and credentials.
import type { CredentialLine, Determination, DisputedItem, Field, GuidelineField, RationaleField } from '../model/types';
import type { Range, Span } from '../text';

export type OutlineKind = 'section' | 'item' | 'field' | 'credentials' | 'credential';

export interface OutlineNode {
  name: string;
  detail?: string;
  kind: OutlineKind;
  span: Span;
  range: Range;
  /** What to select when the node is picked: a title, an item's name, a label. */
  selectionRange: Range;
  children: OutlineNode[];
}

export function outline(model: Determination): OutlineNode[] {
  // Items are read from the first issues section only; a duplicate one holds none.
  const issues = model.sections.find((section) => section.id === model.profile.issuesSection);
  const sections: OutlineNode[] = model.sections.map((section) => ({
    name: section.heading.text.trim() || section.id,
    kind: 'section',
    span: section.span,
    range: section.range,
    selectionRange: section.heading.range,
    children: section === issues ? model.items.map(itemNode) : [],
  }));
  const roots = [...sections];
  const credentials = credentialsNode(model);
  if (credentials) {
    const home = sections.find((section) => section.span.start <= credentials.span.start && credentials.span.end <= section.span.end);
    if (home) insertInOrder(home.children, credentials);
    else insertInOrder(roots, credentials);
  }
  return roots;
}

function itemNode(item: DisputedItem): OutlineNode {
  return {
    name: item.name.text.trim() || item.header.text.trim() || 'Disputed item',
    detail: item.decision.text.length > 0 ? item.decision.text : 'no decision',
    kind: 'item',
    span: item.span,
    range: item.range,
    selectionRange: item.name.range,
    children: item.fields.map(fieldNode),
  };
}

function fieldNode(field: Field): OutlineNode {
  return {
    name: field.label.text.trim(),
    detail: fieldDetail(field),
    kind: 'field',
    span: field.span,
    range: field.range,
    selectionRange: field.label.range,
    children: [],
  };
}

/** A guideline field shows what it cites; a rationale, what it concludes. */
function fieldDetail(field: Field): string {
  if (field.kind === 'rationale') {
    const conclusion = (field as RationaleField).conclusion;
    return conclusion ? (conclusion.necessary ? 'medically necessary' : 'not medically necessary') : 'no conclusion';
  }
  const citation = (field as GuidelineField).citation;
  if (!citation) return 'no citation';
  return citation.source ? `${citation.kind}: ${citation.source.text}` : citation.kind;
}

function credentialsNode(model: Determination): OutlineNode | undefined {
  const lines = [model.credentials.states, model.credentials.specialties].filter((line): line is CredentialLine => line !== undefined);
  if (lines.length === 0) return undefined;
  lines.sort((a, b) => a.span.start - b.span.start);
  const first = lines[0];
  const last = lines[lines.length - 1];
  const span = { start: first.span.start, end: last.span.end };
  const range = { start: first.range.start, end: last.range.end };
  return {
    name: 'Credentials',
    kind: 'credentials',
    span,
    range,
    selectionRange: first.label.range,
    children: lines.map((line) => ({
      name: line.label.text.replace(/\s*:\s*$/, '').trim(),
      detail: line.entries.map((entry) => entry.text).join(', '),
      kind: 'credential' as const,
      span: line.span,
      range: line.range,
      selectionRange: line.label.range,
      children: [],
    })),
  };
}

function insertInOrder(nodes: OutlineNode[], node: OutlineNode): void {
  const index = nodes.findIndex((other) => other.span.start > node.span.start);
  if (index < 0) nodes.push(node);
  else nodes.splice(index, 0, node);
}
