// Runs the CLI on the sample draft that ships in the repo. Findings (exit 1) are the point of
// the demo, so only a real error (exit 2) fails this script.
import { spawnSync } from 'node:child_process';

const r = spawnSync(process.execPath, ['dist/cli.js', 'samples/draft.md'], { stdio: 'inherit' });
process.exit(r.status === 1 ? 0 : (r.status ?? 2));
