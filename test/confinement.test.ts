/**
 * Paths that a file names are confined (issue 21): a sheet's `story.article` to the sheet's own
 * folder and below; a sheet named by front matter or by `.factcheck.json` to the project (the
 * folder of the nearest `.factcheck.json`, else the git work tree, else the working directory).
 * A path given on the command line is the user's choice. A file that is not valid JSON is never
 * quoted, and a citation must be a whole sentence of the article.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { checkCitations, loadFactSheet, parseProjectConfig, ConfigError, FactSheetError } from '../src/core';
import { WRONG, cli, councilDir, root, tmpDir, useTmp, write } from './cli-harness';

/** The council story's sheet and article copied under `dir` (relative to the temporary folder). */
function council(dir: string, edit: (sheet: { story: { article: string } }) => void = () => {}): string {
  const sheet = JSON.parse(fs.readFileSync(path.join(councilDir, 'facts.json'), 'utf8'));
  edit(sheet);
  write(path.join(dir, 'article.txt'), fs.readFileSync(path.join(councilDir, 'article.txt')));
  return write(path.join(dir, 'facts.json'), JSON.stringify(sheet));
}
const COUNCIL_WRONG = 'The Riverton City Council approved a $48.3 million budget for 2026 on Tuesday.\n';

describe('confinement of paths named by files', () => {
  useTmp();

  describe("a sheet's article", () => {
    it('outside the sheet folder is refused, even for a sheet given with --facts (no oracle on other files)', async () => {
      write('secret.txt', 'The Riverton City Council approved a $48.2 million budget for 2026 on Tuesday after a seven-hour session.\n');
      const facts = council('story', (s) => (s.story.article = '../secret.txt'));
      write('d.md', COUNCIL_WRONG);
      const r = await cli(['--facts', facts, 'd.md'], tmpDir.path);
      assert.equal(r.code, 2, r.err);
      assert.match(r.err, /\$\.story\.article: the article "\.\.\/secret\.txt" is outside the folder of its fact sheet/);
      const abs = council('story2', (s) => (s.story.article = path.join(tmpDir.path, 'secret.txt')));
      const r2 = await cli(['--facts', abs, 'd.md'], tmpDir.path);
      assert.equal(r2.code, 2);
      assert.match(r2.err, /is outside the folder of its fact sheet/);
    });

    it('a link beside the sheet that leads out of its folder is refused too', async () => {
      write('elsewhere/article.txt', fs.readFileSync(path.join(councilDir, 'article.txt')));
      const facts = council('story', (s) => (s.story.article = 'linked.txt'));
      fs.symlinkSync(path.join(tmpDir.path, 'elsewhere', 'article.txt'), path.join(tmpDir.path, 'story', 'linked.txt'));
      write('d.md', COUNCIL_WRONG);
      const r = await cli(['--facts', facts, 'd.md'], tmpDir.path);
      assert.equal(r.code, 2);
      assert.match(r.err, /is outside the folder of its fact sheet/);
    });

    it('in a subfolder of the sheet folder is fine', async () => {
      const facts = council('story', (s) => (s.story.article = 'src/article.txt'));
      fs.mkdirSync(path.join(tmpDir.path, 'story', 'src'));
      fs.renameSync(path.join(tmpDir.path, 'story', 'article.txt'), path.join(tmpDir.path, 'story', 'src', 'article.txt'));
      write('d.md', COUNCIL_WRONG);
      const r = await cli(['--facts', facts, 'd.md'], tmpDir.path);
      assert.equal(r.code, 1, r.err);
    });
  });

  describe('sheets named by front matter and by .factcheck.json', () => {
    it('front matter naming a sheet outside the project (the folder of .factcheck.json) is refused', async () => {
      council('outside');
      write('project/.factcheck.json', '{}');
      write('project/d.md', `---\nfacts: ../outside/facts.json\n---\n${COUNCIL_WRONG}`);
      const r = await cli(['d.md'], path.join(tmpDir.path, 'project'));
      assert.equal(r.code, 2, r.err);
      assert.match(r.err, /facts: \.\.\/outside\/facts\.json.*outside the project/);
      assert.match(r.err, /--facts/);
    });

    it('without a config the git work tree is the project; without one, the working directory', async () => {
      council('outside');
      fs.mkdirSync(path.join(tmpDir.path, 'repo', '.git'), { recursive: true });
      write('repo/docs/d.md', `---\nfacts: ../../outside/facts.json\n---\n${COUNCIL_WRONG}`);
      const r = await cli(['docs/d.md'], path.join(tmpDir.path, 'repo'));
      assert.equal(r.code, 2, r.err);
      assert.match(r.err, /outside the project/);
      write('plain/d.md', `---\nfacts: ../outside/facts.json\n---\n${COUNCIL_WRONG}`);
      const r2 = await cli(['d.md'], path.join(tmpDir.path, 'plain'));
      assert.equal(r2.code, 2, r2.err);
      assert.match(r2.err, /outside the project/);
      // Inside the project it is used.
      council('repo/story');
      write('repo/docs/in.md', `---\nfacts: ../story/facts.json\n---\n${COUNCIL_WRONG}`);
      const r3 = await cli(['docs/in.md'], path.join(tmpDir.path, 'repo'));
      assert.equal(r3.code, 1, r3.err);
    });

    it('a .factcheck.json mapping or default sheet outside its folder is refused', async () => {
      council('outside');
      write('project/.factcheck.json', JSON.stringify({ sheets: [{ drafts: '**/*.md', facts: '../outside/facts.json' }] }));
      write('project/d.md', COUNCIL_WRONG);
      const r = await cli(['d.md'], path.join(tmpDir.path, 'project'));
      assert.equal(r.code, 2, r.err);
      assert.match(r.err, /outside the project/);
      write('project2/.factcheck.json', JSON.stringify({ facts: path.join(tmpDir.path, 'outside', 'facts.json') }));
      write('project2/d.md', COUNCIL_WRONG);
      const r2 = await cli(['d.md'], path.join(tmpDir.path, 'project2'));
      assert.equal(r2.code, 2, r2.err);
      assert.match(r2.err, /outside the project/);
    });

    it('a sheet given with --facts may be anywhere (the user chose it)', async () => {
      const facts = council('outside');
      write('project/.factcheck.json', '{}');
      write('project/d.md', COUNCIL_WRONG);
      const r = await cli(['--facts', facts, 'd.md'], path.join(tmpDir.path, 'project'));
      assert.equal(r.code, 1, r.err);
    });
  });

  it('extract --output into another folder copies the article beside the sheet, so the sheet can be used', async () => {
    write('stories/x/article.txt', fs.readFileSync(path.join(councilDir, 'article.txt')));
    const r = await cli(['extract', 'stories/x/article.txt', '--output', 'out/facts.json'], tmpDir.path);
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /copied the article to out[\\/]article\.txt/);
    assert.equal(JSON.parse(fs.readFileSync(path.join(tmpDir.path, 'out', 'facts.json'), 'utf8')).story.article, 'article.txt');
    write('d.md', COUNCIL_WRONG);
    const check = await cli(['--facts', 'out/facts.json', 'd.md'], tmpDir.path);
    assert.notEqual(check.code, 2, check.err);
  });

  describe('a file that is not JSON is never quoted', () => {
    it('named by front matter as a sheet: the error gives a position, not its characters', async () => {
      write('env.json', 'SECRET_TOKEN=hunter2\nPATH=/usr/bin\n');
      write('d.md', `---\nfacts: env.json\n---\n${WRONG}`);
      const r = await cli(['d.md'], tmpDir.path);
      assert.equal(r.code, 2);
      assert.match(r.err, /not valid JSON/);
      assert.doesNotMatch(r.err, /SECRET|hunter|'S'/, r.err);
    });

    it('in the core: sheets and configs', () => {
      for (const text of ['SECRET_TOKEN=hunter2', '{"a": SECRET}', '{"story": "x" SECRET}', 'x'.repeat(10) + '[']) {
        for (const parse of [loadFactSheet, parseProjectConfig]) {
          let message = '';
          try {
            parse(text);
          } catch (e) {
            assert.ok(e instanceof FactSheetError || e instanceof ConfigError);
            message = (e as Error).message;
          }
          assert.match(message, /not valid JSON/);
          assert.doesNotMatch(message, /SECRET|hunter|xxx/, message);
        }
      }
    });
  });

  describe('a citation is a whole sentence of the article', () => {
    const sheet = loadFactSheet(fs.readFileSync(path.join(root, 'reference', 'facts.json'), 'utf8'));
    const article = fs.readFileSync(path.join(root, 'reference', 'article.txt'), 'utf8');
    const withSource = (source: string) => ({ ...sheet, figures: sheet.figures.map((f, i) => (i === 0 ? { ...f, source } : f)) });
    /** Only the citation's problems (a figure's text missing from another sentence is a problem of its own). */
    const citationProblems = (s: typeof sheet) => checkCitations(s, article).filter((p) => p.includes('.source:'));

    it('the bundled sheet cites whole sentences', () => {
      assert.deepEqual(checkCitations(sheet, article), []);
    });

    it('one letter, a few words or half a sentence of the article is not a citation', () => {
      const sentence = sheet.figures[0].source;
      for (const part of ['a', 'I', sentence.slice(0, 20), sentence.slice(5), sentence.slice(0, -1).slice(3)]) {
        const problems = checkCitations(withSource(part), article);
        assert.equal(problems.length, 1, `${JSON.stringify(part)} passed as a citation`);
        assert.match(problems[0], /^\$\.figures\[0\]\.source: /);
      }
    });

    it('a sentence wrapped over lines, or two sentences in a row, still are', () => {
      const sentences = article.replace(/\s+/g, ' ').match(/[^.!?]+[.!?]["”’]?(?=\s|$)/g)!.map((s) => s.trim());
      const two = sentences.slice(1, 3).join(' ');
      assert.deepEqual(citationProblems(withSource(two)), []);
      assert.deepEqual(citationProblems(withSource(sheet.figures[0].source.replace(/ /g, '\n'))), []);
    });
  });
});
