// Text that templates insert for the writer to replace: one source for the templates and for the rule that finds it left in.

/** Where a placeholder stands, which decides how it is recognised. */
export type PlaceholderPlace = 'item' | 'prose';

export interface PlaceholderText {
  /** The text as a template inserts it. */
  text: string;
  place: PlaceholderPlace;
  /** What the writer should put there, for the message ("the name of the disputed item"). */
  fill: string;
}

/** The texts today's templates insert (templates read them from here). */
export const TEMPLATE_PLACEHOLDERS = {
  item: { text: 'Name of the disputed item', place: 'item', fill: 'the name of the disputed item' },
  source: { text: '[source, chapter or topic, pages]', place: 'prose', fill: 'the guideline cited: its source, chapter or topic, and pages' },
  reasoning: {
    text: '[Reasoning from the medical records and the cited guideline.]',
    place: 'prose',
    fill: 'the reasoning from the medical records and the guideline',
  },
  summary: {
    text: '[Summary of the case file: the claim, the Utilization Review decision in dispute and the medical records that bear on it.]',
    place: 'prose',
    fill: 'the summary of the case file',
  },
  chapter: { text: '[chapter or topic, pages]', place: 'prose', fill: "the guideline's chapter or topic and pages" },
  section: { text: '[Text of this section.]', place: 'prose', fill: 'the text of this section' },
  states: { text: '[State(s) of licensure]', place: 'prose', fill: "the reviewer's states of licensure" },
  specialties: { text: '[Certification(s) or specialty]', place: 'prose', fill: "the reviewer's certifications or specialties" },
  treatment: { text: '[treatment or service in dispute]', place: 'prose', fill: 'the treatment or service in dispute' },
} as const satisfies Record<string, PlaceholderText>;

/** What templates of earlier versions inserted, still found in drafts begun with them. */
const EARLIER_PLACEHOLDERS: readonly PlaceholderText[] = [
  { text: 'Disputed item', place: 'item', fill: 'the name of the disputed item' },
  { text: 'source, chapter or topic', place: 'prose', fill: 'the guideline cited: its source, chapter or topic' },
  { text: 'chapter or topic', place: 'prose', fill: "the guideline's chapter or topic" },
  { text: 'Reasoning from the case file and the cited guideline.', place: 'prose', fill: 'the reasoning from the case file and the guideline' },
  {
    text: 'Explain the decision from the guidelines and the medical records.',
    place: 'prose',
    fill: 'the reasoning from the medical records and the guideline',
  },
  {
    text: 'Summary of the case file: the claim, the Utilization Review decision under dispute and the medical records that bear on it.',
    place: 'prose',
    fill: 'the summary of the case file',
  },
  { text: 'Text of this section.', place: 'prose', fill: 'the text of this section' },
];

export const PLACEHOLDERS: readonly PlaceholderText[] = [...Object.values(TEMPLATE_PLACEHOLDERS), ...EARLIER_PLACEHOLDERS];
