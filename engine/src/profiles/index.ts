// Profiles as data: the built-in letter formats, their types and their compiled vocabularies.
export { builtinProfiles, DEFAULT_PROFILE_ID } from './builtin';
export type * from './types';
export { vocabularyOf, type Vocabulary } from './vocabulary';
