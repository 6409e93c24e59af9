// Finding, reading and layering the configuration that governs a draft. File access comes from the host.
import { DEFAULT_MAX_FILE_SIZE, DEFAULT_MEMORY_BUDGET_MB, DEFAULT_TIME_BUDGET_MS } from '../limits';
import { builtinProfiles } from '../profiles/builtin';
import { resolveProfiles } from './profiles';
import { matchesGlobs, type GlobList } from './globs';
import { mergeLayers, type ConfigLayer } from './merge';
import { parseConfigFile, problemAt, type ConfigFile } from './parse';
import { basename, dirname, isRoot, relativeTo, resolvePath } from './paths';
import { describeProblem, type ConfigProblem, type JsonPath } from './problems';
import type { ImrConfig } from './schema';
import type { SettingsLayer } from './settings';

/** The names a configuration file may have, in the order they are looked for in a folder. */
export const CONFIG_FILE_NAMES = ['.imrlintrc.json', '.imrlintrc.jsonc', '.imrlintrc'] as const;

/** How many files a chain of `extends` may pass through; shared bases are one or two levels in practice. */
export const MAX_EXTENDS_DEPTH = 10;

export function isConfigFileName(name: string): boolean {
  return (CONFIG_FILE_NAMES as readonly string[]).includes(name);
}

/** How configuration reaches the file system; paths are absolute and '/'-separated. */
export interface ConfigHost {
  /** The file's text, or undefined when there is no such file; throws when it exists but cannot be read. */
  readFile(path: string): Promise<string | undefined>;
  /** Whether a file or folder exists at the path. */
  exists(path: string): Promise<boolean>;
}

export interface ResolveOptions {
  /** The workspace folder: discovery stops there. Without one it stops at the nearest folder holding `.git`. */
  root?: string;
  /** A configuration file to use instead of the files found beside the draft (the CLI's `--config`). */
  explicit?: string;
  /** False for a draft with no place on disk (an untitled or virtual document): settings only. */
  discover?: boolean;
  /** The editor's settings, applied below every file; their globs are relative to `settingsBase`. */
  settings?: SettingsLayer;
  settingsBase?: string;
  /**
   * False in a workspace the user has not trusted: its files may lower `maxFileSize` and the budget but not raise
   * them above the defaults (a notice says so). True by default: the command line runs where its user points it.
   */
  trusted?: boolean;
}

export interface EffectiveConfiguration {
  /** What the engine lints with: the merged configuration, or the defaults ({}) when any source is invalid. */
  config: ImrConfig;
  valid: boolean;
  /** Every configuration file that applies, farthest first (bases before the files that extend them). */
  files: string[];
  /** Errors (the defaults apply) and warnings, each with its file and place. */
  problems: ConfigProblem[];
  include?: GlobList;
  ignore: GlobList[];
}

/** Whether the configuration checks the draft at `path` at all. */
export function isChecked(configuration: EffectiveConfiguration, path: string): boolean {
  if (configuration.include && !matchesGlobs(configuration.include, path)) return false;
  return !configuration.ignore.some((list) => matchesGlobs(list, path));
}

/** A file's layers (bases first, each file once) and the problems met on the way. */
interface Expansion {
  layers: ConfigLayer[];
  problems: ConfigProblem[];
}

interface Discovery {
  /** Configuration files from a folder upwards, nearest first. */
  found: string[];
  problems: ConfigProblem[];
}

export class ConfigLoader {
  private readonly files = new Map<string, Promise<ConfigFile | undefined>>();
  /** Discovery by folder (and where it stops): drafts side by side share one walk up and one look for `.git` per folder. */
  private readonly discoveries = new Map<string, Promise<Discovery>>();

  constructor(private readonly host: ConfigHost) {}

  /** Forgets every file read, so the next resolution reads them again. */
  invalidate(): void {
    this.files.clear();
    this.discoveries.clear();
  }

  /** The configuration for the draft at `draftPath`. */
  async resolve(draftPath: string, options: ResolveOptions = {}): Promise<EffectiveConfiguration> {
    const problems: ConfigProblem[] = [...(options.settings?.problems ?? [])];
    const layers: ConfigLayer[] = [];
    if (options.settings?.config) layers.push({ config: options.settings.config, globBase: options.settingsBase });
    let discovered: string[] = [];
    if (options.explicit) discovered = [options.explicit];
    else if (options.discover !== false) {
      const folder = dirname(draftPath);
      const found = await this.discover(folder, options.root !== undefined && relativeTo(options.root, folder) !== undefined ? options.root : undefined);
      discovered = found.found;
      problems.push(...found.problems);
    }
    if (options.explicit && !(await this.read(options.explicit))) {
      problems.push({ file: options.explicit, path: [], message: 'no such configuration file', severity: 'error' });
    }
    // A base shared by several files (a diamond of `extends`) is expanded once per resolution.
    const expansions = new Map<string, Expansion>();
    for (const file of [...discovered].reverse()) {
      const own = await this.expand(file, [], problems, expansions);
      layers.push(...own.map((layer) => ({ ...layer, globBase: dirname(file) })));
    }
    let unique = lastOfEachFile(layers);
    if (options.trusted === false) unique = unique.map((layer) => capBudget(capMaxFileSize(layer, problems), problems));
    const merged = mergeLayers(unique);
    checkProfiles(merged, problems);
    const all = dedupe(problems);
    const valid = !all.some((problem) => problem.severity === 'error');
    return {
      config: valid ? merged.config : {},
      valid,
      files: unique.flatMap((layer) => (layer.source ? [layer.source.file] : [])),
      problems: all,
      include: valid ? merged.include : undefined,
      ignore: valid ? merged.ignore : [],
    };
  }

