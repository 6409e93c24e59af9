// The imr-lint executable.
import { EXIT, main } from './imr-lint';
import { printError } from './terminal';

run();

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
