// The layer rules (.dependency-cruiser.cjs, ESLint's no-restricted-imports): each catches the import it forbids, and the
// tree keeps them. Also: the client's bundles stay free of the engine's heavy parts. Needs `npm run build` for the bundles.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { ESLint } from 'eslint';

const root = fileURLToPath(new URL('../../', import.meta.url));
const DEPCRUISE = path.join(root, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');

interface Violation {
  rule: string;
  from: string;
  to: string;
}

/** Runs the layer check as `npm run lint` does, in `cwd`, and returns its violations. */
async function cruise(cwd: string): Promise<Violation[]> {
  const run = promisify(execFile);
  const { stdout } = await run(
    process.execPath,
    [DEPCRUISE, '--config', '.dependency-cruiser.cjs', '--output-type', 'json', 'engine', 'server', 'client', 'cli'],
    {
      cwd,
      maxBuffer: 64 * 1024 * 1024,
    },
  ).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
  const report = JSON.parse(stdout) as { summary: { violations: { from: string; to: string; rule: { name: string } }[] } };
  return report.summary.violations.map(({ from, to, rule }) => ({ rule: rule.name, from, to }));
}

describe('layer rules', () => {
  let tree: string;

  before(() => {
    // A small tree that breaks each rule once, beside imports that are allowed.
    tree = mkdtempSync(path.join(tmpdir(), 'imr-layers-'));
    copyFileSync(path.join(root, '.dependency-cruiser.cjs'), path.join(tree, '.dependency-cruiser.cjs'));
    const files: Record<string, string> = {
      'tsconfig.json': '{ "compilerOptions": { "module": "ESNext", "moduleResolution": "Bundler", "strict": true } }',
      'engine/src/index.ts': "export { createImrService } from './service/service';\n",
      'engine/src/service/service.ts': "import { lint } from '../lint';\nexport const createImrService = () => lint;\n",
      'engine/src/lint.ts': "import { requiredSection } from './rules/required-section';\nexport const lint = requiredSection;\n",
      'engine/src/text.ts': "import { lint } from './lint';\nexport const LineIndex = lint;\n",
      'engine/src/detect.ts': "import { createImrService } from './service/service';\nexport const isDetermination = createImrService;\n",
      'engine/src/model/build.ts': "import { requiredSection } from '../rules/required-section';\nexport const build = requiredSection;\n",
      'engine/src/rules/required-section.ts': 'export const requiredSection = 1;\n',
      'engine/src/rules/phi.ts': "import type { ImrConfig } from '../config/schema';\nexport const phi = (config: ImrConfig) => config;\n",
      'engine/src/config/schema.ts': "import type { Outline } from '../language/outline';\nexport type ImrConfig = { outline?: Outline };\n",
      'engine/src/language/outline.ts': 'export type Outline = string[];\n',
      'engine/src/profiles/resolve.ts': "import type { ImrConfig } from '../config/schema';\nexport const resolve = (config: ImrConfig) => config;\n",
      'engine/src/model/types.ts': "import type { Section } from './section';\nexport interface Determination { sections: Section[] }\n",
      'engine/src/model/section.ts': "import type { Determination } from './types';\nexport interface Section { of: Determination }\n",
      'engine/src/render/export.ts': "import { main } from '../../../cli/src/imr-lint';\nexport const exported = main;\n",
      'server/src/deep.ts': "import { lint } from '../../engine/src/lint';\nexport const deep = lint;\n",
      'server/src/server.ts': "import { createImrService } from '../../engine/src';\nexport const service = createImrService();\n",
      'server/src/protocol.ts': "export const IMR_REQUESTS = { render: 'imr/render' };\n",
      'client/src/preview.ts': "import { IMR_REQUESTS } from '../../server/src/protocol';\nexport const method = IMR_REQUESTS.render;\n",
      'client/src/commands.ts': "import { service } from '../../server/src/server';\nexport const commands = service;\n",
      'cli/src/imr-lint.ts': "import { createImrService } from '../../engine/src';\nexport const main = createImrService;\n",
    };
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(tree, file)), { recursive: true });
      writeFileSync(path.join(tree, file), text);
    }
  });

  after(() => rmSync(tree, { recursive: true, force: true }));

  it('fail on each forbidden import, and only on those', async () => {
    // A cycle is reported at one of its edges, whichever the cruise meets first.
    const found = [
      ...new Set(
        (await cruise(tree)).map(({ rule, from, to }) => (rule === 'no-circular' ? `${rule}: ${[from, to].sort().join(' ↔ ')}` : `${rule}: ${from} → ${to}`)),
      ),
    ].sort();
    assert.deepEqual(found, [
      'adapters-stay-apart: client/src/commands.ts → server/src/server.ts',
      'adapters-use-engine-entry: server/src/deep.ts → engine/src/lint.ts',
      'config-below-features: engine/src/config/schema.ts → engine/src/language/outline.ts',
      'engine-imports-no-adapter: engine/src/render/export.ts → cli/src/imr-lint.ts',
      'leaves-stay-leaves: engine/src/text.ts → engine/src/lint.ts',
      'model-below-rules: engine/src/model/build.ts → engine/src/rules/required-section.ts',
      'no-circular: engine/src/model/section.ts ↔ engine/src/model/types.ts',
      'profiles-are-data: engine/src/profiles/resolve.ts → engine/src/config/schema.ts',
      'rules-below-config: engine/src/rules/phi.ts → engine/src/config/schema.ts',
      'service-is-the-top: engine/src/detect.ts → engine/src/service/service.ts',
    ]);
  });

  it('hold on the tree', async () => {
    assert.deepEqual(await cruise(root), []);
  });

  it("ESLint too refuses an adapter's import of an engine-internal module", async () => {
    const eslint = new ESLint({ cwd: root });
    const lintAs = async (file: string, text: string): Promise<string[]> =>
      (await eslint.lintText(text, { filePath: path.join(root, file) }))[0].messages.map((message) => message.ruleId ?? '');
    assert.ok(
      (await lintAs('server/src/probe.ts', "import { lint } from '../../engine/src/lint';\nexport const probe = lint;\n")).includes('no-restricted-imports'),
    );
    assert.ok(
      (await lintAs('client/src/probe.ts', "import { render } from '../../engine/src/render';\nexport const probe = render;\n")).includes(
        'no-restricted-imports',
      ),
    );
    assert.deepEqual(await lintAs('cli/src/probe.ts', "import { createImrService } from '../../engine/src';\nexport const probe = createImrService;\n"), []);
  });
});

