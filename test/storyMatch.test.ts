import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { loadFactSheet, matchStory, pickStory, type FactSheet } from '../src/core';
import { run } from '../src/cli/run';

// Which story a draft with no configured sheet is about. The practice stories' sheets and drafts
// (copied from the shared evaluation set into test/fixtures/integration/stories) are mixed with
// drafts about none of them (test/fixtures/integration/unrelated).
const root = path.resolve(__dirname, '..', '..');
const fixtures = path.join(root, 'test', 'fixtures', 'integration');
const STORIES = ['kestrel-strike', 'tideline-study', 'veldmar-verdict'];
const read = (p: string) => fs.readFileSync(p, 'utf8');
const sheets: Record<string, FactSheet> = Object.fromEntries([
  ['bundled', loadFactSheet(read(path.join(root, 'reference', 'facts.json')))],
  ...STORIES.map((s) => [s, loadFactSheet(read(path.join(fixtures, 'stories', s, 'facts.json')))]),
]);
const names = Object.keys(sheets);
const list = names.map((n) => sheets[n]);
const storyOf = (text: string) => names[pickStory(text, list).index] ?? 'none';

describe('story matching (src/core/sheet/storyMatch.ts)', () => {
  for (const story of STORIES) {
    const dir = path.join(fixtures, 'stories', story, 'drafts');
    for (const file of fs.readdirSync(dir).sort())
      it(`${story}/${file} is about its own story`, () => assert.equal(storyOf(read(path.join(dir, file))), story));
  }

  const unrelated = path.join(fixtures, 'unrelated');
  for (const file of fs.readdirSync(unrelated).sort())
    it(`unrelated/${file} is about none of the stories`, () => {
      const text = read(path.join(unrelated, file));
      assert.equal(storyOf(text), 'none', JSON.stringify(list.map((s) => matchStory(text, s))));
    });

  it('the bundled story: every labelled draft of the sample set and the repository sample match it', () => {
    const sample = read(path.join(root, 'samples', 'draft.md'));
    assert.equal(storyOf(sample), 'bundled');
    for (const file of fs.readdirSync(path.join(fixtures)).filter((f) => /^(clean|mixed|quote-misattributed)\.md$/.test(f)))
      assert.equal(storyOf(read(path.join(fixtures, file))), 'bundled', file);
  });

  it('counts near misses: a draft that misspells every name still matches', () => {
    const exact = 'Abbas Araghchi met Steve Witkoff and Jared Kushner.';
    const misspelt = 'Abas Araqchi met Steve Witcoff and Jared Kushnar.';
    const m = matchStory(misspelt, sheets.bundled);
    assert.equal(m.matched, true, JSON.stringify(m));
    assert.deepEqual(m.names, []);
    assert.deepEqual(m.nearNames.sort(), ['araghchi', 'kushner', 'witkoff'].sort());
    assert.ok(matchStory(exact, sheets.bundled).score > m.score, 'an exact name weighs more than a near miss');
  });

  it('counts facts cited: a two-line social post with figures and a quote matches', () => {
    const post = 'BREAKING: 6,872 dead, more than 50,000 arrests, say rights monitors.\nFM: missile programme "never negotiable".';
    const m = matchStory(post, sheets.bundled);
    assert.equal(m.matched, true, JSON.stringify(m));
    assert.deepEqual(m.names, []);
    assert.ok(m.figures.length >= 2 && m.quotes.length >= 1, JSON.stringify(m));
  });

  it('one name alone, one misspelt name and a misquote are not enough', () => {
    for (const text of ['Fire chief Marta Kushnir said it was "a great start".', 'Trump spoke on Tuesday.', 'It happened in Washington.'])
      assert.equal(matchStory(text, sheets.bundled).matched, false, text);
  });

  it("a person named with their own title is enough: a one-line post about the story's minister matches", () => {
    assert.equal(matchStory('Foreign Minister Abbas Araghchi, speaking to the BBC, said talks would resume.', sheets.bundled).matched, true);
    assert.equal(matchStory('Donald Trump spoke on Tuesday.', sheets.bundled).matched, false);
  });

  it('an acronym is matched in capitals only: "us" is not the United States', () => {
    assert.deepEqual(matchStory('Tell us what happened to us.', sheets.bundled).names, []);
    assert.deepEqual(matchStory('The US said so.', sheets.bundled).names, ['united-states']);
  });
});

