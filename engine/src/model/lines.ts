// Flattens mdast into prose lines with source offsets, plus comment directives and front matter.
import type { Nodes, Root, RootContent } from 'mdast';
import { definesReferences } from '../incremental/tree';
import { alignValue, MappedText } from '../text';
import type { LineIndex } from '../text';
import type { BlockKey, BlockLines, ModelCache } from './cache';
import type { Directive, TextLine } from './types';

export interface FlatDocument {
  lines: TextLine[];
  directives: Directive[];
  yaml?: { value: string; start: number; end: number; valueStart: number };
}

/** Where a block's lines sit: in a list or a quotation or not, and the number of the ordered list item it opens. */
interface Place {
  inList: boolean;
  quoted?: boolean;
  ordinal?: number;
}

const DIRECTIVE = /<!--\s*imr-(disable-next-line|disable-line|disable|enable)\b([^>]*?)-->/g;

export function flatten(root: Root, text: string, index: LineIndex, cache?: ModelCache): FlatDocument {
  const out: FlatDocument = { lines: [], directives: [] };
  // Where visited blocks put their lines: the document, or one block read on its own.
  let sink = out;
  // Comments inside prose may hold directives too ("... <!-- imr-disable-line phi -->").
  const html = (value: string, offset: number): void => collectDirectives(value, offset, index, sink.directives);
  const visit = (node: RootContent | Root, place: Place): void => {
    const { inList, quoted } = place;
    switch (node.type) {
      case 'root':
        // A link reference definition changes how "[text]" reads in every other block: no block reads alone then.
        if (!cache || definesReferences(node.children)) for (const child of node.children) visit(child, { inList });
        else
          for (const child of node.children) {
            // Front matter is read every time; so is a block without a position (none from the parser).
            if (child.type === 'yaml' || child.position?.start.offset === undefined) {
              visit(child, { inList });
              continue;
            }
            const key = cache.blocks.keyOf(child, text);
            const kept = cache.blocks.get(key);
            cache.count('blocks', kept !== undefined);
            placeBlock(child, key, kept ?? readBlock(child));
          }
        return;
      case 'blockquote':
        for (const child of node.children) visit(child, { inList, quoted: true });
        return;
      case 'list':
        node.children.forEach((child, position) => visit(child, { inList: true, quoted, ordinal: node.ordered ? (node.start ?? 1) + position : undefined }));
        return;
      case 'listItem':
        // Only the item's first block carries its number.
        node.children.forEach((child, position) => visit(child, { inList: true, quoted, ordinal: position === 0 ? place.ordinal : undefined }));
        return;
      case 'heading':
        pushLines(sink.lines, inlineText(node.children, text, html), index, { block: 'heading', depth: node.depth, ...place });
        return;
      case 'paragraph':
        pushLines(sink.lines, inlineText(node.children, text, html), index, { block: 'paragraph', ...place });
        return;
      case 'code':
        // Indented text pasted from a letter is prose, not code; fenced blocks stay code.
        if (!node.position || /^(`{3,}|~{3,})/.test(text.slice(node.position.start.offset!, node.position.end.offset!))) return;
        pushLines(sink.lines, sourceText(node.position.start.offset!, node.position.end.offset!, text), index, { block: 'code', inList, quoted });
        return;
      case 'table':
        for (const row of node.children) {
          const cells = row.children.map((cell) => inlineText(cell.children, text, html));
          if (cells.length > 0) pushLines(sink.lines, MappedText.join(cells, ' | '), index, { block: 'table', inList, quoted });
        }
        return;
      case 'html':
        collectDirectives(node.value, node.position?.start.offset ?? 0, index, sink.directives);
        return;
      case 'yaml':
        if (node.position) {
          const start = node.position.start.offset!;
          const end = node.position.end.offset!;
          // The value starts after the opening fence's line break, whichever of \n, \r\n or \r it is.
          const fence = /\r\n|\r|\n/.exec(text.slice(start, end));
          const valueStart = fence ? start + fence.index + fence[0].length : start;
          sink.yaml = { value: node.value, start, end, valueStart };
        }
        return;
      default:
        return;
    }
  };
  /** Reads a top-level block on its own. */
  const readBlock = (block: RootContent): BlockLines => {
    const whole = sink;
    sink = { lines: [], directives: [] };
    visit(block, { inList: false });
    const read: BlockLines = { offset: block.position!.start.offset!, line: block.position!.start.line - 1, lines: sink.lines, directives: sink.directives };
    sink = whole;
    return read;
  };
  /** A block's lines where the block now sits, moved there when it was read elsewhere; kept for the next check. */
  const placeBlock = (block: RootContent, key: BlockKey, read: BlockLines): void => {
    const offset = block.position!.start.offset!;
    const line = block.position!.start.line - 1;
    if (read.offset !== offset || read.line !== line) {
      const delta = offset - read.offset;
      const lines = line - read.line;
      read = {
        offset,
        line,
        lines: read.lines.map((before) => {
          const moved = { ...before, content: before.content.shifted(delta), line: before.line + lines };
          cache!.movedFrom.set(moved, before);
          return moved;
        }),
        directives: read.directives.map((directive) => ({ ...directive, line: directive.line + lines })),
      };
    }
    cache!.blocks.set(key, read);
    for (const moved of read.lines) out.lines.push(moved);
    for (const directive of read.directives) out.directives.push(directive);
  };
  visit(root, { inList: false });
  return out;
}

function collectDirectives(html: string, offset: number, index: LineIndex, directives: Directive[]): void {
  for (const match of html.matchAll(DIRECTIVE)) {
    const line = index.positionAt(offset + (match.index ?? 0)).line;
    const rules = match[2].split(/[\s,]+/).filter((rule) => rule.length > 0);
    directives.push({ kind: match[1] as Directive['kind'], rules, line });
  }
}

function sourceText(start: number, end: number, text: string): MappedText {
  return MappedText.at(text.slice(start, end), start);
}

/**
 * The reader's text of inline content, each character mapped to its source offset. Raw HTML stays in the text as
 * written (the letter shows it as text), except comments, which go to `comment`.
 */
function inlineText(children: Nodes[], text: string, comment: (value: string, offset: number) => void): MappedText {
  const pieces: MappedText[] = [];
  const walk = (nodes: Nodes[]): void => {
    for (const node of nodes) {
      const position = node.position;
      switch (node.type) {
        case 'text':
        case 'inlineCode': {
          if (!position) continue;
          const start = position.start.offset!;
          const end = position.end.offset!;
          const source = text.slice(start, end);
          if (node.type === 'inlineCode') {
            const inner = source.indexOf(node.value);
            const base = inner >= 0 ? start + inner : start;
            pieces.push(new MappedText(node.value, alignValue(node.value, text.slice(base, end), base)));
          } else {
            pieces.push(new MappedText(node.value, alignValue(node.value, source, start)));
          }
          break;
        }
        case 'break':
          if (position) pieces.push(MappedText.fromOffsets('\n', [position.start.offset!, position.end.offset!]));
          break;
        case 'strong':
        case 'emphasis':
        case 'delete':
        case 'link':
        case 'linkReference':
          walk(node.children as Nodes[]);
          break;
        case 'html':
          if (!position) break;
          if (node.value.startsWith('<!--')) comment(node.value, position.start.offset!);
          else
            pieces.push(new MappedText(node.value, alignValue(node.value, text.slice(position.start.offset!, position.end.offset!), position.start.offset!)));
          break;
        case 'image':
        case 'imageReference':
          if (position && node.alt)
            pieces.push(new MappedText(node.alt, alignValue(node.alt, text.slice(position.start.offset!, position.end.offset!), position.start.offset!)));
          break;
        default:
          break;
      }
    }
  };
  walk(children);
  return MappedText.join(pieces, '');
}

function pushLines(lines: TextLine[], content: MappedText, index: LineIndex, shape: Pick<TextLine, 'block' | 'depth' | 'inList' | 'quoted' | 'ordinal'>): void {
  let from = 0;
  let first = true;
  const { ordinal, ...rest } = shape;
  let last: TextLine | undefined;
  while (from <= content.length) {
    let to = content.text.indexOf('\n', from);
    if (to < 0) to = content.length;
    const piece = content.slice(from, to).trim();
    if (piece.length > 0) {
      last = {
        content: piece,
        line: index.positionAt(piece.offsetAt(0)).line,
        blockStart: first,
        ...rest,
        ...(first && ordinal !== undefined ? { ordinal } : {}),
      };
      lines.push(last);
      first = false;
    }
    from = to + 1;
  }
  if (last) last.blockEnd = true;
}
