import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, frontMatterFactSheet, isDraftIncluded, parseProjectConfig, sheetForDraft } from '../src/core';
import { run } from '../src/cli/run';

const root = path.resolve(__dirname, '..', '..');
const councilDir = path.join(root, 'test', 'fixtures', 'cli', 'council');
const bundledDir = path.join(root, 'reference');

const problemsOf = (json: string): string[] => {
  try {
    parseProjectConfig(json);
  } catch (e) {
    assert.ok(e instanceof ConfigError, `expected a ConfigError, got ${e}`);
    return e.problems;
  }
  assert.fail('the config was accepted');
};

describe('project config (.factcheck.json)', () => {
  it('accepts the short list form and maps drafts to sheets by glob, first match winning', () => {
    const c = parseProjectConfig(JSON.stringify([
      { drafts: 'stories/budget/**', facts: 'stories/budget/facts.json' },
      { drafts: ['stories/**/*.md', 'wire/*.txt'], facts: 'shared/facts.json' },
    ]));
    assert.equal(sheetForDraft(c, 'stories/budget/draft.md'), 'stories/budget/facts.json');
    assert.equal(sheetForDraft(c, 'stories/fire/draft.md'), 'shared/facts.json');
    assert.equal(sheetForDraft(c, './wire/a.txt'), 'shared/facts.json');
    assert.equal(sheetForDraft(c, 'notes/todo.md'), undefined, 'no mapping: the bundled story');
  });

  it('accepts the object form with a default sheet, include/exclude and rule levels', () => {
    const c = parseProjectConfig(JSON.stringify({
      sheets: [{ drafts: 'a/**', facts: 'a.json' }],
      facts: 'default.json',
      include: ['**/*.md'],
      exclude: ['drafts/old/**'],
      severity: { 'quote-unverified': 'off', 'name-mismatch': 'info' },
      reportUnverifiedQuotes: true,
    }));
    assert.equal(sheetForDraft(c, 'b/x.md'), 'default.json');
    assert.equal(c.severity['name-mismatch'], 'information');
    assert.ok(isDraftIncluded(c, 'drafts/new/x.md'));
    assert.ok(!isDraftIncluded(c, 'drafts/old/x.md'), 'excluded');
    assert.ok(!isDraftIncluded(c, 'drafts/new/x.txt'), 'not included');
    assert.ok(isDraftIncluded(undefined, 'drafts/x.txt'), 'no config: Markdown and text drafts');
  });

  it('names every problem with its JSON path', () => {
    const problems = problemsOf(JSON.stringify({
      sheets: [{ drafts: '', facts: 3 }, { facts: 'x.json', extra: 1 }, 'nope'],
      severity: { 'number-mismatch': 'loud', 'no-such-rule': 'error' },
      reportUnverifiedQuotes: 'yes',
      colour: 'red',
    }));
    for (const p of ['$.sheets[0].drafts[0]', '$.sheets[0].facts', '$.sheets[1].drafts', '$.sheets[1].extra', '$.sheets[2]', '$.severity.number-mismatch', '$.severity.no-such-rule', '$.reportUnverifiedQuotes', '$.colour'])
      assert.ok(problems.some((x) => x.startsWith(`${p}:`)), `${p} missing from ${problems.join(' | ')}`);
    assert.match(problemsOf('{"sheets": [')[0], /^\$: not valid JSON/);
    assert.match(problemsOf('42')[0], /must be an object or a list/);
  });

  it('reads the sheet a draft names in its front matter', () => {
    assert.equal(frontMatterFactSheet('---\ntitle: x\nfacts: ../budget/facts.json\n---\nBody'), '../budget/facts.json');
    assert.equal(frontMatterFactSheet('---\r\nfacts: "a b.json"  # quoted\r\n---\r\n'), 'a b.json');
    assert.equal(frontMatterFactSheet('Body\n---\nfacts: x.json\n---\n'), undefined, 'only front matter at the top counts');
    assert.equal(frontMatterFactSheet('---\ntitle: x\n---\n'), undefined);
  });
});

