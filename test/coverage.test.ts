import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { allFacts, check, coverage, loadFactSheet, type CoverageReport } from '../src/core';
import { formatCoverage } from '../src/cli/coverage';

const root = path.resolve(__dirname, '..', '..');
const council = loadFactSheet(fs.readFileSync(path.join(root, 'test', 'fixtures', 'cli', 'council', 'facts.json'), 'utf8'));
const bundled = loadFactSheet(fs.readFileSync(path.join(root, 'reference', 'facts.json'), 'utf8'));
const draft = fs.readFileSync(path.join(root, 'test', 'fixtures', 'coverage', 'council.md'), 'utf8');

const texts = (text: string, ranges: { start: number; end: number }[]) => ranges.map((r) => text.slice(r.start, r.end));
const unknownOf = (r: CoverageReport, kind: string) => r.unknown.filter((u) => u.kind === kind).map((u) => u.text);

describe('coverage', () => {
  const report = coverage(draft, council);

  it('lists the facts the draft uses, with where', () => {
    const used = new Map(report.used.map((u) => [u.factId, texts(draft, u.ranges)]));
    assert.deepEqual(used.get('okonkwo'), ['Okonkwo']);
    assert.deepEqual(used.get('careful-but-fair'), ['careful but fair']);
    assert.deepEqual(used.get('teachers'), ['112']);
  });

  it('lists the facts the draft contradicts, with the rule and where, exactly as check() flags them', () => {
    assert.deepEqual(
      report.contradicted.map((c) => [c.factId, c.ruleId, texts(draft, c.ranges)]),
      [['budget', 'number-mismatch', ['$84.2 million']]],
    );
    const flagged = check(draft, council).filter((f) => f.factId);
    assert.deepEqual(report.contradicted.flatMap((c) => c.ranges), flagged.map((f) => ({ start: f.start, end: f.end })));
  });

  it('lists every other fact of the sheet as not used, in sheet order', () => {
    assert.ok(report.unused.includes('reyes'), 'the councillor is not in the draft');
    assert.ok(!report.unused.includes('okonkwo') && !report.unused.includes('budget'));
    const order = allFacts(council).map((f) => f.id);
    assert.deepEqual(report.unused, order.filter((id) => report.unused.includes(id)));
  });

  it('lists figures, names and quotes the sheet does not hold', () => {
    assert.deepEqual(unknownOf(report, 'figure'), ['40']);
    assert.deepEqual(unknownOf(report, 'quote'), ['a very good deal for the city']);
    assert.deepEqual(unknownOf(report, 'name'), ['Police Chief Anna Berg', 'Berg', 'Harbor Street']);
  });

  it('takes no headline word, sentence opener, month or scare quote for an unknown item', () => {
    const all = report.unknown.map((u) => u.text).join(' | ');
    for (const word of ['Passes', 'Late', 'Yesterday', 'Officials', 'March', 'Wednesday', 'plan']) {
      assert.ok(!report.unknown.some((u) => u.text.includes(word) && u.kind !== 'quote'), `${word} in ${all}`);
    }
    assert.ok(!unknownOf(report, 'quote').includes('plan'), 'a one-word scare quote is not a quote to verify');
  });

  it('lists an unverified quote even when the rule is off, and never a verified one', () => {
    const quiet = coverage(draft, council, { reportUnverifiedQuotes: false });
    assert.deepEqual(unknownOf(quiet, 'quote'), ['a very good deal for the city']);
    assert.ok(!unknownOf(quiet, 'quote').includes('careful but fair'));
  });

  it('correct copy contradicts nothing', () => {
    const article = fs.readFileSync(path.join(root, 'test', 'fixtures', 'cli', 'council', 'article.txt'), 'utf8');
    const r = coverage(article, council, { markdown: false });
    assert.deepEqual(r.contradicted, []);
    assert.ok(r.used.length >= 5, `${r.used.length} facts used`);
  });

  it('splits every fact of another story into used, contradicted or not used', () => {
    const sample = fs.readFileSync(path.join(root, 'samples', 'draft.md'), 'utf8');
    const r = coverage(sample, bundled);
    const seen = new Set([...r.used.map((u) => u.factId), ...r.contradicted.map((c) => c.factId)]);
    assert.deepEqual([...seen, ...r.unused].sort(), [...new Set(allFacts(bundled).map((f) => f.id))].sort());
    assert.equal(r.contradicted.reduce((n, c) => n + c.ranges.length, 0), check(sample, bundled).filter((f) => f.factId).length);
  });
});

describe('CLI coverage summary (formatCoverage)', () => {
  it('names the draft, each group with its count, and every item with its place', () => {
    const out = formatCoverage('stories/council/draft.md', draft, council, coverage(draft, council));
    const lines = out.trimEnd().split('\n');
    assert.equal(lines[0], `stories/council/draft.md: coverage by the fact sheet of "${council.story.title}"`);
    assert.ok(lines.includes('  Contradicted (1)'), out);
    // The wrong budget sits on line 3, column 38 (1-based), as the findings report it.
    assert.ok(lines.some((l) => /^ {4}3:38 {2}number-mismatch {2}\$48\.2 million — budget approved .*\[budget\]$/.test(l)), out);
    assert.ok(lines.some((l) => /^ {4}3:\d+ {2}Delia Okonkwo.*\[okonkwo\]$/.test(l)), out);
    assert.ok(lines.some((l) => /^ {4}Tomas Reyes.*\[reyes\]$/.test(l)), out);
    assert.ok(lines.includes('  Not in the sheet (5)'), out);
    assert.ok(lines.some((l) => /^ {4}5:\d+ {2}quote {2}a very good deal for the city$/.test(l)), out);
  });
});
