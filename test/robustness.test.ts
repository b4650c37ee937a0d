import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { applyFixes, check, loadFactSheet } from '../src/core';

const root = path.resolve(__dirname, '..', '..');
const sheet = loadFactSheet(fs.readFileSync(path.join(root, 'reference', 'facts.json'), 'utf8'));
const article = fs.readFileSync(path.join(root, 'reference', 'article.txt'), 'utf8');

/** A small deterministic PRNG, so a failure can be replayed. */
function rng(seed: number): () => number {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
}

const ODD = ['\u200b', '\u200f', '\u00a0', '\ufeff', '😀', '\ud83d', '\udc00', 'e\u0301', '\u0000', '\r\n', '\t', '“', '”', '‘', '’', '"', "'", '«', '»', '„', '`', '```\n', '---\n', '<!--', '-->', '|', '[', '](', ')', '$', '%', ',', '.', '3,1', '17', ' bn', ' billion', 'Ara', 'ghchi', 'HRANA', ' said ', ' more than ', 'twenty', '-four'];

describe('robustness on odd input', () => {
  it('never throws, keeps ranges inside the text, and fixes apply cleanly (500 random drafts)', () => {
    const rand = rng(42);
    const words = article.split(/(\s+)/);
    for (let n = 0; n < 500; n++) {
      let text = '';
      const parts = 5 + Math.floor(rand() * 60);
      for (let i = 0; i < parts; i++) {
        text += rand() < 0.6 ? words[Math.floor(rand() * words.length)] : ODD[Math.floor(rand() * ODD.length)];
      }
      const findings = check(text, sheet);
      for (const f of findings) {
        assert.ok(f.start >= 0 && f.start <= f.end && f.end <= text.length, `range ${f.start}-${f.end} outside a text of ${text.length}`);
        assert.ok(f.message.length > 0);
        for (const fix of f.fixes) for (const e of fix.edits) assert.ok(e.start >= 0 && e.start <= e.end && e.end <= text.length);
      }
      const fixed = applyFixes(text, findings).text;
      assert.doesNotThrow(() => check(fixed, sheet));
    }
  });

  it('checks a draft with astral characters and CRLF line ends at the right UTF-16 offsets', () => {
    const text = '😀 Iranian authorities acknowledged 3,171 deaths.\r\nAraqchi spoke.\r\n';
    const [num, name] = check(text, sheet);
    assert.equal(text.slice(num.start, num.end), '3,171');
    assert.equal(text.slice(name.start, name.end), 'Araqchi');
  });

  it('a leading BOM is transparent: a code fence or front matter right after it still hides its figures', () => {
    for (const body of ['```\ntoll 3171\n```\nAuthorities acknowledged 3,171 deaths.\n', '---\ndeaths: 3171\n---\nAuthorities acknowledged 3,171 deaths.\n']) {
      const plain = check(body, sheet);
      const bom = check('\ufeff' + body, sheet);
      assert.equal(plain.length, 1, `one finding in ${JSON.stringify(body)}`);
      assert.deepEqual(bom.map((f) => [f.start - 1, f.end - 1, f.ruleId]), plain.map((f) => [f.start, f.end, f.ruleId]));
    }
  });

  it('a misquote put in the wrong mouth is flagged for both, so fixing all settles it in one round', () => {
    const text = 'Witkoff called the talks “a god start”.';
    const findings = check(text, sheet);
    assert.deepEqual(findings.map((f) => f.ruleId).sort(), ['quote-misattributed', 'quote-mismatch']);
    const fixed = applyFixes(text, findings).text;
    assert.equal(fixed, 'Araghchi called the talks “a good start”.');
    assert.deepEqual(check(fixed, sheet), []);
  });

  it('an empty or whitespace-only draft has no findings', () => {
    assert.deepEqual(check('', sheet), []);
    assert.deepEqual(check(' \n\n\t\r\n', sheet), []);
  });
});

describe('long quotations', () => {
  it('a misquote in a quote of 150 words is found and its fix restores the verified word', () => {
    // Longer than the alignment's scratch table holds (151 × 151 cells): the table is made for it.
    const words = article.replace(/[^\p{L}\s]/gu, ' ').split(/\s+/).filter((w) => /^\p{Ll}{4,}$/u.test(w)).slice(0, 150);
    assert.equal(words.length, 150);
    const long = JSON.parse(fs.readFileSync(path.join(root, 'reference', 'facts.json'), 'utf8'));
    const speaker = long.quotes[0].speaker;
    long.quotes.push({ id: 'long-quote', text: words.join(' '), speaker, source: `“${words.join(' ')}”` });
    const longSheet = loadFactSheet(JSON.stringify(long));
    const changed = [...words];
    changed[100] = 'zzzz';
    const text = `The minister said: “${changed.join(' ')}.”`;
    const misquotes = check(text, longSheet).filter((f) => f.ruleId === 'quote-mismatch');
    assert.equal(misquotes.length, 1);
    assert.match(text.slice(misquotes[0].start, misquotes[0].end), /zzzz/);
    const fixed = applyFixes(text, misquotes).text;
    assert.equal(fixed, `The minister said: “${words.join(' ')}.”`);
  });
});
