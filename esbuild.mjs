// Builds the extension and CLI bundles (dist/) and, with --tests, the test and bench bundles (out/).
// Usage: node esbuild.mjs [--production] [--tests] [--watch]
import * as esbuild from 'esbuild';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const production = process.argv.includes('--production');
const tests = process.argv.includes('--tests');
const watch = process.argv.includes('--watch');

// wink-lexicon's lexicon (13k common English words with their Penn Treebank tags, 386 KB of
// source) is bundled as one compact JSON text in a string, {"word": "classes"}, that
// src/core/language/lexicon.ts parses on first use: the classes of the word's tags as letters,
// commonest first (see WordClass there). 200 KB, no object literal to parse at load.
const compactLexicon = {
  name: 'compact-lexicon',
  setup(build) {
    build.onLoad({ filter: /wink-lexicon[\\/]src[\\/]lexicon\.js$/ }, (args) => {
      const lexicon = createRequire(import.meta.url)(args.path);
      const cls = (tag) =>
        /^NNPS?$/.test(tag) ? 'p' : tag === 'NNS' ? 'm' : tag === 'NN' ? 'n' : tag === 'VBG' ? 'g' : tag === 'VBN' ? 'e' : /^VB/.test(tag) ? 'v'
          : tag === 'JJS' || tag === 'RBS' ? 's' : /^JJ/.test(tag) ? 'j' : /^RB/.test(tag) ? 'r' : tag === 'IN' ? 'i' : /^P?DT$/.test(tag) ? 'd' : 'o';
      // In the lexicon's order of its tags: the commonest part of speech first.
      const entries = Object.fromEntries(
        Object.entries(lexicon)
          .filter(([w]) => /^[a-z][a-z'-]*$/.test(w))
          .map(([w, tags]) => [w, [...new Set(tags.map(cls))].join('')]),
      );
      // A JSON text in a string, parsed on first use (JSON.parse builds the object several
      // times faster than splitting a string into a Map, and nothing is built at load).
      return { contents: `module.exports = ${JSON.stringify(JSON.stringify(entries))};`, loader: 'js' };
    });
  },
};

const common = {
  plugins: [compactLexicon],
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // esbuild's node table marks \p{…} as unsupported (small-ICU builds) and rewrites such literals
  // as `new RegExp(…)`, building a regex on every call; every Node ≥ 20 we support has them.
  supported: { 'regexp-unicode-property-escapes': true },
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  // jsonc-parser's "main" is a UMD build whose dynamic requires esbuild cannot follow: take its ESM build.
  mainFields: ['module', 'main'],
  define: { __VERSION__: JSON.stringify(JSON.parse(fs.readFileSync('package.json', 'utf8')).version) },
};

function listTs(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .map((f) => path.join(dir, f));
}

const builds = [
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  // dist/cli.js is a small loader that compiles dist/cli-main.js with a V8 code cache (see src/cli/bin.ts).
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli-main.js' },
  // Loaded by the extension only when "Propose Fact Sheet from Article…" runs (src/extension/extractCommand.ts).
  { ...common, entryPoints: ['src/core/extract/extract.ts'], outfile: 'dist/extractor.js' },
];
if (tests) {
  const unit = listTs('test').filter((f) => !f.startsWith(path.join('test', 'integration')) && !f.startsWith(path.join('test', 'e2e')));
  builds.push({ ...common, minify: false, entryPoints: unit, outdir: 'out/test', outbase: 'test', external: ['mocha'] });
  const integration = listTs('test/integration');
  if (integration.length) builds.push({ ...common, minify: false, entryPoints: integration, outdir: 'out/test/integration', outbase: 'test/integration', external: ['vscode', 'mocha'] });
  const bench = listTs('bench');
  if (bench.length) builds.push({ ...common, minify: false, entryPoints: bench, outdir: 'out/bench', outbase: 'bench' });
}

// The loader keys its code cache by the digest of the cli-main.js built with it (src/cli/bin.ts),
// computed here so a run need not load node:crypto to hash 150 KB first. In watch mode cli-main.js
// changes under the loader: it is given no digest and hashes the bundle itself.
const loader = (built) => ({
  ...common,
  entryPoints: ['src/cli/bin.ts'],
  outfile: 'dist/cli.js',
  banner: { js: '#!/usr/bin/env node' },
  define: { ...common.define, __CLI_MAIN_BUILT__: JSON.stringify(built) },
});

if (watch) {
  for (const b of [...builds, loader(null)]) (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
  const main = fs.readFileSync('dist/cli-main.js', 'utf8');
  const digest = crypto.createHash('sha256').update(main).digest('hex').slice(0, 32);
  await esbuild.build(loader({ digest, length: main.length }));
}
