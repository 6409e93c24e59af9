// Incremental parsing: each keystroke re-parses only the blocks it touched.
export { IncrementalParser, parseDraft } from './parser';
export type { ParseStats } from './parser';
export { findBoundaries } from './boundaries';
export type { Boundaries } from './boundaries';
