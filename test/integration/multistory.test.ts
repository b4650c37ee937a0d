/** A workspace of several stories: each draft checked against its own sheet, as the CLI does. */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { closeAll, codeOf, factDiagnostics, hasRule, hoverText, lacksRule, poll, setSetting, waitFor, waitForDiagnostics } from './helpers';

const ROOT = path.resolve(__dirname, '../../..');
const WORKSPACE = path.join(ROOT, 'test', 'fixtures', 'workspace-multi');
const uriOf = (rel: string) => vscode.Uri.file(path.join(WORKSPACE, rel));
const DRAFTS = ['council/draft.md', 'iran/draft.md', 'elsewhere/frontmatter.md'];

interface CliDiagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: string;
  code: string;
  message: string;
}

/** The shipped CLI (dist/cli.js), run from the workspace on the given drafts. */
function cli(...files: string[]): { code: number | null; files: Record<string, CliDiagnostic[]>; stderr: string } {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), '--format', 'json', ...files], {
    cwd: WORKSPACE,
    encoding: 'utf8',
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
  });
  const out = r.stdout ? (JSON.parse(r.stdout) as { files: { path: string; diagnostics: CliDiagnostic[] }[] }) : { files: [] };
  return { code: r.status, files: Object.fromEntries(out.files.map((f) => [f.path.split(path.sep).join('/'), f.diagnostics])), stderr: r.stderr };
}

const SEVERITY: Record<string, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};
const fromCli = (d: CliDiagnostic) => ({
  range: [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character],
  severity: SEVERITY[d.severity],
  code: d.code,
  message: d.message,
});
const fromEditor = (d: vscode.Diagnostic) => ({
  range: [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character],
  severity: d.severity,
  code: codeOf(d),
  message: d.message,
});

async function open(rel: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(uriOf(rel));
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}

/** Rewrites a workspace file for the duration of `body`, then restores it. */
async function withFile(rel: string, edit: (text: string) => string, body: () => Promise<void>): Promise<void> {
  const uri = uriOf(rel);
  const original = await vscode.workspace.fs.readFile(uri);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(edit(new TextDecoder().decode(original))));
  try {
    await body();
  } finally {
    await vscode.workspace.fs.writeFile(uri, original);
  }
}