describe('CLI: which sheet checks which draft', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'factcheck-config-'));
    for (const f of ['facts.json', 'article.txt']) {
      fs.mkdirSync(path.join(tmp, 'stories', 'council'), { recursive: true });
      fs.copyFileSync(path.join(councilDir, f), path.join(tmp, 'stories', 'council', f));
    }
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(tmp, rel)), { recursive: true });
    fs.writeFileSync(path.join(tmp, rel), text);
  };
  const cli = async (argv: string[], cwd = tmp) => {
    let out = '';
    let err = '';
    const code = await run({ argv, cwd, stdout: (s) => (out += s), stderr: (s) => (err += s) });
    return { code, out, err, json: out.startsWith('{') ? (JSON.parse(out) as { files: { path: string; diagnostics: { code: string; message: string }[] }[] }) : undefined };
  };
  // A council-story error that the bundled story knows nothing about, and a bundled-story error.
  const councilWrong = 'The Riverton City Council approved a $84.2 million budget on Tuesday.\n';
  const bundledFacts = JSON.parse(fs.readFileSync(path.join(bundledDir, 'facts.json'), 'utf8')) as { figures: { text: string; source: string }[] };
  const bundledSentence = bundledFacts.figures[0].source;
  const bundledWrong = bundledSentence.replace(bundledFacts.figures[0].text, bundledFacts.figures[0].text.replace(/\d/, (d) => String((Number(d) + 1) % 10)));

  it('uses the mapped sheet for mapped drafts and the bundled story elsewhere', async () => {
    write('.factcheck.json', JSON.stringify([{ drafts: 'stories/council/**', facts: 'stories/council/facts.json' }]));
    write('stories/council/draft.md', councilWrong);
    write('other/draft.md', bundledWrong + '\n');
    const r = await cli(['--format', 'json', '.']);
    assert.equal(r.code, 1, r.err);
    const byPath = Object.fromEntries(r.json!.files.map((f) => [f.path.split(path.sep).join('/'), f.diagnostics]));
    assert.deepEqual(byPath['stories/council/draft.md'].map((d) => d.code), ['number-mismatch']);
    assert.match(byPath['stories/council/draft.md'][0].message, /48\.2/);
    assert.deepEqual(byPath['other/draft.md'].map((d) => d.code), ['number-mismatch']);
    // The same result from inside a sub-directory: the config is found above the draft.
    const sub = await cli(['--format', 'json', 'draft.md'], path.join(tmp, 'stories', 'council'));
    assert.deepEqual(sub.json!.files[0].diagnostics.map((d) => d.message), byPath['stories/council/draft.md'].map((d) => d.message));
  });

  it('a draft naming its sheet in front matter uses it, whatever the config says', async () => {
    write('.factcheck.json', '[]');
    write('elsewhere/draft.md', `---\nfacts: ../stories/council/facts.json\n---\n${councilWrong}`);
    const r = await cli(['--format', 'json', 'elsewhere/draft.md']);
    assert.equal(r.code, 1, r.err);
    assert.match(r.json!.files[0].diagnostics[0].message, /48\.2/);
  });

  it('config levels apply: off hides a rule, and a level changes the severity', async () => {
    write('.factcheck.json', JSON.stringify({ sheets: [{ drafts: 'stories/council/**', facts: 'stories/council/facts.json' }], severity: { 'number-mismatch': 'warning', 'quote-unverified': 'off' } }));
    write('stories/council/draft.md', `${councilWrong}A councillor said it was “a dreadful day for everyone”.\n`);
    const r = await cli(['stories/council/draft.md']);
    assert.equal(r.code, 1);
    assert.match(r.out, /warning {2}number-mismatch/);
    assert.doesNotMatch(r.out, /quote-unverified/);
  });

  it('a broken sheet stops only the drafts that use it, naming the file and the JSON path', async () => {
    write('.factcheck.json', JSON.stringify([{ drafts: 'broken/**', facts: 'broken/facts.json' }]));
    write('broken/facts.json', JSON.stringify({ story: { id: 'x', title: 'x', article: 'a.txt' }, entities: [{ id: 'p', type: 'person' }] }));
    write('broken/draft.md', 'Anything.\n');
    write('fine/draft.md', bundledWrong + '\n');
    const r = await cli(['--format', 'json', '.']);
    assert.equal(r.code, 2);
    assert.match(r.err, /broken[\\/]facts\.json: bad fact sheet\n(?: {2}.*\n)* {2}\$\.entities\[0\]\.name: must be a non-empty string/);
    assert.match(r.err, /broken[\\/]draft\.md: not checked/);
    const paths = r.json!.files.map((f) => f.path.split(path.sep).join('/'));
    // Issue 21: the draft that was not checked keeps an entry saying why, with no diagnostics.
    const broken = r.json!.files[paths.indexOf('broken/draft.md')] as { diagnostics: unknown[]; notChecked?: string };
    assert.deepEqual(broken.diagnostics, []);
    assert.match(broken.notChecked!, /not checked: its fact sheet is broken/);
    assert.equal(r.json!.files[paths.indexOf('fine/draft.md')].diagnostics.length, 1, 'the other draft is still checked');
  });

  it('a broken config is reported with its JSON path once, and --no-config ignores it', async () => {
    write('.factcheck.json', '{"sheets": [{"drafts": "a/**"}]}');
    write('a/one.md', bundledWrong + '\n');
    write('a/two.md', bundledWrong + '\n');
    const r = await cli(['a']);
    assert.equal(r.code, 2);
    assert.equal(r.err.match(/bad config/g)?.length, 1);
    assert.match(r.err, /\.factcheck\.json: bad config\n {2}\$\.sheets\[0\]\.facts: /);
    const ignored = await cli(['--no-config', 'a']);
    assert.equal(ignored.code, 1, ignored.err);
    assert.match(ignored.out, /2 findings/);
  });
});

