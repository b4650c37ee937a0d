/** The CLI's messages that issue 20 asked to make plain: missing sheets, config syntax, levels, summaries, usage. */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CLEAN, WARNINGS, WRONG, cli, root, tmpDir, useTmp, write } from './cli-harness';

describe('CLI: messages (issue 20)', () => {
  useTmp();

  it('--facts naming a missing file says "not found", not "bad fact sheet"', async () => {
    write('a.md', CLEAN);
    const r = await cli(['--facts', 'nope/facts.json', 'a.md'], tmpDir.path);
    assert.equal(r.code, 2);
    assert.equal(r.err, 'newsroom-factcheck: nope/facts.json: fact sheet not found\n');
  });

  it('front matter naming a missing sheet: "not found", and the draft was not checked', async () => {
    write('a.md', `---\nfacts: gone.json\n---\n${WRONG}`);
    const r = await cli(['a.md'], tmpDir.path);
    assert.equal(r.code, 2);
    assert.match(r.err, /^newsroom-factcheck: gone\.json: fact sheet not found$/m);
    assert.match(r.err, /^newsroom-factcheck: a\.md: not checked: its fact sheet was not found$/m);
    assert.doesNotMatch(r.err, /bad fact sheet|broken/);
  });

  it('a .factcheck.json syntax error gives its line and column, not a character offset', async () => {
    write('.factcheck.json', '{\n  "severity": {\n    "quote-unverified": "off",\n  }\n}\n');
    write('a.md', CLEAN);
    const r = await cli(['a.md'], tmpDir.path);
    assert.equal(r.code, 2);
    assert.match(r.err, /\.factcheck\.json: bad config\n {2}\$: not valid JSON: .*\(line 4, column 3\)/);
    assert.doesNotMatch(r.err, /position \d+/);
  });

  it('a bad level names info among the accepted ones', async () => {
    write('.factcheck.json', JSON.stringify({ severity: { 'quote-unverified': 'loud' } }));
    write('a.md', CLEAN);
    const r = await cli(['a.md'], tmpDir.path);
    assert.match(r.err, /\$\.severity\.quote-unverified: must be one of error, warning, information, hint, off \(info is accepted for information\)/);
    write('.factcheck.json', JSON.stringify({ severity: { 'quote-unverified': 'info' } }));
    assert.equal((await cli(['a.md'], tmpDir.path)).code, 0);
  });

  it('the text summary counts information findings and hints', async () => {
    write('.factcheck.json', JSON.stringify({ severity: { 'quote-unverified': 'info' } }));
    write('a.md', WRONG + WARNINGS);
    const r = await cli(['a.md'], tmpDir.path);
    assert.match(r.out, /^3 findings \(1 error, 0 warnings, 2 info\) in 1 file$/m);
    write('.factcheck.json', JSON.stringify({ severity: { 'quote-unverified': 'hint' } }));
    assert.match((await cli(['a.md'], tmpDir.path)).out, /^3 findings \(1 error, 0 warnings, 2 hints\) in 1 file$/m);
  });

  it('--help lists -q with --quiet', async () => {
    const r = await cli(['--help'], tmpDir.path);
    assert.match(r.out, /^ {2}-q, --quiet {2,}report errors only/m);
  });
});

describe('scripts/code-server.mjs: what npm test installs with apt-get', () => {
  it('says which packages and why before installing, and installs only those, without recommends', async () => {
    const mod = await import(pathToFileURL(path.join(root, 'scripts', 'code-server.mjs')).href);
    const plan = mod.aptInstallPlan([
      { name: 'chromium', why: 'the browser' },
      { name: 'ripgrep', why: 'search' },
    ]);
    assert.deepEqual(plan.args, ['install', '-y', '-q', '--no-install-recommends', 'chromium', 'ripgrep']);
    assert.match(plan.lines[0], /2 Debian packages .* installing with apt-get/);
    assert.deepEqual(plan.lines.slice(1, 3), ['  chromium: the browser', '  ripgrep: search']);
    assert.match(plan.lines[3], /apt-get install -y --no-install-recommends chromium ripgrep/);
    // The plan is printed before apt-get runs.
    const source = fs.readFileSync(path.join(root, 'scripts', 'code-server.mjs'), 'utf8');
    const body = source.slice(source.indexOf('function ensureAptPackages'));
    assert.ok(body.indexOf('for (const line of plan.lines) log(line)') < body.indexOf("run('apt-get'"), 'printed first');
  });
});
