// The requests the server answers beyond LSP. The client imports this file, and only this one, of the server.
import type { ProfileChoices, RenderMode, Template } from '../../engine/src';

export const IMR_REQUESTS = {
  /** The profiles a new draft can start from, by the configuration of a new, untitled draft. */
  profiles: 'imr/profiles',
  /** A snippet: a whole determination in a profile, or one disputed item in the profile a draft is checked against. */
  template: 'imr/template',
  /** The letter of a draft as it will be issued: the preview's body, or the whole export. */
  render: 'imr/render',
} as const;

/** A document the request is about. */
export interface DocumentParams {
  uri: string;
  /** Its text and language, for a document the client does not sync to the server (outside its document selector). */
  text?: string;
  languageId?: string;
}

export type ProfilesParams = Record<string, never>;
export type ProfilesResult = ProfileChoices;

export type TemplateParams = { kind: 'determination'; profile: string } | ({ kind: 'item' } & DocumentParams);
/** Null when the profile named is not known to the configuration. */
export type TemplateResult = Template | null;

export type RenderParams = DocumentParams &
  ({ mode: Extract<RenderMode, 'preview'>; withStyles?: boolean } | { mode: Extract<RenderMode, 'export'>; fileName?: string; printSummary?: boolean });

export interface RenderResult {
  /** Preview: the sanitised summary and letter, for the page's body. Export: the whole self-contained HTML document. */
  html: string;
  /** The letter's styles, when asked for (`withStyles`): the page the body goes into needs them. */
  styles?: string;
}