describe('CLI: a reference article is never checked as a draft (as in the editor)', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'factcheck-article-'));
    fs.mkdirSync(path.join(tmp, 'story'));
    for (const f of ['facts.json', 'article.txt']) fs.copyFileSync(path.join(councilDir, f), path.join(tmp, 'story', f));
    fs.writeFileSync(path.join(tmp, 'draft.md'), '---\nfacts: story/facts.json\n---\nThe Riverton City Council approved a $48.2 million budget on Tuesday.\n');
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const cli = async (argv: string[]) => {
    let out = '';
    let err = '';
    const code = await run({ argv, cwd: tmp, stdout: (s) => (out += s), stderr: (s) => (err += s) });
    return { code, out, err };
  };

  it('a walk passes over the article of a sheet in use, with a notice', async () => {
    const r = await cli(['--format', 'json', '.']);
    assert.equal(r.code, 0, r.err + r.out);
    const files = (JSON.parse(r.out) as { files: { path: string; notChecked?: string }[] }).files;
    // Issue 21: the JSON report keeps an entry, saying why, for a file it did not check.
    assert.deepEqual(files.map((f) => [f.path.split(path.sep).join('/'), f.notChecked ?? null]), [['draft.md', null], ['story/article.txt', `skipped: it is the reference article of ${path.join('story', 'facts.json')}`]]);
    assert.match(r.err, /notice: story[\\/]article\.txt: skipped: it is the reference article of story[\\/]facts\.json/);
  });

  it('so does naming it (a pre-commit hook passes every changed file)', async () => {
    const r = await cli(['draft.md', 'story/article.txt']);
    assert.equal(r.code, 0, r.err + r.out);
    assert.match(r.out, /0 findings .* in 1 file/);
  });
});

describe('CLI: paths written with backslashes (a sheet or draft from Windows)', () => {
  it('front matter and story.article with \\ work as in the editor', async function () {
    if (path.sep !== '/') this.skip();
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'factcheck-backslash-'));
    try {
      fs.mkdirSync(path.join(tmp, 'council', 'text'), { recursive: true });
      fs.mkdirSync(path.join(tmp, 'elsewhere'));
      const sheet = JSON.parse(fs.readFileSync(path.join(councilDir, 'facts.json'), 'utf8'));
      sheet.story.article = 'text\\article.txt';
      fs.writeFileSync(path.join(tmp, 'council', 'facts.json'), JSON.stringify(sheet));
      fs.copyFileSync(path.join(councilDir, 'article.txt'), path.join(tmp, 'council', 'text', 'article.txt'));
      fs.writeFileSync(path.join(tmp, 'elsewhere', 'draft.md'), '---\nfacts: ..\\council\\facts.json\n---\nThe Riverton City Council approved a $84.2 million budget on Tuesday.\n');
      let out = '';
      let err = '';
      const code = await run({ argv: ['elsewhere/draft.md'], cwd: tmp, stdout: (s) => (out += s), stderr: (s) => (err += s) });
      assert.equal(code, 1, err);
      assert.match(out, /number-mismatch .*48\.2/);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});

describe('CLI: --config naming a file outside the drafts’ folders', () => {
  it('does not silently check nothing: the drafts are checked as without it, with a notice saying why', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'factcheck-outside-'));
    try {
      fs.mkdirSync(path.join(tmp, 'cfg'));
      fs.mkdirSync(path.join(tmp, 'drafts'));
      fs.writeFileSync(path.join(tmp, 'cfg', 'desk.json'), JSON.stringify({ include: ['**/*.md'] }));
      const facts = JSON.parse(fs.readFileSync(path.join(root, 'reference', 'facts.json'), 'utf8')) as { figures: { text: string; source: string }[] };
      const wrong = facts.figures[0].source.replace(facts.figures[0].text, facts.figures[0].text.replace(/\d/, (d) => String((Number(d) + 1) % 10)));
      fs.writeFileSync(path.join(tmp, 'drafts', 'a.md'), wrong + '\n');
      let out = '';
      let err = '';
      const code = await run({ argv: ['--config', 'cfg/desk.json', 'drafts'], cwd: tmp, stdout: (s) => (out += s), stderr: (s) => (err += s) });
      assert.equal(code, 1, err);
      assert.match(out, /in 1 file/);
      assert.match(err, /notice: 1 draft is outside the folder of --config cfg\/desk\.json/);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
