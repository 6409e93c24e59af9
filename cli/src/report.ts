import type { Finding } from '../../engine/src';

/** The findings of one file, as every output format receives them. */
export interface FileReport {
  file: string;
  findings: Finding[];
}
