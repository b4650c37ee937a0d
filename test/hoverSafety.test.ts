/**
 * A hostile fact sheet (test/fixtures/hostile: names, quotes, ids and sources holding command
 * links, javascript: links, <script>, <img onerror>, backticks and theme icons) cannot inject a
 * link, a command or HTML into a hover: the only links are the rule docs and our own command.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { check, checkCitations, describeFact, loadFactSheet } from '../src/core';
import { confirmationHoverMarkdown, escapeMarkdown, findingHoverMarkdown, HOVER_COMMANDS } from '../src/extension/hoverMarkdown';
import { RULE_DOCS_BASE } from '../src/extension/names';

const dir = path.resolve(__dirname, '..', '..', 'test', 'fixtures', 'hostile');
const sheet = loadFactSheet(fs.readFileSync(path.join(dir, 'facts.json'), 'utf8'));
const DRAFT = 'The town counted 1,240 votes. Mayor Mal Icous called it a “fine deel”.';

/**
 * What a Markdown renderer would treat as a link target, an autolink, raw HTML or a theme icon:
 * `](target)`, `<scheme:...>`, `<tag`, `$(icon)`, not preceded by a backslash escape.
 */
function activeParts(md: string): string[] {
  const out: string[] = [];
  const unescaped = (i: number) => {
    let n = 0;
    while (i - 1 - n >= 0 && md[i - 1 - n] === '\\') n++;
    return n % 2 === 0;
  };
  for (const m of md.matchAll(/\]\(([^)\s]*)/g)) if (unescaped(m.index!) ) out.push(`link ${m[1]}`);
  for (const m of md.matchAll(/<\/?[A-Za-z][^>]*>?/g)) if (unescaped(m.index!)) out.push(`html ${m[0]}`);
  for (const m of md.matchAll(/\$\(([\w-]+)\)/g)) if (unescaped(m.index!)) out.push(`icon ${m[1]}`);
  // GFM autolinks (the hover renderer makes these links): bare URLs and e-mail addresses, not in a link target.
  for (const m of md.matchAll(/(?:(?:https?|ftp):\/\/|www\.)[^\s<)]*/gi)) if (md.slice(m.index! - 2, m.index) !== '](') out.push(`autolink ${m[0]}`);
  for (const m of md.matchAll(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g)) out.push(`autolink ${m[0]}`);
  return out;
}

const ours = (part: string) =>
  part.startsWith(`link command:${HOVER_COMMANDS[0]}?`) || part.startsWith(`link ${RULE_DOCS_BASE}#rule-`) || part === 'icon go-to-file' || part === 'icon pass';

describe('hover safety with a hostile fact sheet', () => {
  const findings = check(DRAFT, sheet);

  it('the hostile sheet is a valid sheet whose citations are all in its article (so it reaches the hover)', () => {
    assert.deepEqual(checkCitations(sheet, fs.readFileSync(path.join(dir, 'article.txt'), 'utf8')), []);
    assert.deepEqual(findings.map((f) => f.ruleId).sort(), ['name-mismatch', 'number-mismatch', 'quote-mismatch']);
  });

  it('finding and confirmation hovers hold no link, HTML or icon but our own', () => {
    let hovers = 0;
    for (const f of findings) {
      const description = describeFact(sheet, f.factId);
      assert.ok(description, f.factId);
      for (const md of [findingHoverMarkdown(f, description), confirmationHoverMarkdown(description)]) {
        hovers++;
        const active = activeParts(md);
        assert.deepEqual(active.filter((p) => !ours(p)), [], md);
        assert.ok(active.some((p) => p.startsWith('link command:')), 'our own command link is still there');
        // The hostile words are shown, escaped, not dropped.
        assert.match(md, /\\\[\w+\\\]\(command:workbench\.action\.terminal/);
      }
    }
    assert.equal(hovers, 6);
  });

  it('the command link carries the fact id encoded: a hostile id cannot close the link', () => {
    const f = findings.find((x) => x.ruleId === 'number-mismatch')!;
    assert.match(f.factId, /\]\(command:/);
    const md = findingHoverMarkdown(f, describeFact(sheet, f.factId));
    const link = /\]\(command:factCheck\.openReference\?([^)]*)\)/.exec(md)!;
    assert.deepEqual(JSON.parse(decodeURIComponent(link[1])), [f.factId]);
  });

  it('only our own command is trusted', () => {
    assert.deepEqual(HOVER_COMMANDS, ['factCheck.openReference']);
  });

  it('escapeMarkdown neutralises every way to start a link, HTML, an icon or a block', () => {
    const hostile = ['https://evil.example/x', 'see www.evil.example now', 'ftp://files.example', 'mail reporter@evil.example', '[x](command:a)', '![i](javascript:b)', '<script>c</script>', '<img src=x onerror=d>', '`code`', '$(alert)', '<https://evil.example>', '[ref]: command:e', '\n\n# heading', '- list', '1. list', '&lt;script&gt;', '\\[x](command:f)'];
    for (const h of hostile) {
      const md = escapeMarkdown(h);
      assert.deepEqual(activeParts(md), [], `${h} → ${md}`);
      assert.doesNotMatch(md, /[\r\n]/);
      // Only backslash escapes are added: the renderer shows the text as written (one line).
      assert.equal(md.replace(/\\(.)/g, '$1'), h.replace(/\s*\n+\s*/g, ' '));
    }
  });

  it('BiDi overrides and isolates and control characters are shown as escapes, not applied', () => {
    for (const h of ['Araghchi \u202egnp.exe', 'a\u2066b\u2069c', 'x\u202ay\u202cz', 'ESC\x1b[2J here']) {
      const md = escapeMarkdown(h);
      assert.doesNotMatch(md, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/, JSON.stringify(md));
      assert.match(md, /\\\\(?:u202[ACE]|u206[69]|x1B)/, md);
    }
  });

  it('a hostile sheet with bare URLs, e-mail addresses and BiDi overrides gets no link in the hover', () => {
    const f = findings.find((x) => x.ruleId === 'number-mismatch')!;
    const description = { ...describeFact(sheet, f.factId)!, label: 'votes, see https://evil.example or www.evil.example', attribution: 'press@evil.example \u202eevil', source: 'Write to tips@evil.example or visit http://evil.example/\u202e.' };
    for (const md of [findingHoverMarkdown(f, description), confirmationHoverMarkdown(description)]) {
      assert.deepEqual(activeParts(md).filter((p) => !ours(p)), [], md);
      assert.doesNotMatch(md, /[\u202a-\u202e\u2066-\u2069]/);
    }
  });
});
