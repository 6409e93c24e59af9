// The imr-lint executable.
import { isMainThread } from 'node:worker_threads';
import { EXIT, main } from './imr-lint';
import { printError } from './terminal';

// In a worker of --jobs, the same bundle serves drafts instead (see jobs.ts).
if (isMainThread) run();

function run(): void {
  main(process.argv.slice(2)).then(
    (status) => {
      process.exitCode = status;
    },
    (error: unknown) => {
      printError(error instanceof Error ? (error.stack ?? error.message) : String(error));
      process.exitCode = EXIT.usage;
    },
  );
}
