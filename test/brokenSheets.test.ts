/**
 * Broken fact sheets: each kind of corruption gives exit 2 and one clear message that names the
 * file and the JSON path of the problem, through the CLI's `run()` with --facts. The draft is
 * never checked against a broken sheet, and the CLI keeps working with a good one.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run } from '../src/cli/run';
import { loadFactSheet, MAX_SHEET_CHARS } from '../src/core';

const root = path.resolve(__dirname, '..', '..');
const goodJson = fs.readFileSync(path.join(root, 'reference', 'facts.json'), 'utf8');
const article = fs.readFileSync(path.join(root, 'reference', 'article.txt'), 'utf8');
const DRAFT = 'Iranian authorities acknowledged 3,171 deaths.\n';

type Sheet = ReturnType<typeof JSON.parse>;
const edit = (f: (s: Sheet) => void) => () => {
  const s = JSON.parse(goodJson);
  f(s);
  return JSON.stringify(s, null, 2);
};

/** Each corruption: the sheet's bytes, and the JSON path (and words) its message must name. */
const CASES: { kind: string; sheet: () => string | Buffer; path: string; says: RegExp }[] = [
  { kind: 'invalid JSON (a missing value)', sheet: () => '{"story": ', path: '$', says: /not valid JSON/ },
  { kind: 'JSON with trailing garbage', sheet: () => goodJson + '\n}\n', path: '$', says: /not valid JSON.*line \d+, column \d+/ },
  { kind: 'an empty file', sheet: () => '', path: '$', says: /empty/ },
  { kind: 'a list at the top level', sheet: () => '[1, 2, 3]', path: '$', says: /must be a JSON object \(got a list\)/ },
  { kind: 'not UTF-8 (Latin-1 bytes)', sheet: () => Buffer.concat([Buffer.from(goodJson.slice(0, 40)), Buffer.from([0xe9, 0xff]), Buffer.from(goodJson.slice(40))]), path: '$', says: /not valid UTF-8/ },
  { kind: 'an enormous sheet', sheet: () => goodJson.replace(/\}\s*$/, `, "otherNames": ["${'x'.repeat(MAX_SHEET_CHARS)}"]}`), path: '$', says: /too large/ },
  { kind: 'a wrong type (entities is an object)', sheet: edit((s) => (s.entities = { a: 1 })), path: '$.entities', says: /must be a list/ },
  { kind: 'a wrong type (value is a string)', sheet: edit((s) => (s.figures[0].value = '3117')), path: '$.figures[0].value', says: /must be a finite number \(got "3117"\)/ },
  { kind: 'a number that is not finite (1e999)', sheet: () => edit((s) => (s.figures[0].value = 12345.678))().replace('12345.678', '1e999'), path: '$.figures[0].value', says: /must be a finite number/ },
  { kind: 'a figure text that does not parse', sheet: edit((s) => (s.figures[0].text = '3,1x7')), path: '$.figures[0].text', says: /does not read as a figure/ },
  { kind: 'a figure text that disagrees with its value', sheet: edit((s) => (s.figures[0].value += 54)), path: '$.figures[0].text', says: /reads as .*but value is/ },
  { kind: 'a missing id', sheet: edit((s) => delete s.quotes[0].id), path: '$.quotes[0].id', says: /must be a non-empty string/ },
  { kind: 'a duplicate id within a kind', sheet: edit((s) => (s.figures[1].id = s.figures[0].id)), path: '$.figures[1].id', says: /duplicate id/ },
  { kind: 'a duplicate id across kinds', sheet: edit((s) => (s.quotes[0].id = s.entities[0].id)), path: '$.quotes[0].id', says: /duplicate id/ },
  { kind: 'an empty name', sheet: edit((s) => (s.entities[0].name = '  ')), path: '$.entities[0].name', says: /must be a non-empty string/ },
  { kind: 'an empty alias', sheet: edit((s) => (s.entities.find((e: Sheet) => e.aliases).aliases.push(''))), path: '.aliases', says: /list of non-empty strings/ },
  { kind: 'an unknown entity type', sheet: edit((s) => (s.entities[0].type = 'wizard')), path: '$.entities[0].type', says: /must be one of person/ },
  { kind: 'a quote naming an unknown speaker', sheet: edit((s) => (s.quotes[0].speaker = 'nobody')), path: '$.quotes[0].speaker', says: /must be the id of an entity \(got "nobody"\)/ },
  { kind: 'a figure reported by an unknown entity', sheet: edit((s) => (s.figures[0].reportedBy = 'ghost')), path: '$.figures[0].reportedBy', says: /must be the id of an entity/ },
  { kind: 'a setting at an unknown place', sheet: edit((s) => (s.settings[0].entity = 'atlantis')), path: '$.settings[0].entity', says: /must be the id of an entity/ },
  { kind: 'a role that is not an object', sheet: edit((s) => (s.entities.find((e: Sheet) => e.roles).roles[0] = 'minister')), path: '.roles[0]', says: /must be an object/ },
  { kind: 'a cited sentence not in the article', sheet: edit((s) => (s.figures[0].source = 'A sentence the article never had.')), path: '$.figures[0].source', says: /not in the article "article\.txt"/ },
  { kind: 'a quote not in its own source sentence', sheet: edit((s) => (s.quotes[0].text = 'words nobody said')), path: '$.quotes[0].text', says: /not in its cited source sentence/ },
  { kind: 'an unknown property (a typo)', sheet: edit((s) => (s.figures[0].qualifer = 'exact')), path: '$.figures[0].qualifer', says: /unknown property/ },
  { kind: 'a missing story', sheet: edit((s) => delete s.story), path: '$.story', says: /must be an object/ },
  { kind: 'an article that does not exist', sheet: edit((s) => (s.story.article = 'missing.txt')), path: '$.story.article', says: /"missing\.txt" cannot be read: no such file/ },
  { kind: 'deeply nested JSON', sheet: () => goodJson.replace(/\}\s*$/, `, "extra": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`), path: '$.extra', says: /unknown property/ },
];

