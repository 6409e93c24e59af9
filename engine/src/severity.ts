// Severities and rule settings: plain types every layer shares, so none has to import another for them.

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

/** A rule switched off, or the severity its findings get. */
export type Level = 'off' | Severity;

/** A rule setting as configuration writes it: a level, or a level and the rule's options. */
export type RuleSetting = Level | [Level, Record<string, unknown>];
