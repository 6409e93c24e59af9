// The letter renderer: the draft as it will be issued, for the preview and the HTML export.
export { renderDetermination } from './render';
export type { RenderOptions, RenderedDetermination } from './render';
export { renderExportDocument, escapeHtml, EXPORT_CSP } from './document';
export type { ExportOptions } from './document';
export { exportFileName } from './export-name';
export { letterStyles } from './styles';
export { letterSchema, ID_PREFIX } from './schema';
export type { RenderMode } from './summary';
