// Cuts a paragraph's inline content at source offsets, so one Markdown paragraph can hold several parts of the letter.
import type { PhrasingContent } from 'mdast';
import { alignValue, MappedText } from '../text';

type Parent = Extract<PhrasingContent, { children: unknown }>;

/** Splits inline content at a source offset: what starts before it, and what starts at or after it. */
export function splitPhrasing(children: readonly PhrasingContent[], at: number, source: string): [PhrasingContent[], PhrasingContent[]] {
  const before: PhrasingContent[] = [];
  const after: PhrasingContent[] = [];
  let passed = false;
  for (const child of children) {
    const start = child.position?.start.offset;
    const end = child.position?.end.offset;
    if (start === undefined || end === undefined) {
      (passed ? after : before).push(child);
    } else if (end <= at) {
      before.push(child);
    } else if (start >= at) {
      passed = true;
      after.push(child);
    } else if (child.type === 'text') {
      passed = true;
      const value = valueOf(child, source, start, end);
      const cut = value.indexAtOrAfter(at);
      const middle = value.offsetAt(cut);
      if (cut > 0) before.push({ ...child, value: child.value.slice(0, cut), position: positionOf(child, start, middle) });
      if (cut < child.value.length) after.push({ ...child, value: child.value.slice(cut), position: positionOf(child, middle, end) });
    } else if ('children' in child) {
      passed = true;
      const [left, right] = splitPhrasing(child.children as PhrasingContent[], at, source);
      if (left.length > 0) before.push({ ...child, children: left, position: positionOf(child, start, at) } as Parent);
      if (right.length > 0) after.push({ ...child, children: right, position: positionOf(child, at, end) } as Parent);
    } else {
      // Atomic inline content (code, images, breaks, raw HTML) goes with the side it starts on.
      passed = true;
      (start < at ? before : after).push(child);
    }
  }
  return [before, after];
}

/** Removes leading and trailing white space and line breaks, and containers left empty. */
export function trimPhrasing(children: readonly PhrasingContent[]): PhrasingContent[] {
  return trimEnd(trimStart([...children]));
}

function trimStart(children: PhrasingContent[]): PhrasingContent[] {
  while (children.length > 0) {
    const first = children[0];
    if (first.type === 'break') {
      children.shift();
    } else if (first.type === 'text') {
      const value = first.value.replace(/^\s+/, '');
      if (value.length > 0) {
        children[0] = { ...first, value };
        break;
      }
      children.shift();
    } else if ('children' in first) {
      const inner = trimStart([...(first.children as PhrasingContent[])]);
      if (inner.length > 0) {
        children[0] = { ...first, children: inner } as Parent;
        break;
      }
      children.shift();
    } else {
      break;
    }
  }
  return children;
}

function trimEnd(children: PhrasingContent[]): PhrasingContent[] {
  while (children.length > 0) {
    const index = children.length - 1;
    const last = children[index];
    if (last.type === 'break') {
      children.pop();
    } else if (last.type === 'text') {
      const value = last.value.trimEnd();
      if (value.length > 0) {
        children[index] = { ...last, value };
        break;
      }
      children.pop();
    } else if ('children' in last) {
      const inner = trimEnd([...(last.children as PhrasingContent[])]);
      if (inner.length > 0) {
        children[index] = { ...last, children: inner } as Parent;
        break;
      }
      children.pop();
    } else {
      break;
    }
  }
  return children;
}

/** Source offset of the first character a reader sees, if any. */
export function firstOffset(children: readonly PhrasingContent[], source: string): number | undefined {
  for (const child of children) {
    const start = child.position?.start.offset;
    const end = child.position?.end.offset;
    if (child.type === 'text') {
      const lead = child.value.search(/\S/);
      if (lead < 0) continue;
      if (start === undefined || end === undefined) return undefined;
      return valueOf(child, source, start, end).offsetAt(lead);
    }
    if (child.type === 'break') continue;
    if ('children' in child) {
      const inner = firstOffset(child.children as PhrasingContent[], source);
      if (inner !== undefined) return inner;
      continue;
    }
    if (start !== undefined) return start;
  }
  return undefined;
}

/** Source offset just after the last character a reader sees, if any. */
export function lastOffset(children: readonly PhrasingContent[], source: string): number | undefined {
  for (let index = children.length - 1; index >= 0; index--) {
    const child = children[index];
    const start = child.position?.start.offset;
    const end = child.position?.end.offset;
    if (child.type === 'text') {
      const trimmed = child.value.trimEnd();
      if (trimmed.length === 0) continue;
      if (start === undefined || end === undefined) return undefined;
      return valueOf(child, source, start, end).offsetAt(trimmed.length - 1) + 1;
    }
    if (child.type === 'break') continue;
    if ('children' in child) {
      const inner = lastOffset(child.children as PhrasingContent[], source);
      if (inner !== undefined) return inner;
      continue;
    }
    if (end !== undefined) return end;
  }
  return undefined;
}

/** A text node's value with the source offset of each character. */
function valueOf(child: { value: string }, source: string, start: number, end: number): MappedText {
  return new MappedText(child.value, alignValue(child.value, source.slice(start, end), start));
}

function positionOf(node: PhrasingContent, start: number, end: number): PhrasingContent['position'] {
  // Inline positions only serve later cuts, which read offsets; block lines are set where blocks are made.
  const position = node.position!;
  return {
    start: { ...position.start, offset: start },
    end: { ...position.end, offset: end },
  };
}