  /**
   * The problems of the configuration file at `path` as the editor shows them in that file: its own, those of
   * its `extends`, and those that show only once it is layered with the files around it (profile names).
   */
  async diagnose(path: string, options: Pick<ResolveOptions, 'root' | 'trusted'> = {}): Promise<ConfigProblem[]> {
    const problems: ConfigProblem[] = [];
    await this.expand(path, [], problems, new Map());
    const folder = await this.resolve(resolvePath(dirname(path), '(draft)'), options);
    return dedupe([...problems, ...folder.problems]).filter((problem) => problem.file === path);
  }

  /** The file at `path`, parsed, or undefined when there is none. */
  read(path: string): Promise<ConfigFile | undefined> {
    let pending = this.files.get(path);
    if (!pending) {
      pending = this.host.readFile(path).then(
        (text) => (text === undefined ? undefined : parseConfigFile(path, text)),
        (error: unknown) => {
          const file = parseConfigFile(path, '{}');
          file.config = undefined;
          file.problems.push({
            file: path,
            path: [],
            // A refused file (a device, a named pipe, too large) says why in words; a system error in its own.
            message:
              error instanceof Error && error.name === 'FileRefused'
                ? `cannot be read: it ${error.message}`
                : `cannot be read (${error instanceof Error ? error.message : String(error)})`,
            severity: 'error',
          });
          return file;
        },
      );
      this.files.set(path, pending);
    }
    return pending;
  }

  /** Configuration files from `folder` upwards, nearest first; discovery stops at `stopAt`, or at a folder holding `.git`. */
  private discover(folder: string, stopAt: string | undefined): Promise<Discovery> {
    const key = `${stopAt ?? ''}\u0000${folder}`;
    let pending = this.discoveries.get(key);
    if (!pending) {
      pending = this.discoverFrom(folder, stopAt);
      this.discoveries.set(key, pending);
    }
    return pending;
  }

  private async discoverFrom(folder: string, stopAt: string | undefined): Promise<Discovery> {
    const here: ConfigFile[] = [];
    for (const name of CONFIG_FILE_NAMES) {
      const file = await this.read(resolvePath(folder, name));
      if (file) here.push(file);
    }
    const problems: ConfigProblem[] = here.slice(1).map((extra) => ({
      file: extra.file,
      path: [],
      message: `not read: ${basename(here[0].file)} in the same folder is read instead; keep one configuration file per folder`,
      severity: 'warning',
      span: { start: 0, end: 0 },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    }));
    const found = here.length > 0 ? [here[0].file] : [];
    const last =
      here[0]?.config?.root === true ||
      (stopAt !== undefined ? folder === stopAt : await this.host.exists(resolvePath(folder, '.git'))) ||
      isRoot(folder) ||
      dirname(folder) === folder;
    if (last) return { found, problems };
    const above = await this.discover(dirname(folder), stopAt);
    return { found: [...found, ...above.found], problems: [...problems, ...above.problems] };
  }

  /**
   * The layers of a file and the files it extends, bases first; `chain` holds the files that led here. Each file
   * is expanded once per resolution (`expansions`), so a diamond of bases costs its distinct files.
   */
  private async expand(path: string, chain: string[], problems: ConfigProblem[], expansions: Map<string, Expansion>): Promise<ConfigLayer[]> {
    const known = expansions.get(path);
    if (known) {
      problems.push(...known.problems);
      return known.layers;
    }
    const file = await this.read(path);
    if (!file) return [];
    const own: ConfigProblem[] = [...file.problems];
    const layers: ConfigLayer[] = [];
    const targets = file.config?.extends;
    const list = targets === undefined ? [] : Array.isArray(targets) ? targets : [targets];
    for (const [position, target] of list.entries()) {
      const at: JsonPath = Array.isArray(targets) ? ['extends', position] : ['extends'];
      const targetPath = resolvePath(dirname(path), target);
      if (targetPath === path || chain.includes(targetPath)) {
        const cycle = [...chain, path, targetPath].map((step) => shortPath(dirname(path), step)).join(' → ');
        own.push(problemAt(file, at, `"${target}" makes a cycle (${cycle}); remove one of these "extends"`));
        continue;
      }
      if (chain.length + 1 >= MAX_EXTENDS_DEPTH) {
        const route = [...chain, path, targetPath].map((step) => shortPath(dirname(path), step)).join(' → ');
        own.push(problemAt(file, at, `"${target}" is more than ${MAX_EXTENDS_DEPTH} files deep in "extends" (${route}); extend fewer bases in a row`));
        continue;
      }
      if (!(await this.read(targetPath))) {
        own.push(
          problemAt(file, at, `cannot find "${target}" (looked for ${targetPath}); extends takes the path of a JSON configuration file, relative to this file`),
        );
        continue;
      }
      const before = own.length;
      layers.push(...(await this.expand(targetPath, [...chain, path], own, expansions)));
      const errors = own.slice(before).filter((problem) => problem.severity === 'error' && problem.file === targetPath);
      if (errors.length > 0)
        own.push(
          problemAt(file, at, `"${target}" is invalid: ${describeProblem(errors[0], false)}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}`),
        );
    }
    if (file.config) layers.push({ source: file, config: file.config });
    const expansion = { layers: lastOfEachFile(layers), problems: dedupe(own) };
    expansions.set(path, expansion);
    problems.push(...expansion.problems);
    return expansion.layers;
  }
}

