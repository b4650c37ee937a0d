/**
 * A hostile fact sheet in the editor: its names, ids, quotes and sources hold command links,
 * javascript: links and HTML, and none of it reaches a hover as anything but escaped text.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { closeAll, hasRule, hoverText, poll, setSetting, waitForDiagnostics } from './helpers';

const hostileSheet = path.resolve(__dirname, '../../../test/fixtures/hostile/facts.json');
const DRAFT = 'The town counted 1,240 votes. Mayor Mal Icous called it a “fine deel”.\n';

/** Link targets and raw HTML tags that are not backslash-escaped. */
function activeParts(md: string): string[] {
  const unescaped = (i: number) => {
    let n = 0;
    while (i - 1 - n >= 0 && md[i - 1 - n] === '\\') n++;
    return n % 2 === 0;
  };
  const out: string[] = [];
  for (const m of md.matchAll(/\]\(([^)\s]*)/g)) if (unescaped(m.index!)) out.push(m[1]);
  for (const m of md.matchAll(/<\/?[A-Za-z][^>]*>?/g)) if (unescaped(m.index!)) out.push(m[0]);
  return out;
}

describe('safety: a hostile fact sheet', () => {
  after(async () => {
    await closeAll();
    await setSetting('factSheet', undefined);
  });

  it('hovers show its text escaped, with no command link but our own and no HTML', async () => {
    await setSetting('factSheet', hostileSheet);
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: DRAFT });
    await vscode.window.showTextDocument(document);
    const diagnostics = await waitForDiagnostics(document.uri, (ds) => hasRule('number-mismatch')(ds) && hasRule('quote-mismatch')(ds), 'findings from the hostile sheet');
    let checked = 0;
    for (const d of diagnostics) {
      const text = await poll('a hover', async () => (await hoverText(document.uri, d.range.start)) || undefined);
      const active = activeParts(text);
      const foreign = active.filter((t) => !t.startsWith('command:factCheck.openReference?') && !t.startsWith('https://github.com/newsroom-tools/'));
      assert.deepEqual(foreign, [], text);
      assert.ok(active.some((t) => t.startsWith('command:factCheck.openReference?')), 'our own link is there');
      assert.match(text, /\\\[\w+\\\]\(command:workbench\.action\.terminal/, 'the hostile text is shown, escaped');
      checked++;
    }
    assert.ok(checked >= 3, `hovers checked: ${checked}`);
  });
});