describe('CLI: drafts with no configured sheet are checked against the story they are about', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'factcheck-stories-'));
    fs.cpSync(path.join(fixtures, 'stories'), path.join(tmp, 'stories'), { recursive: true });
    fs.cpSync(path.join(fixtures, 'unrelated'), path.join(tmp, 'unrelated'), { recursive: true });
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const cli = async (argv: string[]) => {
    let out = '';
    let err = '';
    const code = await run({ argv, cwd: tmp, stdout: (s) => (out += s), stderr: (s) => (err += s) });
    return { code, out, err };
  };
  const json = (out: string) => JSON.parse(out) as { files: { path: string; diagnostics: { code: string; message: string }[] }[]; unmatched?: string[] };

  it('each story draft against its own story (named by the config), the unrelated ones not at all (exit 0)', async () => {
    fs.writeFileSync(path.join(tmp, '.factcheck.json'), JSON.stringify({ stories: STORIES.map((s) => `stories/${s}/facts.json`) }));
    const all = json((await cli(['--format', 'json', '.'])).out);
    const unrelated = fs.readdirSync(path.join(tmp, 'unrelated')).map((f) => path.join('unrelated', f)).sort();
    assert.deepEqual([...(all.unmatched ?? [])].sort(), unrelated);
    for (const story of STORIES) {
      // The story's drafts (its article, skipped as the sheet's reference article, has an entry of its own).
      const drafts = all.files.filter((f) => f.path.startsWith(path.join('stories', story, 'drafts')));
      assert.ok(drafts.length >= 3, story);
      const own = json((await cli(['--format', 'json', '--facts', `stories/${story}/facts.json`, `stories/${story}/drafts`])).out);
      assert.deepEqual(drafts, own.files, `${story}: the same findings as with --facts`);
      assert.ok(own.files.some((f) => f.diagnostics.length), story);
    }
    const unrelatedOnly = await cli(['unrelated']);
    assert.equal(unrelatedOnly.code, 0);
    assert.match(unrelatedOnly.out, /^5 drafts matched no story and were not checked \(.*\): unrelated[\\/]README\.md, .*warehouse-fire\.md$/m);
    assert.match(unrelatedOnly.out, /^0 findings \(0 errors, 0 warnings\) in 0 files$/m);
  });

  it('--facts still forces a sheet: the warehouse fire checked against the bundled story gets its findings', async () => {
    const forced = await cli(['--facts', path.join(root, 'reference', 'facts.json'), 'unrelated/warehouse-fire.md']);
    assert.equal(forced.code, 1, forced.out);
    assert.doesNotMatch(forced.out, /matched no story/);
  });

  it('without a config the practice stories match nothing but the bundled story: not checked', async () => {
    const r = await cli(['--format', 'json', 'stories/kestrel-strike/drafts']);
    assert.equal(r.code, 0, r.err);
    assert.equal(json(r.out).files.length, 0);
    assert.equal(json(r.out).unmatched?.length, 3);
  });

  it('a broken candidate sheet is passed over with a notice; the draft is matched against the others', async () => {
    fs.writeFileSync(path.join(tmp, 'broken.json'), '{"story": 1}');
    fs.writeFileSync(path.join(tmp, '.factcheck.json'), JSON.stringify({ stories: ['broken.json', 'stories/kestrel-strike/facts.json'] }));
    const r = await cli(['--format', 'json', 'stories/kestrel-strike/drafts/05-names.md']);
    assert.equal(r.code, 1, r.err);
    assert.match(r.err, /notice: broken\.json: bad fact sheet; not used to match drafts to their story/);
  });
});
