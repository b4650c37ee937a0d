import { onFirstTemporaryFile, removePendingTemps } from './files';
import { run } from './run';

// Ctrl-C or SIGTERM once files are being written: no temporary file of a --fix or --output-file
// left behind (the run yields between drafts, so a signal is handled there), then the usual
// status of a signal (128 + its number).
onFirstTemporaryFile(() => {
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const)
    process.once(signal, () => {
      removePendingTemps();
      process.exit(code);
    });
});

// A write error on stdout: EPIPE (the reader has gone, as with `| head`) ends output quietly and
// leaves the status the run has; any other (a full disk) is a message and status 2, no stack trace.
let stdoutFailed: string | undefined;
let stdoutClosed = false;
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') stdoutClosed = true;
  else if (!stdoutFailed) {
    stdoutFailed = e.code ?? e.message;
    process.stderr.write(`newsroom-factcheck: cannot write to standard output: ${stdoutFailed}\n`);
    process.exitCode = 2;
  }
});
process.stderr.on('error', () => {
  /* nowhere left to report it */
});

run({
  argv: process.argv.slice(2),
  stdout: (s) => {
    if (stdoutClosed || stdoutFailed) return;
    try {
      process.stdout.write(s);
    } catch (e) {
      process.stdout.emit('error', e);
    }
  },
  stderr: (s) => process.stderr.write(s),
  // Asked only when a run has enough files to show progress: process.stderr (or node:tty) costs a
  // short run 5-9 ms of module loading, and most runs never write to stderr.
  get isTTY() {
    return process.stderr.isTTY === true;
  },
}).then(
  (code) => {
    process.exitCode = stdoutFailed ? 2 : code;
  },
  (err: unknown) => {
    process.stderr.write(`newsroom-factcheck: internal error: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exitCode = 2;
  },
);
