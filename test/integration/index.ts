/**
 * Entry point of the integration suite for @vscode/test-electron and code-server's extension
 * host alike: runs mocha over the compiled `*.test.js` files next to this one and rejects if
 * any test fails.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

export async function run(): Promise<void> {
  // The web workbench (code-server) auto-saves after a delay by default; tests edit the fixture
  // drafts and revert them, so nothing may reach the disk.
  await vscode.workspace.getConfiguration('files').update('autoSave', 'off', vscode.ConfigurationTarget.Global);
  // FACTCHECK_TEST_GREP=pattern runs only the matching tests (while iterating on one).
  const grep = process.env.FACTCHECK_TEST_GREP;
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, reporter: 'spec', ...(grep ? { grep } : {}) });
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort();
  for (const f of files) mocha.addFile(path.join(__dirname, f));
  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} integration test(s) failed`)) : resolve()));
    } catch (e) {
      reject(e);
    }
  });
}
