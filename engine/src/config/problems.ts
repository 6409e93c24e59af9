// What can be wrong with a configuration, where, and how to say it.
import type { Range, Span } from '../text';

export type JsonPath = (string | number)[];

export interface ConfigProblem {
  /** The configuration file at fault, or undefined for the editor's `imr.*` settings. */
  file?: string;
  /** The offending value's place in the file ("rules" → "phi"); empty for the whole file. */
  path: JsonPath;
  /** Why, in words a writer can act on. */
  message: string;
  /** Errors make the configuration unusable (the defaults apply); warnings are only reported. */
  severity: 'error' | 'warning';
  /** Where in the file's text, when it is known. */
  span?: Span;
  range?: Range;
}

/** `rules.decision-value`, `profiles[0].sections[1].title`, or `(root)`. */
export function formatJsonPath(path: JsonPath, prefix = ''): string {
  let text = prefix;
  for (const part of path) text += typeof part === 'number' ? `[${part}]` : text.length > 0 ? `.${part}` : part;
  return text || '(root)';
}

/** One problem as a line of text: `rules.ph: unknown rule "ph" ... (line 3)`; settings read `imr.rules.ph: ...`. */
export function describeProblem(problem: ConfigProblem, withLine = true): string {
  const line = problem.range && withLine ? ` (line ${problem.range.start.line + 1})` : '';
  if (problem.path.length === 0 && problem.file !== undefined) return `${problem.message}${line}`;
  return `${formatJsonPath(problem.path, problem.file === undefined ? 'imr' : '')}: ${problem.message}${line}`;
}

/** The problems of each source in turn: one entry per configuration file (or the settings). */
export function groupBySource(problems: readonly ConfigProblem[]): { file?: string; problems: ConfigProblem[] }[] {
  const groups: { file?: string; problems: ConfigProblem[] }[] = [];
  for (const problem of problems) {
    let group = groups.find((candidate) => candidate.file === problem.file);
    if (!group) groups.push((group = { file: problem.file, problems: [] }));
    group.problems.push(problem);
  }
  return groups;
}

const MAX_LISTED = 3;

/** The reasons of one source's problems, the first few in full. */
export function describeProblems(problems: readonly ConfigProblem[]): string {
  const listed = problems
    .slice(0, MAX_LISTED)
    .map((problem) => describeProblem(problem))
    .join('; ');
  const more = problems.length - MAX_LISTED;
  return more > 0 ? `${listed}; and ${more} more` : listed;
}

/** One sentence per source with problems: "Configuration drafts/.imrlintrc.json is invalid: rules.ph: unknown rule ...". */
export function describeSources(problems: readonly ConfigProblem[], display: (file: string) => string): { severity: 'error' | 'warning'; message: string }[] {
  return groupBySource(problems).map(({ file, problems: own }) => {
    const errors = own.filter((problem) => problem.severity === 'error');
    const name = file === undefined ? 'The "imr" settings' : `Configuration ${display(file)}`;
    if (errors.length > 0) return { severity: 'error' as const, message: `${name} ${file === undefined ? 'are' : 'is'} invalid: ${describeProblems(errors)}` };
    return { severity: 'warning' as const, message: `${name}: ${describeProblems(own)}` };
  });
}

/** The notice a draft shows for each configuration source that governs it and has problems. */
export function configurationNotices(
  problems: readonly ConfigProblem[],
  display: (file: string) => string,
): { severity: 'error' | 'warning'; message: string }[] {
  return describeSources(problems, display).map(({ severity, message }) => ({
    severity,
    message: severity === 'error' ? `${message}; the defaults apply.` : `${message}.`,
  }));
}
