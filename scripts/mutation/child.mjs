// A fresh process for one mutant: loads the test files (with the mutant already active when it is static), runs the
// tests it is given and sends back their results. The runner starts it with tsx and ./register.mjs.
import { execute, loadFiles, strykerNamespace } from './session.mjs';

process.once('message', async (job) => {
  const ns = strykerNamespace();
  ns.hitCount = 0;
  ns.hitLimit = job.hitLimit;
  if (job.activation === 'static') ns.activeMutant = job.mutant;
  try {
    await loadFiles(job.files);
  } catch (error) {
    process.send({ loadError: error instanceof Error ? (error.stack ?? error.message) : String(error) }, () => process.exit(0));
    return;
  }
  ns.activeMutant = job.mutant;
  const tests = await execute({ selected: job.selected, files: job.files, bail: job.bail, perTestCoverage: false });
  process.send({ tests, hitCount: ns.hitCount }, () => process.exit(0));
});
