// Reads the Markdown tree into a flat run of pieces: landmarks of the letter, and the content between them.
import type { Definition, ListItem, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import type { LineIndex } from '../text';
import type { Landmark } from './landmarks';
import { firstOffset, lastOffset, splitPhrasing, trimPhrasing } from './split';

export type Piece = { kind: 'landmark'; landmark: Landmark } | { kind: 'content'; node: RootContent };

export interface Pieces {
  pieces: Piece[];
  /** Link and image definitions, which references anywhere in the letter need. */
  definitions: Definition[];
}

export function piecesOf(root: Root, source: string, lines: LineIndex, landmarks: readonly Landmark[]): Pieces {
  const out: Pieces = { pieces: [], definitions: [] };
  const cuts = [...new Set(landmarks.flatMap((landmark) => [landmark.start, landmark.end]))].sort((a, b) => a - b);
  const contains = (node: RootContent | ListItem): boolean => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    return start !== undefined && end !== undefined && landmarks.some((landmark) => landmark.start >= start && landmark.start < end);
  };
  const content = (node: RootContent): void => {
    out.pieces.push({ kind: 'content', node });
  };

  const splitBlock = (node: Paragraph | Extract<RootContent, { type: 'heading' }>): void => {
    const first = firstOffset(node.children, source);
    const last = lastOffset(node.children, source);
    if (first === undefined || last === undefined) return content(node);
    // A cut inside code, an image or raw HTML moves to its start: cut there, it would go whole to one side and be lost.
    const atoms = atomsOf(node.children);
    const snapped = cuts.map((cut) => atoms.find((atom) => atom.start < cut && cut < atom.end)?.start ?? cut);
    const inside = [...new Set(snapped)].filter((cut) => cut > first && cut < last);
    const parts: PhrasingContent[][] = [];
    let rest: PhrasingContent[] = node.children;
    for (const cut of inside) {
      const [before, after] = splitPhrasing(rest, cut, source);
      parts.push(before);
      rest = after;
    }
    parts.push(rest);
    const split = parts.length > 1;
    for (const part of parts) {
      const trimmed = trimPhrasing(part);
      const start = firstOffset(trimmed, source);
      const end = lastOffset(trimmed, source);
      if (start === undefined || end === undefined) continue;
      const landmark = landmarks.find((candidate) => candidate.start >= start && candidate.start < end);
      if (landmark) {
        out.pieces.push({ kind: 'landmark', landmark });
      } else if (!split) {
        content(node);
      } else {
        // What is left of a title or label line reads as prose of the part it belongs to.
        content({ type: 'paragraph', children: trimmed, position: positionOf(start, end, lines) });
      }
    }
  };

  const collect = (nodes: readonly RootContent[]): void => {
    for (const node of nodes) {
      switch (node.type) {
        case 'yaml':
          break;
        case 'definition':
          out.definitions.push(node);
          break;
        case 'paragraph':
        case 'heading':
          splitBlock(node);
          break;
        case 'code':
          if (isFenced(node, source)) content(node);
          else proseOf(node, source, lines).forEach(splitBlock);
          break;
        case 'blockquote':
          if (contains(node)) collect(node.children);
          else content(node);
          break;
        case 'list': {
          if (!contains(node)) {
            content(node);
            break;
          }
          // A list that carries items, fields or credentials is the writer's way of laying them out, not content.
          let run: ListItem[] = [];
          let runIndex = 0;
          const flush = (): void => {
            if (run.length === 0) return;
            const start = run[0].position?.start.offset;
            const end = run[run.length - 1].position?.end.offset;
            content({
              ...node,
              children: run,
              start: node.ordered ? (node.start ?? 1) + runIndex : node.start,
              position: start !== undefined && end !== undefined ? positionOf(start, end, lines) : node.position,
            });
            run = [];
          };
          node.children.forEach((item, index) => {
            if (contains(item)) {
              flush();
              collect(item.children);
            } else {
              if (run.length === 0) runIndex = index;
              run.push(item);
            }
          });
          flush();
          break;
        }
        default:
          content(node);
      }
    }
  };
  collect(root.children);
  return out;
}

/** Where inline content that cannot be cut starts and ends: everything but text, breaks and containers. */
function atomsOf(children: readonly PhrasingContent[]): { start: number; end: number }[] {
  return children.flatMap((child) => {
    if ('children' in child) return atomsOf(child.children as PhrasingContent[]);
    const start = child.position?.start.offset;
    const end = child.position?.end.offset;
    return child.type === 'text' || child.type === 'break' || start === undefined || end === undefined ? [] : [{ start, end }];
  });
}

function isFenced(node: Extract<RootContent, { type: 'code' }>, source: string): boolean {
  const start = node.position?.start.offset;
  return start === undefined || /^(`{3,}|~{3,})/.test(source.slice(start, start + 3));
}

/** Indented text pasted from a letter is prose, as the model reads it: one paragraph per run of lines. */
function proseOf(node: Extract<RootContent, { type: 'code' }>, source: string, lines: LineIndex): Paragraph[] {
  const start = node.position!.start.offset!;
  const end = node.position!.end.offset!;
  const paragraphs: Paragraph[] = [];
  let runStart = -1;
  let runEnd = -1;
  const flush = (): void => {
    if (runStart < 0) return;
    const raw = source.slice(runStart, runEnd);
    const value = raw
      .split(/\r?\n|\r/)
      .map((line) => line.trim())
      .join('\n');
    paragraphs.push({
      type: 'paragraph',
      children: [{ type: 'text', value, position: positionOf(runStart, runEnd, lines) }],
      position: positionOf(runStart, runEnd, lines),
    });
    runStart = -1;
  };
  let lineStart = start;
  while (lineStart <= end) {
    let lineEnd = source.slice(lineStart, end).search(/\r?\n|\r/);
    lineEnd = lineEnd < 0 ? end : lineStart + lineEnd;
    const line = source.slice(lineStart, lineEnd);
    if (line.trim().length === 0) {
      flush();
    } else {
      const lead = line.length - line.trimStart().length;
      if (runStart < 0) runStart = lineStart + lead;
      runEnd = lineStart + line.trimEnd().length;
    }
    if (lineEnd >= end) break;
    lineStart = lineEnd + (source.startsWith('\r\n', lineEnd) ? 2 : 1);
  }
  flush();
  return paragraphs;
}

export function positionOf(start: number, end: number, lines: LineIndex): NonNullable<RootContent['position']> {
  const from = lines.positionAt(start);
  const to = lines.positionAt(end);
  return {
    start: { line: from.line + 1, column: from.character + 1, offset: start },
    end: { line: to.line + 1, column: to.character + 1, offset: end },
  };
}
