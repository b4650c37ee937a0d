import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { analyze, describeFact, loadFactSheet } from '../src/core';
import { findingHoverMarkdown, MAX_SOURCE_CHARS, sourceQuote } from '../src/extension/hoverMarkdown';

const root = path.resolve(__dirname, '..', '..');
const sheet = loadFactSheet(fs.readFileSync(path.join(root, 'reference', 'facts.json'), 'utf8'));

describe('finding hovers add only what the diagnostic lacks', () => {
  const draft = 'Iranian authorities acknowledged 3,171 deaths. Araghchi spoke in Muscat.';
  const [finding] = analyze(draft, sheet).findings;
  const md = findingHoverMarkdown(finding, describeFact(sheet, finding.factId), 'untitled:Untitled-1', 'article.txt, line 7');

  it('shows the cited sentence with the verified wording in bold, then one source line with the link', () => {
    const lines = md.split('\n\n');
    assert.equal(lines.length, 2, md);
    assert.match(lines[0], /^> .*\*\*3,117\*\*/);
    assert.match(lines[1], /^Reported by Iranian authorities · \[\$\(go-to-file\) Source: article\.txt, line 7\]\(command:factCheck\.openReference\?/);
  });

  it('repeats neither the message, the verified wording on its own nor the rule', () => {
    assert.ok(!md.includes(finding.message), 'no message');
    assert.doesNotMatch(md, /Verified:|number-mismatch|Newsroom Fact Check/);
    assert.equal(md.match(/3,117/g)?.length, 1, 'the verified figure once, in the sentence');
  });

  it('a finding that cites no fact (an unverified quote) gets no hover of its own', () => {
    assert.equal(findingHoverMarkdown({ factId: '' }, undefined), '');
  });
});

describe('sourceQuote: a long cited sentence is cut around the verified wording', () => {
  const long = `${'Opening words run on and on before the fact, '.repeat(6)}the toll stood at 3,117 on Friday${', and closing words go on after it'.repeat(6)}.`;
  const at = long.indexOf('3,117');

  it('keeps a short sentence whole', () => {
    assert.equal(sourceQuote({ source: 'They counted 3,117.', highlight: { start: 13, end: 18 } }), '> They counted **3,117**.');
  });

  it('cuts a long one at word boundaries on both sides, marked with …', () => {
    assert.ok(long.length > MAX_SOURCE_CHARS);
    const q = sourceQuote({ source: long, highlight: { start: at, end: at + 5 } });
    assert.match(q, /^> … \w/);
    assert.match(q, /\w …$/);
    assert.ok(q.includes('the toll stood at **3,117** on Friday'));
    assert.ok(q.length < long.length * 0.8, `${q.length} of ${long.length}`);
    for (const piece of q.slice(4, -2).replace(/\*\*/g, '').split(' ')) assert.ok(long.includes(piece), `a whole word: ${piece}`);
  });

  it('keeps the start when the fact is near it, and a sentence without a highlight is cut at its end', () => {
    const early = sourceQuote({ source: `3,117 died${', and more words follow'.repeat(20)}.`, highlight: { start: 0, end: 5 } });
    assert.match(early, /^> \*\*3,117\*\* died/);
    assert.match(sourceQuote({ source: 'word '.repeat(100) }), / …$/);
  });
});
