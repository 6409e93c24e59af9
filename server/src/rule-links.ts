// Where a diagnostic's and a hover's link to a rule leads: the rule's page as a file, or, in an editor that shows rule
// pages itself (the VS Code extension names its command in initializationOptions.ruleDocumentationCommand), that command.
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

/** A command name as editors write them ("imr.showRuleDocumentation"); anything else a client sends is ignored. */
const COMMAND_NAME = /^[A-Za-z][\w.-]{0,199}$/;

export class RuleLinks {
  private command: string | undefined;
  private readonly hrefs = new Map<string, string>();

  /** `docsRoot`: the folder of the rule pages (docs/rules). */
  constructor(private readonly docsRoot: string) {}

  initialize(initializationOptions: unknown): void {
    const command = (initializationOptions as { ruleDocumentationCommand?: unknown } | null | undefined)?.ruleDocumentationCommand;
    this.command = typeof command === 'string' && COMMAND_NAME.test(command) ? command : undefined;
    this.hrefs.clear();
  }

  href(ruleId: string): string {
    // Every diagnostic of every check links its rule: each rule's link is made once.
    let href = this.hrefs.get(ruleId);
    if (href === undefined) {
      href = this.command
        ? `command:${this.command}?${encodeURIComponent(JSON.stringify([ruleId]))}`
        : pathToFileURL(path.join(this.docsRoot, `${ruleId}.md`)).toString();
      this.hrefs.set(ruleId, href);
    }
    return href;
  }
}
