import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, analyze, ignoreEntryFor, loadFactSheet, parseProjectConfig, withoutIgnored } from '../src/core';
import { WRONG, cli, root, tmpDir, useTmp, write } from './cli-harness';

const sheet = loadFactSheet(fs.readFileSync(path.join(root, 'reference', 'facts.json'), 'utf8'));
const TWO = 'Iranian authorities acknowledged 3,171 deaths.\n\nForeign Minister Abbas Araqchi said the talks in Muscat would resume.\n';

describe('ignores in .factcheck.json (core)', () => {
  it('an entry hides the finding it names, for that draft only, and lapses when the wording changes', () => {
    const [number] = analyze(TWO, sheet).findings.filter((f) => f.ruleId === 'number-mismatch');
    const entry = ignoreEntryFor('desk/talks.md', TWO, number);
    assert.deepEqual(entry, { draft: 'desk/talks.md', rule: 'number-mismatch', fact: number.factId, text: '3,171' });
    const config = parseProjectConfig(JSON.stringify({ ignore: [entry] }));
    const rules = (text: string, rel: string) => withoutIgnored(config, rel, text, analyze(text, sheet).findings).map((f) => f.ruleId);
    assert.deepEqual(rules(TWO, 'desk/talks.md'), ['name-mismatch']);
    assert.deepEqual(rules(TWO, 'desk\\talks.md'), ['name-mismatch'], 'either separator');
    assert.deepEqual(rules('Breaking.\n\n' + TWO, 'desk/talks.md'), ['name-mismatch'], 'an edit elsewhere keeps it');
    assert.deepEqual(rules(TWO, 'other.md').sort(), ['name-mismatch', 'number-mismatch'], 'another draft is not affected');
    assert.deepEqual(rules(TWO.replace('3,171', '3,172'), 'desk/talks.md').sort(), ['name-mismatch', 'number-mismatch'], 'new wording: flagged again');
  });

  it('malformed entries are reported with their JSON path', () => {
    assert.throws(
      () => parseProjectConfig(JSON.stringify({ ignore: [{ draft: 'a.md', rule: 'nope', fact: 'x', text: '1' }, { draft: '', rule: 'number-mismatch' }, 3] })),
      (e: unknown) =>
        e instanceof ConfigError &&
        e.problems.some((p) => /^\$\.ignore\[0\]\.rule: unknown rule/.test(p)) &&
        e.problems.some((p) => /^\$\.ignore\[1\]\.draft: must be a non-empty string/.test(p)) &&
        e.problems.some((p) => /^\$\.ignore\[1\]\.fact: must be a non-empty string/.test(p)) &&
        e.problems.some((p) => /^\$\.ignore\[2\]: must be an object/.test(p)),
    );
    assert.throws(() => parseProjectConfig('{"ignore": {}}'), /\$\.ignore: must be a list/);
  });
});

describe('CLI: ignores in .factcheck.json', () => {
  useTmp();
  it('the CLI leaves out what the project file ignores, so the desk build passes', async () => {
    write('desk/talks.md', WRONG);
    const before = await cli(['desk/talks.md'], tmpDir.path);
    assert.equal(before.code, 1);
    write('.factcheck.json', JSON.stringify({ ignore: [{ draft: 'desk/talks.md', rule: 'number-mismatch', fact: 'deaths-authorities', text: '3,171' }] }));
    const after = await cli(['desk/talks.md'], tmpDir.path);
    assert.equal(after.code, 0, after.out);
    assert.match(after.out, /^0 findings/m);
    // From inside the folder the path is still relative to the config.
    const inside = await cli(['talks.md'], path.join(tmpDir.path, 'desk'));
    assert.equal(inside.code, 0, inside.out);
  });
});
