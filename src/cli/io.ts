/** What a run of the command line reads and writes: its arguments, its streams and its directory. */
export interface CliIo {
  argv: string[];
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Directory relative paths are resolved against (default: process.cwd()). */
  cwd?: string;
  /** All of standard input, for the PATH `-` (default: process.stdin). */
  stdin?: () => Promise<string | Uint8Array>;
  /** Whether stderr is a terminal: then a run over many files shows its progress there. */
  isTTY?: boolean;
  /** Test seam: called by --fix just before it checks the file is unchanged and replaces it. */
  beforeReplace?: (absPath: string) => void;
}
