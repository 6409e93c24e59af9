// Lays the pieces out as the letter: sections under the profile's titles, items with their decision set off,
// fields under their labels, and the credentials block.
import type { Paragraph, RootContent } from 'mdast';
import type { Determination } from '../model/types';
import type { FieldKind } from '../profiles/types';
import { positionOf, type Piece } from './blocks';
import { decisionBadge } from './decision';
import type { Landmark } from './landmarks';
import { block, text, type LetterBlock } from './nodes';

export const ITEM_ID_PREFIX = 'item-';

const FIELD_CLASS: Record<FieldKind, string> = {
  claimsAdministrator: 'field-claims-administrator',
  reviewer: 'field-reviewer',
  rationale: 'field-rationale',
};

export interface CaseNumber {
  text: string;
  line: number;
}

export function layoutLetter(pieces: readonly Piece[], model: Determination, caseNumber: CaseNumber | undefined): LetterBlock {
  const { profile, lines } = model;
  const lineOf = (offset: number): number => lines.positionAt(offset).line;
  const letter = block('article', { className: ['letter'] });
  if (caseNumber) {
    letter.children.push(
      block('header', { className: ['letter-header'], dataLine: caseNumber.line }, [
        block('p', { className: ['letter-case'], dataLine: caseNumber.line }, [
          text('Case Number: '),
          block('span', { className: ['case-number'] }, [text(caseNumber.text)]),
        ]),
      ]),
    );
  }
  const preamble = block('div', { className: ['letter-preamble'] });
  letter.children.push(preamble);

  let section: LetterBlock | undefined;
  let item: LetterBlock | undefined;
  let container: LetterBlock = preamble;
  let field: { label: Paragraph; filled: boolean } | undefined;
  let credentials: LetterBlock | undefined;

  const place = (source: RootContent): void => {
    let node = source;
    credentials = undefined;
    if (field && !field.filled && node.type === 'paragraph') {
      // The field's first paragraph runs on from its label, as the letter prints it.
      field.label.children.push({ type: 'text', value: ' ' }, ...node.children);
      field.filled = true;
      return;
    }
    if (field) field.filled = true;
    if (node.type === 'heading' && section) {
      // The writer's own headings rank below the letter's section titles and item lines.
      // A copy: the tree may be an incremental parser's, shared with the next parse.
      node = { ...node, data: { ...node.data, hName: `h${Math.min(6, node.depth + 3)}` } };
    }
    container.children.push(node);
  };

  const open = (landmark: Landmark): void => {
    switch (landmark.kind) {
      case 'section': {
        const spec = profile.sections.find((candidate) => candidate.id === landmark.section.id);
        section = block(
          'section',
          { className: ['letter-section', `section-${landmark.section.id}`], id: `section-${landmark.section.id}`, dataLine: lineOf(landmark.start) },
          [block('h2', { className: ['section-title'] }, [text(spec?.title ?? landmark.section.heading.text)])],
        );
        letter.children.push(section);
        container = section;
        item = undefined;
        field = undefined;
        credentials = undefined;
        return;
      }
      case 'item': {
        const badge = decisionBadge(landmark.item, profile);
        item = block(
          'section',
          {
            className: ['item', ...badge.className.filter((name) => name !== 'decision')],
            id: `${ITEM_ID_PREFIX}${landmark.index + 1}`,
            dataLine: lineOf(landmark.start),
          },
          [
            block('h3', { className: ['item-header'] }, [
              block('span', { className: ['item-name'] }, [text(landmark.item.name.text)]),
              text(' '),
              block('span', { className: badge.className, title: badge.note }, [text(badge.text)]),
            ]),
          ],
        );
        (section ?? letter).children.push(item);
        container = item;
        field = undefined;
        credentials = undefined;
        return;
      }
      case 'field': {
        const spec = profile.fields.find((candidate) => candidate.kind === landmark.field.kind);
        const label: Paragraph = {
          type: 'paragraph',
          children: [
            {
              type: 'strong',
              data: { hProperties: { className: ['field-label'] } },
              children: [{ type: 'text', value: `${spec?.label ?? landmark.field.label.text}:` }],
            },
          ],
          position: positionOf(landmark.start, landmark.end, lines),
        };
        const host = item ?? container;
        const fieldBlock = block('div', { className: ['field', FIELD_CLASS[landmark.field.kind]], dataLine: lineOf(landmark.start) }, [label]);
        host.children.push(fieldBlock);
        container = fieldBlock;
        field = { label, filled: false };
        credentials = undefined;
        return;
      }
      case 'shown-elsewhere':
        return;
      case 'credential': {
        if (field) field.filled = true;
        if (!credentials) {
          credentials = block('dl', { className: ['credentials'], dataLine: lineOf(landmark.start) });
          container.children.push(credentials);
        }
        const entries = landmark.credential.entries.map((entry) => entry.text).join(', ');
        credentials.children.push(
          block('div', { className: ['credential', `credential-${landmark.which}`], dataLine: lineOf(landmark.start) }, [
            block('dt', {}, [text(withColon(landmark.credential.label.text))]),
            block('dd', {}, [text(entries)]),
          ]),
        );
        return;
      }
    }
  };

  for (const piece of pieces) {
    if (piece.kind === 'content') place(piece.node);
    else open(piece.landmark);
  }
  if (preamble.children.length === 0) letter.children.splice(letter.children.indexOf(preamble), 1);
  return letter;
}

function withColon(label: string): string {
  const trimmed = label.trim();
  return trimmed.endsWith(':') ? trimmed : `${trimmed}:`;
}