describe('the habits', () => {
  it('npm test runs the linters and the layer rules first', () => {
    const { scripts } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    assert.match(scripts.test, /^npm run -s lint && /);
    for (const step of [/\beslint\b/, /\bprettier --check\b/, /\bdepcruise --config \.dependency-cruiser\.cjs engine server client cli\b/])
      assert.match(scripts.lint, step);
    assert.match(scripts.coverage, /\bc8 node scripts\/run-tests\.mjs\b/);
  });
});

describe('bundles', () => {
  const bundle = (name: string): string => {
    try {
      return readFileSync(path.join(root, 'dist', name), 'utf8');
    } catch {
      throw new Error(`dist/${name} is missing: run \`npm run build\` first`);
    }
  };

  it("keep the client's activation light: no parser, schema or renderer in dist/client.cjs", () => {
    const client = bundle('client.cjs');
    for (const heavy of ['node_modules/zod/', 'node_modules/micromark', 'node_modules/yaml/', 'engine/src/config/schema.ts', 'engine/src/render/']) {
      assert.ok(!client.includes(heavy), `dist/client.cjs bundles ${heavy}`);
    }
    assert.ok(client.includes('engine/src/detect.ts'), 'the gate is there');
  });

  it('leave the engine to the server: the commands and the preview (dist/features.cjs) bundle none of its checks', () => {
    const features = bundle('features.cjs');
    for (const engine of [
      'engine/src/rules/',
      'engine/src/lint.ts',
      'engine/src/config/schema.ts',
      'engine/src/render/render.ts',
      'node_modules/zod/',
      'node_modules/micromark',
    ]) {
      assert.ok(!features.includes(engine), `dist/features.cjs bundles ${engine}`);
    }
  });
});
