// The determination model: what a draft says, each part with its source span and range.
import type { CitationKind } from '../catalogue/guidelines';
import type { PlaceholderText } from '../profiles/placeholders';
import type { CredentialKind, DecisionClass as ReadingClass } from '../profiles/vocabulary';
import type { DecisionValue, FieldKind, Profile, SectionSpec } from '../profiles/types';
import type { LineIndex, MappedText, Range, Span } from '../text';

export interface Located {
  span: Span;
  range: Range;
}

export interface TextPart extends Located {
  text: string;
}

/** One line of prose as the reader sees it: inline markup removed, offsets kept. */
export interface TextLine {
  content: MappedText;
  /** 0-based source line of the first character. */
  line: number;
  /** 'heading' lines carry their depth; 'code' is indented text that Markdown reads as code. */
  block: 'heading' | 'paragraph' | 'code' | 'table';
  depth?: number;
  /** First line of its paragraph, heading or list item. */
  blockStart: boolean;
  inList: boolean;
  /** Inside a block quotation: someone else's words the draft quotes. */
  quoted?: boolean;
  /** The number of an ordered list item, on the item's first line. */
  ordinal?: number;
  /** The last line of its paragraph, heading or list item. */
  blockEnd?: boolean;
}

export interface Section extends Located {
  /** The profile's section id, or undefined for a title the profile does not know. */
  id: string;
  heading: TextPart;
  /** Heading depth, 0 for a title written as a plain paragraph. */
  depth: number;
  /** Everything under the title up to the next section. */
  body: Located;
  lines: TextLine[];
}

export type DecisionClass = ReadingClass | 'missing';

export interface Decision extends TextPart {
  /** The IMR decision it is or is nearest to, when one can be told. */
  value?: DecisionValue;
  class: DecisionClass;
}

/** A line that is nearly one of the profile's section titles: a title misspelt. */
export interface NearTitle extends TextPart {
  spec: SectionSpec;
}

/** A line that opens with nearly a field or credential label, which is not read as one. */
export interface NearLabel extends TextPart {
  /** The profile's label it is nearly. */
  canonical: string;
}

export interface MtusStatement extends TextPart {
  /** "based ... on the MTUS" (true) or "did not base ... on the MTUS" (false). */
  basedOnMtus: boolean;
  /** The verb phrase that says which, for fixes. */
  verb: TextPart;
  /** Who the statement speaks of ("The Claims Administrator"). */
  subject: TextPart;
}

export interface GuidelineCitation extends TextPart {
  kind: CitationKind;
  /** "Decision based on MTUS" / "Decision based on Non-MTUS Citation". */
  prefix: TextPart;
  /** Everything after the prefix. */
  reference?: TextPart;
  source?: TextPart & { catalogueId?: string };
  chapter?: TextPart & { catalogueName?: string };
  topic?: TextPart;
  pages?: TextPart & { from: number; to: number };
  /** The edition or version as cited: "2nd Edition", "Third Edition", "Effective July 18, 2009". */
  edition?: TextPart;
  /** The guideline's own year ("2004" in "(2004)"): a date of the guideline, never an event of the case. */
  year?: TextPart & { value: number };
  /** Listed after another citation under that one's prefix ("...; ODG Low Back Chapter"); its kind is its source's. */
  sharesPrefix?: boolean;
}

export interface Field extends Located {
  kind: FieldKind;
  label: TextPart;
  /** The field's text after the label, lines joined by spaces. */
  value: MappedText;
  lines: TextLine[];
}

export interface GuidelineField extends Field {
  kind: 'claimsAdministrator' | 'reviewer';
  statement?: MtusStatement;
  /** The first of `citations`. */
  citation?: GuidelineCitation;
  /** Every citation the field makes, in order: each "Decision based on ..." and each source listed after one. */
  citations: GuidelineCitation[];
}

export interface Conclusion extends TextPart {
  /** Whether the sentence finds the request medically necessary. */
  necessary: boolean;
}

export interface RationaleField extends Field {
  kind: 'rationale';
  conclusion?: Conclusion;
  /** A sentence that says why the reviewer went outside the MTUS. */
  mtusExplanation?: TextPart;
}

export interface DisputedItem extends Located {
  name: TextPart;
  /** The item line: its name, and its decision when the decision stands on the same line. */
  header: TextPart & { depth: number };
  /** The number the writer gave the item ("3)"), if any. */
  number?: number;
  /** Where the item's own block of fields opens, apart from its line ("1) Regarding the request for ..."). */
  block?: TextPart;
  decision: Decision;
  /** The name is text a template left to be replaced. */
  placeholder?: PlaceholderText;
  /** Lines of the item that open with nearly a field label ("Decision rational:"), by the field kind they nearly name. */
  nearLabels: (NearLabel & { kind: FieldKind })[];
  fields: Field[];
  /** Every line after the item line, up to the next item or section: fields and anything between them. */
  lines?: TextLine[];
  claimsAdministrator?: GuidelineField;
  reviewer?: GuidelineField;
  rationale?: RationaleField;
}

export interface CredentialEntry extends TextPart {
  /** The entry is text a template left to be replaced. */
  placeholder?: PlaceholderText;
}

export interface CredentialLine extends Located {
  /** The label ("State(s) of Licensure:"), or in prose the words that lead into the list ("licensed to practice in"). */
  label: TextPart;
  entries: CredentialEntry[];
}

export interface Credentials {
  states?: CredentialLine;
  specialties?: CredentialLine;
  /** Lines that open with nearly a credential label, which are not read as credentials. */
  nearLabels: (NearLabel & { credential: CredentialKind })[];
}

export interface FrontMatter extends Located {
  data: Record<string, unknown>;
  /** Set when the YAML does not parse or is not a mapping. */
  error?: string;
  /** Where each top-level key's value sits, for findings. */
  keys: Record<string, Located>;
}

export interface Directive {
  kind: 'disable' | 'enable' | 'disable-next-line' | 'disable-line';
  rules: string[];
  line: number;
}

export interface Determination {
  text: string;
  lines: LineIndex;
  profile: Profile;
  frontMatter?: FrontMatter;
  /** Lines before the first section title. */
  preamble: TextLine[];
  sections: Section[];
  /** Lines shaped like titles that nearly name a section of the profile. */
  nearTitles: NearTitle[];
  items: DisputedItem[];
  /** The same decisions listed a second time, where the format does (the 2013 notice). */
  repeatedItems?: DisputedItem[];
  credentials: Credentials;
  directives: Directive[];
  /** Every prose line of the draft, in order. */
  textLines: TextLine[];
  /** The end of the document, for appended fixes. */
  end: number;
}
