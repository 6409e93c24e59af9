// In-document switches: <!-- imr-disable rule -->, imr-enable, imr-disable-next-line, imr-disable-line.
import type { Directive } from './model/types';

export class DirectiveFilter {
  private readonly blocks: Directive[];
  private readonly lineOnly: Directive[];

  constructor(directives: Directive[]) {
    this.blocks = directives.filter((directive) => directive.kind === 'disable' || directive.kind === 'enable').sort((a, b) => a.line - b.line);
    this.lineOnly = directives.filter((directive) => directive.kind === 'disable-next-line' || directive.kind === 'disable-line');
  }

  /** Whether a finding of `ruleId` starting on `line` is switched off. */
  isDisabled(ruleId: string, line: number): boolean {
    const names = (directive: Directive): boolean => directive.rules.length === 0 || directive.rules.includes(ruleId);
    for (const directive of this.lineOnly) {
      const target = directive.kind === 'disable-line' ? directive.line : directive.line + 1;
      if (target === line && names(directive)) return true;
    }
    let disabled = false;
    for (const directive of this.blocks) {
      if (directive.line > line) break;
      if (names(directive)) disabled = directive.kind === 'disable';
    }
    return disabled;
  }
}
