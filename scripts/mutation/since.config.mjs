// The configuration of `npm run test:mutation -- --since <revision>`: the project's, with its reports kept apart from the
// whole engine's, so a run over a few changed files neither replaces that report nor its incremental results.
import config from '../../stryker.config.mjs';

export default {
  ...config,
  incrementalFile: 'reports/mutation/since/stryker-incremental.json',
  // A few files: their static mutants (module constants such as the patterns a rule matches) are affordable here.
  ignoreStatic: false,
  htmlReporter: { fileName: 'reports/mutation/since/index.html' },
  jsonReporter: { fileName: 'reports/mutation/since/mutation.json' },
};
