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
    credentials[kind] = readLine(line, kind === 'states' ? STATES_LABEL : SPECIALTIES_LABEL, index);
  }
  return credentials;
}

function readLine(line: TextLine, label: RegExp, index: LineIndex): CredentialLine {
  const text = line.content.text;
  const labelEnd = label.exec(text)![0].length;
  const entries = [];
  let cursor = labelEnd;
  for (const piece of text.slice(labelEnd).split(/[,;]/)) {
    const lead = piece.length - piece.trimStart().length;
    const trimmed = piece.trim().replace(/\.$/, '');
    if (trimmed.length > 0) entries.push(textPart(line.content, cursor + lead, cursor + lead + trimmed.length, index));
    cursor += piece.length + 1;
  }
  return {
    label: textPart(line.content, 0, labelEnd, index),
    entries,
    span: line.content.span,
    range: index.rangeOf(line.content.span),
  };
}
