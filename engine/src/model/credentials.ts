// Reads the credentials block: states of licensure and certifications or specialties.
import type { LineIndex } from '../text';
import { textPart } from './parts';
import type { CredentialLine, Credentials, TextLine } from './types';

const STATES_LABEL = /^States?\s*(?:\(s\))?\s+of\s+Licen[sc]ure\s*:/i;
const SPECIALTIES_LABEL = /^(?:Board\s+)?Certifications?\s*(?:\(s\))?\s*(?:\/|and|&)\s*Specialt(?:y|ies)\s*(?:\(ies\))?\s*:|^Specialt(?:y|ies)\s*:/i;

export function isCredentialLabel(text: string): 'states' | 'specialties' | undefined {
  if (STATES_LABEL.test(text)) return 'states';
  if (SPECIALTIES_LABEL.test(text)) return 'specialties';
  return undefined;
}

export function readCredentials(lines: TextLine[], index: LineIndex): Credentials {
  const credentials: Credentials = {};
  for (const line of lines) {
    const kind = isCredentialLabel(line.content.text);
    if (!kind || credentials[kind]) continue;
    credentials[kind] = readLine(line, kind === 'states' ? STATES_LABEL : SPECIALTIES_LABEL, kind, index);
  }
  return credentials;
}

function readLine(line: TextLine, label: RegExp, kind: 'states' | 'specialties', index: LineIndex): CredentialLine {
  const text = line.content.text;
  const labelEnd = label.exec(text)![0].length;
  // States never contain "and", so it separates them; specialties do ("Allergy and Immunology"), so only ", and" does.
  const separator = kind === 'states' ? /\s*[,;]\s*(?:(?:and|&)\s+)?|\s+(?:and|&)\s+/gi : /\s*[,;]\s*(?:(?:and|&)\s+)?/gi;
  const entries = [];
  let cursor = labelEnd;
  const pieces: [number, number][] = [];
  for (const match of text.slice(labelEnd).matchAll(separator)) {
    const at = labelEnd + (match.index ?? 0);
    pieces.push([cursor, at]);
    cursor = at + match[0].length;
  }
  pieces.push([cursor, text.length]);
  for (const [from, to] of pieces) {
    const piece = text.slice(from, to);
    const lead = piece.length - piece.trimStart().length;
    // A closing full stop ends the line, unless it belongs to an abbreviation ("D.C.").
    const trimmed = piece.trim().replace(/(?<!(?:^|[\s.])[A-Z])\.$/, '');
    if (trimmed.length > 0) entries.push(textPart(line.content, from + lead, from + lead + trimmed.length, index));
  }
  return {
    label: textPart(line.content, 0, labelEnd, index),
    entries,
    span: line.content.span,
    range: index.rangeOf(line.content.span),
  };
}