describe('multi-story workspace (.factcheck.json)', () => {
  afterEach(closeAll);

  it('gives each draft the same findings as the CLI: mapped sheet, bundled story, front matter, config levels', async () => {
    const expected = cli(...DRAFTS);
    assert.equal(expected.code, 1, expected.stderr);
    for (const rel of DRAFTS) {
      const want = expected.files[rel].map(fromCli);
      assert.ok(want.length > 0, `${rel}: the CLI finds something`);
      const document = await open(rel);
      const got = await waitForDiagnostics(document.uri, (ds) => ds.length === want.length, `${want.length} findings`);
      assert.deepEqual(got.map(fromEditor), want, rel);
    }
    // The project file's level applies in the editor too.
    assert.ok(expected.files['council/draft.md'].some((d) => d.code === 'quote-unverified' && d.severity === 'info'));
  });

  it('source links, hovers and "open reference" use the draft\'s own sheet and article', async () => {
    const council = await open('council/draft.md');
    const [budget] = (await waitForDiagnostics(council.uri, hasRule('number-mismatch'))).filter((d) => codeOf(d) === 'number-mismatch');
    const related = budget.relatedInformation?.[0]?.location;
    assert.ok(related && related.uri.path.endsWith('/workspace-multi/council/article.txt'), related?.uri.path);
    const article = await vscode.workspace.openTextDocument(related.uri);
    assert.match(article.getText(related.range), /^The Riverton City Council approved a \$48\.2 million budget/);
    const hover = await poll('the hover', async () => {
      const t = await hoverText(council.uri, budget.range.start.translate(0, 1));
      // Issue 20: the hover adds only the cited sentence and its source link (no "Verified:" line).
      return t.includes('command:factCheck.openReference') ? t : undefined;
    });
    assert.ok(hover.includes('**$48.2 million**') || hover.includes('**\\$48.2 million**'), hover);

    const iran = await open('iran/draft.md');
    const ds = await waitForDiagnostics(iran.uri, hasRule('number-mismatch'));
    const iranRelated = ds.find((d) => codeOf(d) === 'number-mismatch')?.relatedInformation?.[0]?.location;
    assert.ok(iranRelated?.uri.path.endsWith('/reference/article.txt'), iranRelated?.uri.path);

    assert.equal(await vscode.commands.executeCommand('factCheck.openReference', 'budget', council.uri.toString()), true);
    const editor = vscode.window.activeTextEditor!;
    assert.ok(editor.document.uri.path.endsWith('/council/article.txt'));
    assert.match(editor.document.getText(editor.selection), /\$48\.2 million budget/);
  });

  it('the project file\'s levels win over the user\'s factCheck.severity for the rules it names; the settings decide the rest', async () => {
    const council = await open('council/draft.md');
    await waitForDiagnostics(council.uri, hasRule('number-mismatch'));
    try {
      await setSetting('severity', { 'quote-unverified': 'error', 'number-mismatch': 'warning' });
      const ds = await waitForDiagnostics(council.uri, (d) => d.some((x) => codeOf(x) === 'number-mismatch' && x.severity === vscode.DiagnosticSeverity.Warning), 'the user level');
      const quote = ds.find((d) => codeOf(d) === 'quote-unverified');
      assert.equal(quote?.severity, vscode.DiagnosticSeverity.Information, 'the project file names quote-unverified');
    } finally {
      await setSetting('severity', undefined);
    }
  });

  it('a broken sheet: a diagnostic at its JSON path, a notice on its drafts, the other drafts still checked', async () => {
    const cliRun = cli('broken/draft.md', 'council/draft.md');
    assert.equal(cliRun.code, 2);
    assert.match(cliRun.stderr, /broken[\\/]facts\.json: bad fact sheet\n {2}\$\.entities\[1\]\.name: must be a non-empty string/);

    const broken = await open('broken/draft.md');
    const [notice] = await waitForDiagnostics(broken.uri, (ds) => ds.length === 1, 'the not-checked notice');
    assert.equal(codeOf(notice), 'not-checked');
    assert.equal(notice.severity, vscode.DiagnosticSeverity.Information);
    assert.match(notice.message, /fact sheet .*broken[\\/]facts\.json is broken \(\$\.entities\[1\]\.name: must be a non-empty string\)/);

    const sheetUri = uriOf('broken/facts.json');
    const [problem] = await waitFor('the diagnostic on the sheet', vscode.languages.onDidChangeDiagnostics, () => {
      const ds = factDiagnostics(sheetUri);
      return ds.length ? ds : undefined;
    });
    assert.match(problem.message, /\$\.entities\[1\]\.name: must be a non-empty string/);
    const sheet = await vscode.workspace.openTextDocument(sheetUri);
    assert.equal(sheet.getText(problem.range), '"name": ""');

    const council = await open('council/draft.md');
    await waitForDiagnostics(council.uri, hasRule('number-mismatch'), 'the other story still checked');
  });

  it('a fact citing another story document (story.documents): its link, hover and "open reference" go to that document\'s sentence', async () => {
    const minutes = uriOf('council/minutes.txt');
    await vscode.workspace.fs.writeFile(minutes, new TextEncoder().encode('Minutes of the meeting\n\nMAYOR OKONKWO: This vote is a triumph for the whole city.\n'));
    try {
      await withFile(
        'council/facts.json',
        (t) => {
          const sheet = JSON.parse(t);
          sheet.story.documents = [{ id: 'minutes', path: 'minutes.txt', title: 'Council minutes' }];
          sheet.quotes.push({ id: 'triumph', text: 'a triumph for the whole city', speaker: 'okonkwo', document: 'minutes', source: 'MAYOR OKONKWO: This vote is a triumph for the whole city.' });
          return JSON.stringify(sheet);
        },
        async () => {
          const council = await open('council/draft.md');
          // Reyes is given the mayor's words: the finding cites the minutes, not the article.
          const ds = await waitForDiagnostics(council.uri, (d) => d.some((x) => x.relatedInformation?.[0]?.location.uri.path.endsWith('/council/minutes.txt')), 'a finding citing the minutes');
          const d = ds.find((x) => x.relatedInformation?.[0]?.location.uri.path.endsWith('/council/minutes.txt'))!;
          assert.match(d.relatedInformation![0].message, /Council minutes/);
          const hover = await poll('the hover', async () => {
            const t = await hoverText(council.uri, d.range.start.translate(0, 1));
            return t.includes('command:factCheck.openReference') ? t : undefined;
          });
          assert.match(hover, /minutes\.txt, line 3/);
          assert.equal(await vscode.commands.executeCommand('factCheck.openReference', 'triumph', council.uri.toString()), true);
          const editor = vscode.window.activeTextEditor!;
          assert.ok(editor.document.uri.path.endsWith('/council/minutes.txt'), editor.document.uri.path);
          assert.equal(editor.document.getText(editor.selection), 'MAYOR OKONKWO: This vote is a triumph for the whole city.');
        },
      );
    } finally {
      await vscode.workspace.fs.delete(minutes);
    }
  });

  it('a cited sentence missing from the article breaks the sheet, at that fact', async () => {
    const council = await open('council/draft.md');
    await waitForDiagnostics(council.uri, hasRule('number-mismatch'));
    await withFile('council/article.txt', (t) => t.replace('Councillor Tomas Reyes cast the only vote against it.', ''), async () => {
      const [notice] = await waitForDiagnostics(council.uri, (ds) => ds.length === 1 && codeOf(ds[0]) === 'not-checked', 'the not-checked notice');
      assert.match(notice.message, /\$\.entities\[2\]\.source: the cited sentence is not in the article/);
    });
    await waitForDiagnostics(council.uri, hasRule('number-mismatch'), 'checked again once the article is whole');
  });

  it('editing a sheet or the config on disk checks the open drafts again', async () => {
    const council = await open('council/draft.md');
    await waitForDiagnostics(council.uri, hasRule('number-mismatch'));
    // A sheet that agrees with the draft's figure.
    await withFile('council/facts.json', (t) => t.replace(/48\.2/g, '84.2').replace('48200000', '84200000'), async () => {
      await waitForDiagnostics(council.uri, lacksRule('number-mismatch'), 'the edited sheet in force');
    });
    await waitForDiagnostics(council.uri, hasRule('number-mismatch'), 'the restored sheet in force');
    // The config turns the rule off for every draft under it.
    await withFile('.factcheck.json', (t) => t.replace('"quote-unverified": "information"', '"quote-unverified": "information", "number-mismatch": "off"'), async () => {
      await waitForDiagnostics(council.uri, lacksRule('number-mismatch'), 'the rule turned off by the config');
    });
    await waitForDiagnostics(council.uri, hasRule('number-mismatch'), 'the restored config in force');
  });

  it('front matter naming a sheet outside the workspace folder is not read: the draft gets the notice', async () => {
    const draft = await open('elsewhere/frontmatter.md');
    await waitForDiagnostics(draft.uri, hasRule('number-mismatch'));
    // ../../cli/council/facts.json is a real sheet, outside the workspace folder (test/fixtures/workspace-multi).
    await withFile('elsewhere/frontmatter.md', (t) => t.replace('facts: ../council/facts.json', 'facts: ../../cli/council/facts.json'), async () => {
      const [notice] = await waitForDiagnostics(draft.uri, (ds) => ds.length === 1 && codeOf(ds[0]) === 'not-checked', 'the not-checked notice');
      assert.match(notice.message, /outside the project folder/);
    });
    await waitForDiagnostics(draft.uri, hasRule('number-mismatch'), 'checked again once the front matter names a sheet inside');
  });

  it('a broken config: a diagnostic at its JSON path, its drafts get the notice', async () => {
    const council = await open('council/draft.md');
    await waitForDiagnostics(council.uri, hasRule('number-mismatch'));
    await withFile('.factcheck.json', (t) => t.replace('"information"', '"loud"'), async () => {
      await waitForDiagnostics(council.uri, (ds) => ds.length === 1 && codeOf(ds[0]) === 'not-checked', 'the not-checked notice');
      const [problem] = await waitFor('the diagnostic on the config', vscode.languages.onDidChangeDiagnostics, () => {
        const ds = factDiagnostics(uriOf('.factcheck.json'));
        return ds.length ? ds : undefined;
      });
      const config = await vscode.workspace.openTextDocument(uriOf('.factcheck.json'));
      assert.equal(config.getText(problem.range), '"quote-unverified": "loud"');
      assert.match(problem.message, /\$\.severity\.quote-unverified: must be one of/);
    });
    await waitForDiagnostics(council.uri, hasRule('number-mismatch'), 'checked again');
    await waitFor('the config diagnostic cleared', vscode.languages.onDidChangeDiagnostics, () => (factDiagnostics(uriOf('.factcheck.json')).length ? undefined : true));
  });
});
