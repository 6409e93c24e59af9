import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lint } from '../../engine/src/lint';
import { outline, type OutlineNode } from '../../engine/src/language/outline';
import { seed } from './drafts';

/** One line per node: indentation, kind, name, detail and its lines. */
function render(nodes: OutlineNode[], depth = 0): string[] {
  return nodes.flatMap((node) => [
    `${'  '.repeat(depth)}${node.kind} ${node.name}${node.detail ? ` — ${node.detail}` : ''} [${node.range.start.line}-${node.range.end.line}]`,
    ...render(node.children, depth + 1),
  ]);
}

const key = (position: { line: number; character: number }): number => position.line * 100_000 + position.character;

/** What LSP requires of document symbols: the selection inside the range, children inside their parent. */
function assertNested(nodes: OutlineNode[], parent?: OutlineNode): void {
  for (const node of nodes) {
    assert.ok(
      key(node.range.start) <= key(node.selectionRange.start) && key(node.selectionRange.end) <= key(node.range.end),
      `${node.name} selection inside its range`,
    );
    if (parent) assert.ok(parent.span.start <= node.span.start && node.span.end <= parent.span.end, `${node.name} lies inside ${parent.name}`);
    assertNested(node.children, node);
  }
}

describe('outline', () => {
  it('of the seed: sections, credentials, the item with its decision, its fields', () => {
    const nodes = outline(lint(seed).model!);
    assert.deepEqual(render(nodes), [
      'section HOW THE IMR FINAL DETERMINATION WAS MADE [0-24]',
      '  credentials Credentials [22-24]',
      '    credential State(s) of Licensure — Texas, Ohio, California [22-22]',
      '    credential Certification(s)/Specialty — Preventive Medicine, Occupational Medicine [24-24]',
      'section CLINICAL CASE SUMMARY [28-52]',
      'section IMR ISSUES, DECISIONS AND RATIONALES [56-98]',
      '  item Left Hip Cortisone Injection — Overturned [62-98]',
      '    field Claims Administrator guideline — Non-MTUS: ODG [66-68]',
      '    field MAXIMUS guideline — Non-MTUS: ACOEM Practice Guidelines, Third Edition [74-78]',
      '    field Decision rationale — medically necessary [82-98]',
    ]);
    assertNested(nodes);
    const item = nodes[2].children[0];
    assert.deepEqual(item.selectionRange, { start: { line: 62, character: 0 }, end: { line: 62, character: 28 } });
  });

  it('of a draft with headings, two items and gaps: every item, what is missing said in the detail', () => {
    const draft = [
      '# HOW THE IMR FINAL DETERMINATION WAS MADE',
      '',
      'Statement.',
      '',
      '# IMR ISSUES, DECISIONS AND RATIONALES',
      '',
      '## Lumbar MRI: Upheld',
      '',
      '**Claims Administrator guideline:** No citation here.',
      '',
      '**Decision rationale:** Imaging is not indicated.',
      '',
      '## Knee Brace',
      '',
      'MAXIMUS guideline: The Expert Reviewer based their decision on the MTUS. Decision based on MTUS ACOEM',
      '',
    ].join('\n');
    assert.deepEqual(render(outline(lint(draft).model!)), [
      'section HOW THE IMR FINAL DETERMINATION WAS MADE [0-2]',
      'section IMR ISSUES, DECISIONS AND RATIONALES [4-14]',
      '  item Lumbar MRI — Upheld [6-10]',
      '    field Claims Administrator guideline — no citation [8-8]',
      '    field Decision rationale — no conclusion [10-10]',
      '  item Knee Brace — no decision [12-14]',
      '    field MAXIMUS guideline — MTUS: ACOEM [14-14]',
    ]);
  });
});
