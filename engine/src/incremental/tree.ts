// Moving parsed blocks to where they sit in the draft, without touching trees handed out before.
import type { Nodes, RootContent } from 'mdast';

interface Point {
  line: number;
  column: number;
  offset?: number;
}

/**
 * Copies of `nodes` with every position moved by `offset` characters and `lines` lines. Blocks start
 * at the beginning of a line, so columns never change. Iterative: a deeply nested draft must not
 * overflow the stack here.
 */
export function shiftNodes(nodes: readonly RootContent[], offset: number, lines: number): RootContent[] {
  const out: RootContent[] = new Array(nodes.length);
  const stack: { source: readonly Nodes[]; target: Nodes[] }[] = [{ source: nodes, target: out }];
  while (stack.length > 0) {
    const { source, target } = stack.pop()!;
    for (let i = 0; i < source.length; i++) {
      const node = source[i];
      const copy = { ...node } as Nodes & { children?: Nodes[] };
      if (node.position) {
        copy.position = { start: shiftPoint(node.position.start, offset, lines), end: shiftPoint(node.position.end, offset, lines) };
      }
      if ('children' in node) {
        const children: Nodes[] = new Array(node.children.length);
        copy.children = children;
        stack.push({ source: node.children as Nodes[], target: children });
      }
      target[i] = copy;
    }
  }
  return out;
}

function shiftPoint(point: Point, offset: number, lines: number): Point {
  return point.offset === undefined
    ? { line: point.line + lines, column: point.column }
    : { line: point.line + lines, column: point.column, offset: point.offset + offset };
}

/** Whether any block defines a link reference: such a definition changes how `[text]` reads in every other block. */
export function definesReferences(nodes: readonly RootContent[]): boolean {
  const stack: Nodes[] = [...nodes];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'definition' || node.type === 'footnoteDefinition') return true;
    // Definitions are blocks: inline content cannot hold one.
    if (node.type === 'blockquote' || node.type === 'list' || node.type === 'listItem') for (const child of node.children) stack.push(child);
  }
  return false;
}
