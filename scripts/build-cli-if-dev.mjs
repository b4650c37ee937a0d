// `install` script: in a clone of this repository (devDependencies present) build dist/, so that
// installing the repository itself works — pre-commit installs a Node hook by `npm install` then
// `npm pack`, and a git dependency is installed the same way. An installed package already has
// dist/ and no esbuild: then nothing to do. Prints nothing: `npm pack`'s output must stay the file name.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';

if (existsSync('esbuild.mjs')) {
  let esbuild = false;
  try {
    createRequire(import.meta.url)('esbuild');
    esbuild = true;
  } catch {
    /* not a development install */
  }
  if (esbuild && !existsSync('dist/cli.js')) {
    const r = spawnSync(process.execPath, ['esbuild.mjs', '--production'], { stdio: ['ignore', 'ignore', 'inherit'] });
    process.exitCode = r.status ?? 1;
  }
}
