// An in-memory file system for configuration discovery tests: paths to texts, folders implied.
import type { ConfigHost } from '../../engine/src/config/load';

export interface MemoryHost extends ConfigHost {
  files: Map<string, string>;
  /** Every path read, in order, to show what discovery looked at and what the cache spared. */
  reads: string[];
}

export function memoryHost(files: Record<string, string>): MemoryHost {
  const map = new Map(Object.entries(files));
  const reads: string[] = [];
  return {
    files: map,
    reads,
    async readFile(path) {
      reads.push(path);
      return map.get(path);
    },
    async exists(path) {
      return map.has(path) || [...map.keys()].some((file) => file.startsWith(`${path}/`));
    },
  };
}

/** The JSON text of a value, as a configuration file would hold it. */
export function json(value: unknown): string {
  return JSON.stringify(value, null, 2);
}
