// How much address space the process may still take under a `ulimit -v`, on Linux; undefined when unlimited or unknown.
import { readFileSync } from 'node:fs';

/** What a checking thread reserves once loaded (its malloc arena, stack, code range and young generation), before its heap. */
export const THREAD_ADDRESS_SPACE_MB = 400;

export function addressSpaceLeftMb(): number | undefined {
  try {
    const limit = /^Max address space\s+(\d+|unlimited)/m.exec(readFileSync('/proc/self/limits', 'utf8'))?.[1];
    if (limit === undefined || limit === 'unlimited') return undefined;
    const used = /^VmSize:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    return used === undefined ? undefined : Number(limit) / 2 ** 20 - Number(used) / 1024;
  } catch {
    return undefined;
  }
}
