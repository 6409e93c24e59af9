// npm run test:mutation [-- --since <revision>] [-- <Stryker options>]
// Mutation testing of the engine with Stryker (stryker.config.mjs). With --since, only the engine files that differ
// on this branch since it left the revision (committed, staged, unstaged or new) are mutated, into reports/mutation/since/.
import { spawnSync } from 'node:child_process';
import picomatch from 'picomatch';
import config from '../stryker.config.mjs';

const args = process.argv.slice(2);
const env = { ...process.env };
// The property tests at a tenth of their `npm test` scale: enough cases to reach a mutant, few enough to rerun often.
env.FUZZ_SCALE ??= '0.1';

const sinceAt = args.indexOf('--since');
if (sinceAt >= 0) {
  const revision = args[sinceAt + 1];
  if (!revision || revision.startsWith('-')) fail('--since needs a git revision, for example: npm run test:mutation -- --since main');
  args.splice(sinceAt, 2);
  const files = changedEngineFiles(revision);
  if (files.length === 0) {
    console.log(`test:mutation: no engine file to mutate differs from ${revision}.`);
    process.exit(0);
  }
  console.log(`test:mutation: mutating ${files.length} engine file(s) changed since ${revision}:\n  ${files.join('\n  ')}`);
  // The reporters' file names are not command-line options: a second configuration moves the reports.
  args.unshift('scripts/mutation/since.config.mjs', '--mutate', files.join(','));
}

const stryker = spawnSync(process.execPath, [new URL('../node_modules/@stryker-mutator/core/bin/stryker.js', import.meta.url).pathname, 'run', ...args], {
  stdio: 'inherit',
  env,
});
process.exit(stryker.status ?? 1);

function changedEngineFiles(revision) {
  const git = (...gitArgs) => {
    const run = spawnSync('git', gitArgs, { encoding: 'utf8' });
    if (run.status !== 0) fail(`git ${gitArgs.join(' ')} failed: ${run.stderr.trim()}`);
    return run.stdout.split('\n').filter(Boolean);
  };
  if (spawnSync('git', ['rev-parse', '--verify', '--quiet', `${revision}^{commit}`]).status !== 0) fail(`"${revision}" is not a git revision here.`);
  // What this branch changed since it left the revision (committed or not), not what the revision gained since.
  const [base] = git('merge-base', revision, 'HEAD');
  const changed = [
    ...git('diff', '--name-only', '--diff-filter=d', base, '--', 'engine/src'),
    ...git('ls-files', '--others', '--exclude-standard', '--', 'engine/src'),
  ];
  const included = picomatch(config.mutate.filter((glob) => !glob.startsWith('!')));
  const excluded = picomatch(config.mutate.filter((glob) => glob.startsWith('!')).map((glob) => glob.slice(1)));
  return [...new Set(changed)].filter((file) => included(file) && !excluded(file)).sort();
}

function fail(message) {
  console.error(`test:mutation: ${message}`);
  process.exit(2);
}
