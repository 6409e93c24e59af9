// The tables of rules in README.md and docs/rules/README.md, from the registry and each rule's page, so a new rule
// needs no hand edit there. Written by scripts/generate-contributions.mjs.
import type { RegistryEntry } from '../../engine/src/rules/types';

const START = '<!-- rules:start (generated from the rules and docs/rules/*.md by `npm run generate`; do not edit) -->';
const END = '<!-- rules:end -->';

/** "yes (when the intended word is clear)", from the page's `Default severity: ... · Fixable: **...**` line. */
export function fixableOf(page: string): string | undefined {
  return /^Default severity: .*· Fixable: \*\*(.+?)\*\*/m.exec(page)?.[1];
}

/** One row per entry, in the registry's order; `link` is the page's address from the table's file. */
export function ruleTable(entries: readonly RegistryEntry[], page: (id: string) => string, link: (id: string) => string): string {
  const rows = entries.map((entry) => {
    const fixable = fixableOf(page(entry.id));
    if (!fixable) throw new Error(`docs/rules/${entry.id}.md has no "Fixable: **...**" on its "Default severity" line`);
    return `| [\`${entry.id}\`](${link(entry.id)}) | ${entry.severity} | ${entry.description.replace(/\|/g, '\\|')} | ${fixable} |`;
  });
  return ['| Rule | Default severity | What it checks | Fixable? |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

/** `document` with the text between the markers replaced by `table`. */
export function withRuleTable(document: string, table: string, file: string): string {
  const start = document.indexOf(START);
  const end = document.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${file} has no "${START}" … "${END}" block for the rule table`);
  return `${document.slice(0, start + START.length)}\n${table}\n${document.slice(end)}`;
}