/** Each file's layer once, where it last appears: the order in which the files win. */
function lastOfEachFile(layers: readonly ConfigLayer[]): ConfigLayer[] {
  const last = new Map<string, number>();
  layers.forEach((layer, position) => layer.source && last.set(layer.source.file, position));
  return layers.filter((layer, position) => !layer.source || last.get(layer.source.file) === position);
}

/** In an untrusted workspace a file may lower `maxFileSize`, never raise it: a larger draft costs the editor time and memory. */
function capMaxFileSize(layer: ConfigLayer, problems: ConfigProblem[]): ConfigLayer {
  const size = layer.config.maxFileSize;
  if (!layer.source || size === undefined || size <= DEFAULT_MAX_FILE_SIZE) return layer;
  problems.push(
    problemAt(
      layer.source,
      ['maxFileSize'],
      `${size} is not used in an untrusted workspace, which cannot raise the limit above the default ${DEFAULT_MAX_FILE_SIZE}; trust the workspace to use it`,
      'warning',
    ),
  );
  return { ...layer, config: { ...layer.config, maxFileSize: undefined } };
}

const BUDGET_DEFAULTS = { timeMs: DEFAULT_TIME_BUDGET_MS, memoryMb: DEFAULT_MEMORY_BUDGET_MB } as const;

/** Nor may it raise the budget: a repository would have the editor spend minutes or gigabytes on a draft it planted. */
function capBudget(layer: ConfigLayer, problems: ConfigProblem[]): ConfigLayer {
  const budget = layer.config.budget;
  if (!layer.source || !budget) return layer;
  const kept = { ...budget };
  for (const key of ['timeMs', 'memoryMb'] as const) {
    const value = budget[key];
    if (value === undefined || value <= BUDGET_DEFAULTS[key]) continue;
    delete kept[key];
    problems.push(
      problemAt(
        layer.source,
        ['budget', key],
        `${value} is not used in an untrusted workspace, which cannot raise the budget above the default ${BUDGET_DEFAULTS[key]}; trust the workspace to use it`,
        'warning',
      ),
    );
  }
  return Object.keys(kept).length === Object.keys(budget).length ? layer : { ...layer, config: { ...layer.config, budget: kept } };
}

/** Profile definitions resolve, and the profile chosen exists. */
function checkProfiles(merged: ReturnType<typeof mergeLayers>, problems: ConfigProblem[]): void {
  const definitions = merged.config.profiles ?? [];
  const resolved = resolveProfiles(definitions);
  for (const problem of resolved.problems) {
    const origin = merged.profileOrigins[problem.index];
    if (origin?.layer.source) problems.push(problemAt(origin.layer.source, ['profiles', origin.index, ...problem.path], problem.message));
  }
  if (definitions.length > 0) merged.config.profiles = resolved.profiles;
  const name = merged.config.profile;
  if (name === undefined) return;
  const known = [...definitions.map((definition) => definition.id), ...builtinProfiles.map((profile) => profile.id)];
  if (known.includes(name)) return;
  const message = `unknown profile "${name}" (profiles: ${[...new Set(known)].join(', ')}); name a built-in profile or define it under "profiles"`;
  const origin = merged.profileOrigin?.source;
  problems.push(origin ? problemAt(origin, ['profile'], message) : { path: ['profile'], message, severity: 'error' });
}

function dedupe(problems: ConfigProblem[]): ConfigProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.file}\u0000${problem.path.join('\u0000')}\u0000${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** `to` relative to the folder `from` ("../base.json"), for messages. */
export function shortPath(from: string, to: string): string {
  const a = from.split('/').filter(Boolean);
  const b = to.split('/').filter(Boolean);
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  if (common === 0) return to;
  return [...a.slice(common).map(() => '..'), ...b.slice(common)].join('/') || '.';
}
