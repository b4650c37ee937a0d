/** The Get Started walkthrough: its steps, their media in the extension, and the commands they run. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, waitForDiagnostics } from './helpers';

interface Step {
  id: string;
  title: string;
  description: string;
  media: { markdown?: string; image?: string; altText?: string };
}

describe('Get Started walkthrough', () => {
  afterEach(closeAll);

  it('has the four steps, each with media shipped in the extension and commands that exist', async () => {
    const ext = vscode.extensions.all.find((e) => e.packageJSON?.name === 'newsroom-fact-check');
    assert.ok(ext, 'extension found');
    await ext.activate();
    const [walkthrough] = ext.packageJSON.contributes.walkthroughs as { id: string; steps: Step[] }[];
    assert.deepEqual(
      walkthrough.steps.map((s) => s.title),
      ['Open a draft', 'See a divergence', 'Apply a fix', 'Set up a new story from an article'],
    );
    const commands = new Set(await vscode.commands.getCommands(true));
    for (const step of walkthrough.steps) {
      const media = step.media.markdown ?? step.media.image;
      assert.ok(media, step.id);
      const stat = await vscode.workspace.fs.stat(vscode.Uri.joinPath(ext.extensionUri, media));
      assert.ok(stat.size > 0, `${media} is in the extension`);
      if (step.media.image) assert.ok(step.media.altText, `${step.id} image has alt text`);
      for (const m of step.description.matchAll(/\(command:([\w.]+)\)/g)) assert.ok(commands.has(m[1]), `${step.id}: command ${m[1]} exists`);
    }
    assert.ok(ext.packageJSON.icon && (await vscode.workspace.fs.stat(vscode.Uri.joinPath(ext.extensionUri, ext.packageJSON.icon))).size > 0, 'the icon is shipped');
  });

  it('"Open a Sample Draft" opens a draft about the bundled story, with its divergences flagged', async () => {
    const uri = await vscode.commands.executeCommand<string>('factCheck.openSample');
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
    assert.ok(document, 'the sample is open');
    assert.equal(document.languageId, 'markdown');
    const diagnostics = await waitForDiagnostics(document.uri, (ds) => ds.length >= 5, 'the sample findings');
    assert.ok(diagnostics.some((d) => document.getText(d.range) === '3,171'));
  });
});
