// The rule pages the extension ships (docs/rules/<rule-id>.md), read as the quick pick and the virtual documents need them.

export interface RulePage {
  id: string;
  /** What the rule checks: the page's first paragraph. */
  description: string;
  /** The default severity the page states ("error", "warning", …), if it states one. */
  severity?: string;
}

/** A rule id as rule pages are named: short kebab-case, nothing that could leave the folder. */
const RULE_ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

export function isRuleId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 80 && RULE_ID.test(value);
}

/** The rule a page file is for ("decision-value.md" → "decision-value"); the index and other files are none. */
export function ruleIdOfFile(fileName: string): string | undefined {
  const match = /^(.+)\.md$/.exec(fileName);
  return match && match[1] !== 'README' && isRuleId(match[1]) ? match[1] : undefined;
}

/** Reads a page: its title is the rule id, the first paragraph says what it checks, then "Default severity: **…**". */
export function readRulePage(id: string, markdown: string): RulePage {
  const blocks = markdown
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter((block) => block.length > 0);
  const body = blocks.filter((block) => !block.startsWith('#'));
  const description = (body[0] ?? '').replace(/\s*\n\s*/g, ' ');
  const severity = /Default severity:\s*\*\*([a-z]+)\*\*/i.exec(markdown)?.[1]?.toLowerCase();
  return { id, description, ...(severity ? { severity } : {}) };
}
