// Findings the engine reports where no rule can run; documented and configured like rules.
import type { EngineFinding } from './types';

export const maxFileSize: EngineFinding = {
  id: 'max-file-size',
  description: 'A draft larger than the largest that is checked ("maxFileSize") is not checked, and says so.',
  severity: 'warning',
  tags: ['engine'],
  engine: true,
};

export const unreadableDraft: EngineFinding = {
  id: 'unreadable-draft',
  description: 'A draft the engine cannot read (its parser or model failed) gets one finding instead of a crash.',
  severity: 'warning',
  tags: ['engine'],
  engine: true,
};

export const checkBudget: EngineFinding = {
  id: 'check-budget',
  description: 'A draft whose check takes longer or needs more memory than the budget allows is stopped, and says so.',
  severity: 'warning',
  tags: ['engine'],
  engine: true,
};

export const engineFindings: readonly EngineFinding[] = [maxFileSize, unreadableDraft, checkBudget];
