// Results kept between runs (--cache): each draft's findings, by its text, its configuration, the engine and the date.
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Finding } from '../../engine/src';

/** What one draft's check gave, and the key of everything it depended on (see lint-file.ts). */
export interface CachedFile {
  key: string;
  /** Undefined for a Markdown file found by a search that is not a determination. */
  findings?: Finding[];
}

interface CacheContents {
  format: typeof FORMAT;
  files: Record<string, CachedFile>;
}

const FORMAT = 'imr-lint-cache-1';

/** Where results are kept unless --cache-location says otherwise, relative to the working folder (as other tools keep theirs). */
export const DEFAULT_CACHE_LOCATION = path.join('node_modules', '.cache', 'imr-lint');
const FILE_NAME = 'results.json';

/** The cache file: `location` names it, or the folder it goes in (an existing folder, or a path ending in a separator). */
export function cacheFile(location: string | undefined, cwd = process.cwd()): string {
  const given = location ?? `${DEFAULT_CACHE_LOCATION}${path.sep}`;
  const absolute = path.resolve(cwd, given);
  const folder = /[\\/]$/.test(given) || isDirectory(absolute);
  return folder ? path.join(absolute, FILE_NAME) : absolute;
}

function isDirectory(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}

export class ResultCache {
  private readonly files: Map<string, CachedFile>;
  private readonly seen = new Set<string>();

  private constructor(
    readonly file: string,
    entries: Record<string, CachedFile>,
  ) {
    this.files = new Map(Object.entries(entries));
  }

  /** The cache kept at `file`; an empty one when there is none, or when it cannot be read (it is then rebuilt). */
  static load(file: string): ResultCache {
    try {
      const contents = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<CacheContents>;
      if (contents.format === FORMAT && contents.files && typeof contents.files === 'object') return new ResultCache(file, contents.files);
    } catch {
      // Missing or unreadable: start afresh.
    }
    return new ResultCache(file, {});
  }

  get(draft: string): CachedFile | undefined {
    const entry = this.files.get(draft);
    return entry && typeof entry.key === 'string' ? entry : undefined;
  }

  /** What this run found for a draft; undefined forgets the draft (it could not be checked). */
  set(draft: string, entry: CachedFile | undefined): void {
    this.seen.add(draft);
    if (entry) this.files.set(draft, entry);
    else this.files.delete(draft);
  }

  /**
   * Writes the cache: the drafts of this run, and those of earlier runs that still exist. A temporary file is
   * renamed over the old one, so a run stopped half-way leaves the last complete cache. The reason when it fails.
   */
  save(): string | undefined {
    const files: Record<string, CachedFile> = {};
    for (const [draft, entry] of this.files) if (this.seen.has(draft) || fs.existsSync(draft)) files[draft] = entry;
    const contents: CacheContents = { format: FORMAT, files };
    const temporary = path.join(path.dirname(this.file), `.${path.basename(this.file)}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      fs.writeFileSync(temporary, JSON.stringify(contents), { flag: 'wx' });
      fs.renameSync(temporary, this.file);
      return undefined;
    } catch (error) {
      fs.rmSync(temporary, { force: true });
      return `the cache could not be written to ${this.file} (${(error as Error).message})`;
    }
  }
}