describe(`broken fact sheets (${CASES.length} kinds of corruption)`, () => {
  let tmp: string;
  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'broken-sheets-'));
    fs.writeFileSync(path.join(tmp, 'article.txt'), article);
    fs.writeFileSync(path.join(tmp, 'draft.md'), DRAFT);
    fs.writeFileSync(path.join(tmp, 'good.json'), goodJson);
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  const cli = async (argv: string[]) => {
    let out = '';
    let err = '';
    const code = await run({ argv, cwd: tmp, stdout: (s) => (out += s), stderr: (s) => (err += s) });
    return { code, out, err };
  };

  CASES.forEach((c, i) => {
    it(`${c.kind}: exit 2, one message naming the file and ${c.path}`, async () => {
      const file = `broken-${i}.json`;
      fs.writeFileSync(path.join(tmp, file), c.sheet());
      const r = await cli(['--facts', file, 'draft.md']);
      assert.equal(r.code, 2, r.err);
      assert.equal(r.out, '', 'nothing is checked against a broken sheet');
      const [head, ...problems] = r.err.trimEnd().split('\n');
      assert.equal(head, `newsroom-factcheck: ${file}: bad fact sheet`);
      assert.equal(problems.length, 1, `one message, got:\n${problems.join('\n')}`);
      const escaped = c.path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      assert.match(problems[0], new RegExp(`^  ${c.path.startsWith('.') ? '\\$\\.\\w+\\[\\d+\\]' : ''}${escaped}(?:[.:\\[]|$)`));
      assert.match(problems[0], c.says);
      assert.ok(problems[0].length < 300, `the message is short: ${problems[0].length} characters`);
    });
  });

  it('the same CLI run still checks drafts against a good sheet (exit 1 on the divergence)', async () => {
    const r = await cli(['--facts', 'good.json', 'draft.md']);
    assert.equal(r.code, 1, r.err);
    assert.match(r.out, /number-mismatch/);
  });

  it('a BOM before the JSON is accepted', async () => {
    fs.writeFileSync(path.join(tmp, 'bom.json'), '\ufeff' + goodJson);
    assert.equal((await cli(['--facts', 'bom.json', 'draft.md'])).code, 1);
    assert.doesNotThrow(() => loadFactSheet('\ufeff' + goodJson));
  });
});
