// Configuration for the command line: --config, or none.
import { promises as fs } from 'node:fs';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { configSchema, type ImrConfig } from '../../engine/src';

export type CliConfig = { ok: true; config: ImrConfig; ignored: boolean } | { ok: false; message: string };

const cache = new Map<string, Promise<CliConfig>>();

export function loadCliConfig(_file: string, explicit: string | undefined): Promise<CliConfig> {
  if (!explicit) return Promise.resolve({ ok: true, config: {}, ignored: false });
  let pending = cache.get(explicit);
  if (!pending) {
    pending = readConfigFile(explicit);
    cache.set(explicit, pending);
  }
  return pending;
}

async function readConfigFile(file: string): Promise<CliConfig> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (error) {
    return { ok: false, message: `${file}: cannot read configuration (${(error as Error).message})` };
  }
  const errors: ParseError[] = [];
  const data = parse(text, errors, { allowTrailingComma: true });
  if (errors.length > 0) return { ok: false, message: `${file}: not valid JSON (${printParseErrorCode(errors[0].error)} at offset ${errors[0].offset})` };
  const parsed = configSchema.safeParse(data);
  if (!parsed.success) {
    const reasons = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
    return { ok: false, message: `${file}: invalid configuration: ${reasons}` };
  }
  return { ok: true, config: parsed.data, ignored: false };
}
