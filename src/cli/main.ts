import { run } from './run';

run({
  argv: process.argv.slice(2),
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  // Asked only when a run has enough files to show progress: process.stderr (or node:tty) costs a
  // short run 5-9 ms of module loading, and most runs never write to stderr.
  get isTTY() {
    return process.stderr.isTTY === true;
  },
}).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`newsroom-factcheck: internal error: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exitCode = 2;
  },
);
