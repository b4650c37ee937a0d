import { isatty } from 'node:tty';
import { run } from './run';

run({
  argv: process.argv.slice(2),
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  // Asked of the descriptor: process.stderr would build its stream (~5 ms) on runs that never write to it.
  isTTY: isatty(2),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`newsroom-factcheck: internal error: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exitCode = 2;
  },
);
