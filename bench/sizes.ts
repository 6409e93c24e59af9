// Sizes of what ships: the bundles in dist/ and the VSIX.
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { packageExtension } from '../scripts/package.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');

export interface SizesResult {
  /** Bytes of each dist/*.cjs bundle (source maps left out: they do not ship). */
  bundles: Record<string, number>;
  vsix: { bytes: number; file: string } | { bytes: null; reason: string };
}

export async function measureSizes(): Promise<SizesResult> {
  const bundles: Record<string, number> = {};
  try {
    for (const name of readdirSync(path.join(ROOT, 'dist'))
      .filter((file) => file.endsWith('.cjs'))
      .sort()) {
      bundles[name] = statSync(path.join(ROOT, 'dist', name)).size;
    }
  } catch {
    // No dist/: reported as no bundles; `npm run build` makes them.
  }
  return { bundles, vsix: await vsixSize() };
}

/** The VSIX as `npm run package` makes it (production bundles), packaged afresh into a temporary folder. */
async function vsixSize(): Promise<SizesResult['vsix']> {
  const folder = mkdtempSync(path.join(tmpdir(), 'imr-vsix-'));
  try {
    const { bytes, files } = await packageExtension({ out: path.join(folder, 'imr.vsix'), quiet: true });
    return { bytes, file: `packaged for this run, ${files.length} files` };
  } catch (error) {
    return { bytes: null, reason: `packaging failed: ${(error as Error).message.split('\n')[0]}` };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
