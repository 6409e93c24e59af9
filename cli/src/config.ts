// Configuration for the command line: the .imrlintrc files found beside each draft, or the one --config names.
import type { ImrConfig } from '../../engine/src';
import { ConfigLoader, isChecked } from '../../engine/src/config/load';
import { nodeConfigHost, toConfigPath, toNativePath } from '../../engine/src/config/node';
import { describeSources } from '../../engine/src/config/problems';
import { displayPath, printError } from './terminal';

export type CliConfig = { ok: true; config: ImrConfig; ignored: boolean } | { ok: false; message: string };

// One run reads each configuration file once.
const loader = new ConfigLoader(nodeConfigHost);
const warned = new Set<string>();

/**
 * Discovery walks up from the draft's folder and stops at a file with `"root": true`, at the first folder
 * holding `.git`, or at the file-system root. An invalid configuration is an error with its reasons.
 */
export async function loadCliConfig(file: string, explicit: string | undefined): Promise<CliConfig> {
  const draft = toConfigPath(file);
  const effective = await loader.resolve(draft, { explicit: explicit === undefined ? undefined : toConfigPath(explicit) });
  const sources = describeSources(effective.problems, (file) => displayPath(toNativePath(file)));
  if (!effective.valid) {
    return {
      ok: false,
      message: sources
        .filter((source) => source.severity === 'error')
        .map((source) => source.message)
        .join('\n'),
    };
  }
  for (const { message } of sources) {
    if (warned.has(message)) continue;
    warned.add(message);
    printError(`warning: ${message}`);
  }
  return { ok: true, config: effective.config, ignored: !isChecked(effective, draft) };
}
