// What the server's own check of configuration files costs (an editor that cannot watch files: Neovim before 0.10,
// and on Linux after), on a workspace of 200 drafts, beside what a keystroke's check of a 20 KB draft costs; and
// what workspace diagnostics cost on the same workspace, first and when nothing changed.
// npm run bench:configuration-check [-- --rounds N]   (needs `npm run build` for the workspace diagnostics part)
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { WorkspaceDiagnosticRequest, type PreviousResultId } from 'vscode-languageserver-protocol/node';
import { createImrService, toConfigPath, type ImrConfig } from '../engine/src';
import { lint } from '../engine/src/lint';
import { ConfigurationFiles, scopeOf } from '../server/src/configuration-files';
import { PULLING_CLIENT, startServer } from '../test/support/lsp';
import { generateDraft } from './generate';
import { interleave } from './interleave';
import { pairedRatios, round, summarize } from './stats';

const DRAFTS = 200;
const { values } = parseArgs({ options: { rounds: { type: 'string', default: '200' } } });
const rounds = Number(values.rounds);

interface Layout {
  name: string;
  /** The folder of each draft, relative to the workspace. */
  folderOf(index: number): string;
  /** Configuration files, relative to the workspace. */
  configurations: string[];
}

const LAYOUTS: Layout[] = [
  {
    name: '200 drafts in 10 folders by month, a file at the root and in two folders',
    folderOf: (index) => `2016/${String((index % 10) + 1).padStart(2, '0')}`,
    configurations: ['.imrlintrc.json', '2016/01/.imrlintrc.json', '2016/02/.imrlintrc.json'],
  },
  {
    name: '200 drafts in 200 folders, one per case, a file at the root',
    folderOf: (index) => `cases/CM16-${String(index).padStart(7, '0')}/letter`,
    configurations: ['.imrlintrc.json'],
  },
];

function makeWorkspace(layout: Layout): { root: string; drafts: string[] } {
  const root = mkdtempSync(path.join(os.tmpdir(), 'imr-bench-config-'));
  const drafts: string[] = [];
  for (let index = 0; index < DRAFTS; index++) {
    const file = path.join(root, layout.folderOf(index), `draft-${index}.imr.md`);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, generateDraft({ size: 20_000, seed: index + 1 }));
    drafts.push(file);
  }
  for (const config of layout.configurations) writeFileSync(path.join(root, config), '{ "rules": { "date-chronology": "off" } }\n');
  return { root, drafts };
}

async function measureCheck(layout: Layout): Promise<void> {
  const { root, drafts } = makeWorkspace(layout);
  try {
    const files = new ConfigurationFiles();
    const folder = toConfigPath(root);
    const service = createImrService({ fileSystem: files.fileSystem, workspaceFolders: () => [folder] });
    // Every draft's configuration read, as after a pass of workspace diagnostics; three drafts open in the editor.
    let config: ImrConfig = {};
    const governing: string[] = [];
    for (const [index, draft] of drafts.entries()) {
      const configuration = await service.configuration({ uri: `file://${draft}`, path: toConfigPath(draft) });
      config = configuration.config;
      if (index < 3) governing.push(...configuration.files);
    }
    const open = scopeOf(
      drafts.slice(0, 3).map((draft) => toConfigPath(draft)),
      governing,
    );
    const text = generateDraft({ size: 20_000, seed: 7 });
    // A keystroke: the text changes by one character each round, as typing does.
    const keystroke = (index: number): string => `${text.slice(0, 5000)}${index % 2 ? 'a' : 'b'}${text.slice(5001)}`;
    let changed = false;
    const samples = await interleave(
      [
        { name: 'check', run: (index) => void lint(keystroke(index), { config }) },
        {
          name: 'check after the configuration files',
          run: (index) => {
            changed ||= files.changed(open);
            void lint(keystroke(index), { config });
          },
        },
        { name: 'configuration files of the open drafts', run: () => (changed ||= files.changed(open)) },
        { name: 'every configuration file', run: () => (changed ||= files.changed()) },
      ],
      { rounds, warmup: 20 },
    );
    if (changed) throw new Error('a configuration file changed during the benchmark');
    const stat = summarize(samples['configuration files of the open drafts'].wall.map((ms) => ms * 1000));
    const all = summarize(samples['every configuration file'].wall.map((ms) => ms * 1000));
    const check = summarize(samples.check.wall);
    const ratio = summarize(pairedRatios(samples['check after the configuration files'].wall, samples.check.wall));
    console.log(`\n${layout.name}`);
    console.log(`  paths stamped: ${files.size}; in the scope of 3 open drafts: ${[...open.folders].length} folders, ${open.files.size} files`);
    console.log(
      `  a keystroke's look at the open drafts' configuration: median ${stat.median} µs (q1 ${stat.q1}, q3 ${stat.q3}, p95 ${stat.p95}), ${rounds} rounds`,
    );
    console.log(`  a workspace pull's look at every path stamped:       median ${all.median} µs (q1 ${all.q1}, q3 ${all.q3}, p95 ${all.p95})`);
    console.log(`  a keystroke's check of a 20 KB draft:                  median ${check.median} ms (q1 ${check.q1}, q3 ${check.q3})`);
    console.log(`  (look + check) ÷ check, per interleaved pair: median ${round(ratio.median, 4)} (IQR ${round(ratio.q1, 4)}–${round(ratio.q3, 4)})`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

async function measureWorkspaceDiagnostics(layout: Layout): Promise<void> {
  const { root } = makeWorkspace(layout);
  const server = await startServer({ capabilities: PULLING_CLIENT, workspaceFolders: [root] });
  try {
    const pull = async (previousResultIds: PreviousResultId[]) => {
      const start = performance.now();
      const result = await server.connection.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds });
      return { ms: performance.now() - start, items: result.items };
    };
    const first = await pull([]);
    const ids = first.items.flatMap((item) => (item.resultId ? [{ uri: item.uri, value: item.resultId }] : []));
    const again: number[] = [];
    for (let index = 0; index < 10; index++) {
      const unchanged = await pull(ids);
      if (unchanged.items.some((item) => item.kind !== 'unchanged')) throw new Error('an unchanged draft was reported in full');
      again.push(unchanged.ms);
    }
    const repeat = summarize(again);
    console.log(
      `  workspace/diagnostic over stdio: first ${round(first.ms)} ms for ${first.items.length} drafts; unchanged: median ${repeat.median} ms (min ${repeat.min}, max ${repeat.max}, 10 pulls)`,
    );
  } finally {
    await server.stop();
    rmSync(root, { recursive: true, force: true });
  }
}

console.log(
  `node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, load average ${os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(' ')}`,
);
for (const layout of LAYOUTS) {
  await measureCheck(layout);
  await measureWorkspaceDiagnostics(layout);
}
console.log(
  `\nload average at the end ${os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(' ')}`,
);
