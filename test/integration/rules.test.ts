/**
 * One generated test per rule: test/fixtures/integration/<rule>.md holds a draft with one
 * divergence and, in an HTML comment, what the editor must show for it. Each test checks the
 * diagnostic, its link to the reference article, the hover, and round-trips the quick fix.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { RULE_IDS } from '../../src/core';
import {
  closeAll,
  codeActions,
  codeOf,
  draftText,
  hoverText,
  lacksRule,
  openFixture,
  parseExpectations,
  pollCodeAction,
  runCodeAction,
  SOURCE,
  waitForDiagnostics,
} from './helpers';

describe('rules in the editor', () => {
  afterEach(closeAll);

  for (const rule of RULE_IDS) {
    it(`${rule}: diagnostic, source link, hover, quick fix`, async () => {
      const editor = await openFixture(`${rule}.md`);
      const { document } = editor;
      const uri = document.uri;
      const expected = parseExpectations(document.getText());
      assert.equal(expected.rule, rule, 'fixture expectation names another rule');

      // Exactly this finding: a state left over from an earlier test must not satisfy the wait.
      const diagnostics = await waitForDiagnostics(uri, (ds) => ds.length === 1 && codeOf(ds[0]) === rule, rule);
      const [diagnostic] = diagnostics;
      assert.equal(document.getText(diagnostic.range), expected.flagged);
      assert.ok(diagnostic.message.includes(expected.message!), `message "${diagnostic.message}" lacks "${expected.message}"`);
      assert.equal(diagnostic.source, SOURCE);
      assert.equal(
        diagnostic.severity,
        rule === 'quote-unverified' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Error,
      );
      const code = diagnostic.code as { value: string; target: vscode.Uri };
      assert.equal(code.value, rule);
      assert.ok(code.target.toString(true).endsWith(`#rule-${rule}`), `code target ${code.target.toString(true)}`);

      if (expected.source) {
        // The related location is the cited sentence in the bundled article.
        const related = diagnostic.relatedInformation ?? [];
        assert.equal(related.length, 1, 'one related location');
        const location = related[0].location;
        assert.ok(location.uri.path.endsWith('/reference/article.txt'), `related uri ${location.uri.toString(true)}`);
        const article = await vscode.workspace.openTextDocument(location.uri);
        const sentence = article.getText(location.range);
        assert.ok(sentence.includes(expected.source.replace(/\*\*/g, '')), `related range "${sentence}"`);

        const hover = await hoverText(uri, diagnostic.range.start);
        assert.ok(hover.includes(expected.source), `hover lacks the source sentence:\n${hover}`);
        assert.ok(hover.includes('command:factCheck.openReference?'), 'hover lacks the link to the article');
      }

      if (expected.fixed.length) {
        const fix = await pollCodeAction(uri, diagnostic.range, (a) => !!a.isPreferred);
        assert.ok(/verified/i.test(fix.title), `fix title "${fix.title}"`);
        assert.equal(await runCodeAction(fix), true, 'fix applied');
        await waitForDiagnostics(uri, lacksRule(rule), `${rule} gone after the fix`);
        // The draft only: the expectation comment itself quotes the fixed line.
        for (const line of expected.fixed) assert.ok(draftText(document).includes(line), `fixed text lacks "${line}"`);
      } else {
        await pollCodeAction(uri, diagnostic.range, (a) => a.title === 'Ignore this divergence');
        const actions = await codeActions(uri, diagnostic.range);
        assert.ok(!actions.some((a) => a.isPreferred), 'no fix offered for a finding without one');
      }
    });
  }
});
