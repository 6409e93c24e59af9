// Preloaded into imr-lint under test (NODE_OPTIONS=--require): its peak resident memory, threads included, on stderr at exit.
process.on('exit', () => process.stderr.write(`imr-test: peak ${Math.round(process.resourceUsage().maxRSS / 1024)} MB\n`));
