/**
 * Adversarial drafts (test/helpers/adversarial.ts): each completes without throwing or
 * overflowing the stack, and its findings are well formed. Correctness only: the timings of the
 * same inputs are in the benchmark (bench/adversarial.ts → bench/adversarial.json).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { analyze, applyFixes, loadFactSheet, type Finding } from '../src/core';
import { ADVERSARIAL, ADVERSARIAL_SIZE, FIXED_SIZE } from './helpers/adversarial';

const root = path.resolve(__dirname, '..', '..');
const sheet = loadFactSheet(fs.readFileSync(path.join(root, 'reference', 'facts.json'), 'utf8'));

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
const splitsPair = (text: string, o: number) => o > 0 && o < text.length && isHigh(text.charCodeAt(o - 1)) && isLow(text.charCodeAt(o));

function wellFormed(text: string, findings: Finding[]): string[] {
  const bad: string[] = [];
  const range = (what: string, s: number, e: number) => {
    if (!(0 <= s && s <= e && e <= text.length)) bad.push(`${what} ${s}-${e} outside a text of ${text.length}`);
    else if (splitsPair(text, s) || splitsPair(text, e)) bad.push(`${what} ${s}-${e} splits a surrogate pair`);
  };
  let prev = -1;
  for (const f of findings) {
    range(f.ruleId, f.start, f.end);
    if (f.start < prev) bad.push(`findings out of order at ${f.start}`);
    prev = f.start;
    for (const x of f.fixes) for (const e of x.edits) range(`edit of ${f.ruleId}`, e.start, e.end);
  }
  return bad.slice(0, 5);
}

describe(`adversarial drafts (${ADVERSARIAL.length} inputs of about ${ADVERSARIAL_SIZE / 1024} KB)`, () => {
  for (const input of ADVERSARIAL) {
    it(`${input.name}: completes, every range valid, fixes apply`, () => {
      const text = input.build(ADVERSARIAL_SIZE);
      assert.ok(text.length >= ADVERSARIAL_SIZE * 0.9 || FIXED_SIZE.has(input.name), `input is only ${text.length} code units`);
      // As Markdown at full size, as plain text at a quarter of it (the masking differs).
      for (const [markdown, t] of [[true, text], [false, input.build(ADVERSARIAL_SIZE / 4)]] as const) {
        const { findings, confirmations } = analyze(t, sheet, { cache: false, markdown });
        assert.deepEqual(wellFormed(t, findings), []);
        for (const c of confirmations) assert.ok(0 <= c.start && c.start < c.end && c.end <= t.length);
        // Fix-all applies cleanly: each fix changes a few characters, nothing else moves.
        const fixed = applyFixes(t, findings).text;
        assert.ok(Math.abs(fixed.length - t.length) <= findings.length * 64);
      }
    });
  }

  it('the inputs are what their names say (sizes and shapes)', () => {
    const byName = new Map(ADVERSARIAL.map((a) => [a.name, a.build(ADVERSARIAL_SIZE)]));
    assert.equal(byName.get('200,000 short lines')!.split('\n').length - 1, 200_000);
    assert.equal(byName.get('a single 1 MB line of prose')!.includes('\n'), false);
    assert.match(byName.get('50k nested brackets')!, /^\[{50000}x\]{50000}$/);
    assert.ok([...byName.get('1 MB of NUL bytes')!].every((c) => c === '\u0000'));
    assert.equal(byName.get('5000 HTML tags on an unterminated last line')!, '<b>x</b> '.repeat(5000));
    assert.equal(byName.get('10,000 links on an unterminated last line')!.split('](').length - 1, 10_000);
  });

  // The masked regions of a last line without a line break are masked once, together: it costs
  // what the same line with a final line break costs (once 19 s against 0.13 s for 5000 tags).
  for (const name of ['5000 HTML tags on an unterminated last line', '10,000 links on an unterminated last line'])
    it(`${name}: checks as fast as the same line ending in a line break`, () => {
      const text = ADVERSARIAL.find((a) => a.name === name)!.build(ADVERSARIAL_SIZE);
      const ms = (t: string) => {
        const t0 = process.hrtime.bigint();
        const findings = analyze(t, sheet, { cache: false }).findings;
        return { ms: Number(process.hrtime.bigint() - t0) / 1e6, findings };
      };
      ms(text + '\n');
      const terminated = ms(text + '\n');
      const open = ms(text);
      assert.deepEqual(open.findings.map((f) => [f.start, f.ruleId]), terminated.findings.map((f) => [f.start, f.ruleId]));
      assert.ok(open.ms < 5 * terminated.ms + 300, `${open.ms.toFixed(0)} ms without the final line break, ${terminated.ms.toFixed(0)} ms with it`);
    });
});
