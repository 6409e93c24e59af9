// The documents the service works on, as adapters describe them.

/** A document by identity and place: enough to find its configuration. */
export interface DocumentRef {
  /** The adapter's identity for the document (an LSP or VS Code URI, a file URL): caches are kept by it. */
  uri: string;
  /** Its path as the file-system host sees it; undefined for a document with no place on disk (untitled, virtual). */
  path?: string;
}

export interface ImrDocument extends DocumentRef {
  /**
   * The editor's language: 'imr' declares a determination, as does a file named on the command line; 'markdown'
   * (or none) leaves it to the draft's name and contents.
   */
  languageId?: string;
  /** The editor's version; results are cached per version. Without one, per text. */
  version?: number;
  text: string;
}

/** The last segment of a path or URI, decoded: what a file is called. */
export function nameOf(document: DocumentRef): string {
  if (document.path !== undefined) return document.path.slice(document.path.lastIndexOf('/') + 1);
  const last = document.uri.slice(document.uri.lastIndexOf('/') + 1).replace(/[?#].*$/, '');
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}
