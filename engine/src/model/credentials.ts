// Reads the credentials: states of licensure and certifications or specialties, as labelled lines or in prose.
import type { CredentialKind, Vocabulary } from '../profiles/vocabulary';
import { MappedText, type LineIndex } from '../text';
import { textPart } from './parts';
import type { CredentialEntry, Credentials, TextLine } from './types';

// States never contain "and", so it separates them; specialties do ("Allergy and Immunology"), so only ", and" does.
const SEPARATORS: Record<CredentialKind, RegExp> = {
  states: /\s*[,;]\s*(?:(?:and|&)\s+)?|\s+(?:and|&)\s+/gi,
  specialties: /\s*[,;]\s*(?:(?:and|&)\s+)?/gi,
};

export function readCredentials(lines: TextLine[], vocabulary: Vocabulary, index: LineIndex): Credentials {
  const credentials: Credentials = { nearLabels: [] };
  if (vocabulary.profile.credentials.form === 'prose') return readProse(lines, vocabulary, index, credentials);
  for (const line of lines) {
    const label = vocabulary.credentialLabel(line.content.text, line.blockStart);
    if (!label) continue;
    if (label.kind === 'near') {
      credentials.nearLabels.push({ ...textPart(line.content, 0, label.labelEnd, index), canonical: label.canonical, credential: label.credential });
      continue;
    }
    if (credentials[label.credential]) continue;
    credentials[label.credential] = {
      label: textPart(line.content, 0, label.end, index),
      entries: readEntries(line.content, label.end, line.content.length, label.credential, vocabulary, index),
      span: line.content.span,
      range: index.rangeOf(line.content.span),
    };
  }
  return credentials;
}

/** "... is Board Certified in Occupational Medicine and is licensed to practice in California and Ohio.", across PDF line breaks. */
function readProse(lines: TextLine[], vocabulary: Vocabulary, index: LineIndex, credentials: Credentials): Credentials {
  const content = MappedText.join(
    lines.map((line) => line.content),
    ' ',
  );
  const text = content.text;
  const phrases = vocabulary.credentialPhrases(text);
  phrases.forEach((phrase, position) => {
    if (credentials[phrase.credential]) return;
    // The list runs to the next phrase, the end of the sentence, or a clause that is no longer a list.
    const limit = phrases[position + 1]?.start ?? text.length;
    const rest = text.slice(phrase.end, limit);
    const stop = /\.(?:\s|$)|\s+(?:and\s+)?(?:is|has|was|who|with|since)\b|\s+and\s+(?=(?:is|has)\b)/i.exec(rest);
    // A list that runs on to the next phrase leaves the words joining them (", and licensed in ...") behind.
    const end = phrase.end + (stop ? stop.index : rest.replace(/(?:[\s.,;]|\s(?:and|&))+$/i, '').length);
    const span = content.spanOf(phrase.start, end);
    credentials[phrase.credential] = {
      label: textPart(content, phrase.start, phrase.end, index),
      entries: readEntries(content, phrase.end, end, phrase.credential, vocabulary, index),
      span,
      range: index.rangeOf(span),
    };
  });
  return credentials;
}

function readEntries(content: MappedText, from: number, to: number, kind: CredentialKind, vocabulary: Vocabulary, index: LineIndex): CredentialEntry[] {
  const text = content.text.slice(0, to);
  const entries: CredentialEntry[] = [];
  const pieces: [number, number][] = [];
  let cursor = from;
  for (const match of text.slice(from).matchAll(SEPARATORS[kind])) {
    const at = from + match.index;
    pieces.push([cursor, at]);
    cursor = at + match[0].length;
  }
  pieces.push([cursor, text.length]);
  for (const [start, end] of pieces) {
    const piece = text.slice(start, end);
    const lead = piece.length - piece.trimStart().length;
    // A closing full stop ends the line, unless it belongs to an abbreviation ("D.C.").
    const trimmed = piece.trim().replace(/(?<!(?:^|[\s.])[A-Z])\.$/, '');
    if (trimmed.length === 0) continue;
    const entry: CredentialEntry = textPart(content, start + lead, start + lead + trimmed.length, index);
    const placeholder = vocabulary.placeholder(trimmed, 'prose');
    entries.push(placeholder ? { ...entry, placeholder } : entry);
  }
  return entries;
}
