import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { checkCitations, type FactSheet } from '../src/core';
import { locateProblems, parseJsonPath } from '../src/extension/jsonLocation';

const SHEET = `{
  "story": { "id": "s", "title": "T", "article": "a.txt" },
  "entities": [
    { "id": "p", "type": "person", "name": "Ana Ruiz", "source": "Ana Ruiz spoke." },
    { "id": "q", "type": "person", "name": "", "source": "x" }
  ],
  "severity": { "number-mismatch": "loud" }
}`;
const at = (text: string, p: { start: number; end: number }) => text.slice(p.start, p.end);

describe('JSON path locator (editor diagnostics on a broken sheet or config)', () => {
  it('parses JSON paths with indices and dashed keys', () => {
    assert.deepEqual(parseJsonPath('$.entities[3].name'), ['entities', 3, 'name']);
    assert.deepEqual(parseJsonPath('$.severity.number-mismatch'), ['severity', 'number-mismatch']);
    assert.deepEqual(parseJsonPath('$'), []);
    assert.equal(parseJsonPath('entities'), undefined);
  });

  it('maps a path to the range of that property in the text', () => {
    const [p] = locateProblems(SHEET, ['$.entities[1].name: must be a non-empty string']);
    assert.equal(at(SHEET, p), '"name": ""');
    assert.equal(p.path, '$.entities[1].name');
    assert.equal(p.message, 'must be a non-empty string');
    const [s] = locateProblems(SHEET, ['$.severity.number-mismatch: must be one of error, warning']);
    assert.equal(at(SHEET, s), '"number-mismatch": "loud"');
    const [item] = locateProblems(SHEET, ['$.entities[0]: must be an object']);
    assert.ok(at(SHEET, item).startsWith('{ "id": "p"'));
  });

  it('points a missing property at the key of the object that lacks it', () => {
    const [p] = locateProblems(SHEET, ['$.entities[1].roles[0].title: is required']);
    assert.equal(at(SHEET, p), '{', 'the entity object, which has no roles');
    const [q] = locateProblems('{"sheets": [{"drafts": "a/**"}]}', ['$.sheets[0].facts: must be the path of a fact sheet']);
    assert.equal(q.start, 12);
  });

  it('points a syntax error at where the parser stopped, and a pathless problem at the first line', () => {
    const broken = '{\n  "sheets": [\n    {"drafts": "a/**" "facts": "x.json"}\n  ]\n}';
    const [p] = locateProblems(broken, ['$: not valid JSON: Expected \',\' or \'}\' after property value']);
    assert.equal(at(broken, p), '"facts"');
    assert.match(p.message, /CommaExpected/);
    const [q] = locateProblems(SHEET, ['fact sheet must be a JSON object']);
    assert.deepEqual([q.start, q.end], [0, 1]);
  });
});

describe('cited sentences (editor check of a sheet against its article)', () => {
  const sheet = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'test', 'fixtures', 'cli', 'council', 'facts.json'), 'utf8')) as FactSheet;
  const article = fs.readFileSync(path.join(__dirname, '..', '..', 'test', 'fixtures', 'cli', 'council', 'article.txt'), 'utf8');

  it('accepts a sheet whose every source is a sentence of its article', () => {
    assert.deepEqual(checkCitations(sheet, article), []);
  });

  it('names the JSON path of each fact whose sentence is missing, which the locator then finds', () => {
    const cut = article.replace('Councillor Tomas Reyes cast the only vote against it.', '');
    const problems = checkCitations(sheet, cut);
    assert.equal(problems.length, 1);
    assert.match(problems[0], /^\$\.entities\[2\]\.source: the cited sentence is not in the article "article\.txt"/);
    const text = JSON.stringify(sheet, null, 2);
    const [p] = locateProblems(text, problems);
    assert.equal(text.slice(p.start, p.end), `"source": ${JSON.stringify(sheet.entities[2].source)}`);
  });

  it('a citation that differs from the article by one apostrophe or dash shows that character, wherever it is', () => {
    const i = sheet.figures.findIndex((f) => f.source.length > 40);
    const src = sheet.figures[i].source;
    for (const [from, to] of [[' ', ' ’ '], [' ', ' – ']]) {
      // Change the article's sentence near its end (past the 77 characters a message used to show).
      const at = src.lastIndexOf(from, src.length - 5);
      const edited = src.slice(0, at) + to + src.slice(at + from.length);
      const problems = checkCitations(sheet, article.replace(src, edited));
      const p = problems.find((x) => x.startsWith(`$.figures[${i}].source`));
      assert.ok(p, JSON.stringify(problems));
      const mark = to.trim();
      assert.match(p, new RegExp(`article has “${mark}” \\(U\\+${mark.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}\\)`), p);
    }
  });
});
