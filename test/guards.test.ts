import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');
// Loaded at run time from the project's own typescript, not bundled into this test.
const ts: typeof import('typescript') = createRequire(path.join(root, 'package.json'))('typescript');

function sourceFiles(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => /\.(?:ts|tsx|mts|cts|js|mjs|cjs)$/.test(f) && !f.endsWith('.d.ts'))
    .map((f) => path.join(dir, f))
    .sort();
}

const parsed = new Map<string, import('typescript').SourceFile>();
const parse = (file: string) => {
  let sf = parsed.get(file);
  if (!sf) parsed.set(file, (sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true)));
  return sf;
};

/** Module specifiers a file imports: import/export from, import(), require(), import x = require(). */
function importsOf(file: string): { spec: string; line: number }[] {
  const sf = parse(file);
  const out: { spec: string; line: number }[] = [];
  const add = (n: import('typescript').Node | undefined) => {
    if (n && ts.isStringLiteralLike(n)) out.push({ spec: n.text, line: sf.getLineAndCharacterOfPosition(n.getStart()).line + 1 });
  };
  const visit = (n: import('typescript').Node) => {
    if (ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) add(n.moduleSpecifier);
    else if (ts.isImportEqualsDeclaration(n) && ts.isExternalModuleReference(n.moduleReference)) add(n.moduleReference.expression);
    else if (ts.isCallExpression(n) && (n.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(n.expression) && n.expression.text === 'require'))) add(n.arguments[0]);
    else if (ts.isImportTypeNode(n) && ts.isLiteralTypeNode(n.argument)) add(n.argument.literal);
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

/** The text of a file's tokens (identifiers, strings, templates, regexes): comments left out. */
function codeWithoutComments(file: string): { text: string; line: number }[] {
  const sf = parse(file);
  const out: { text: string; line: number }[] = [];
  const visit = (n: import('typescript').Node) => {
    if (n.kind >= ts.SyntaxKind.FirstJSDocNode && n.kind <= ts.SyntaxKind.LastJSDocNode) return;
    const kids = n.getChildren(sf);
    if (!kids.length) {
      if (n.kind !== ts.SyntaxKind.EndOfFileToken) out.push({ text: n.getText(sf), line: sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1 });
      return;
    }
    kids.forEach(visit);
  };
  visit(sf);
  return out;
}

describe('guards: the core stays pure', () => {
  const core = path.join(root, 'src', 'core');
  const files = sourceFiles(core);

  it('finds the core sources', () => {
    assert.ok(files.length >= 5, `only ${files.length} files under src/core`);
    assert.ok(files.some((f) => f.endsWith(path.join('core', 'index.ts'))));
  });

  it("no file under src/core imports 'vscode', 'fs' or 'path' (with or without node:)", () => {
    const bad: string[] = [];
    for (const f of files) {
      for (const { spec, line } of importsOf(f)) {
        if (spec === 'vscode' || /^(?:node:)?(?:fs|path)(?:\/.*)?$/.test(spec)) bad.push(`${path.relative(root, f)}:${line} imports '${spec}'`);
      }
    }
    assert.deepEqual(bad, []);
  });

  it('relative imports of the core stay inside src/core', () => {
    const bad: string[] = [];
    for (const f of files) {
      for (const { spec, line } of importsOf(f)) {
        if (!spec.startsWith('.')) continue;
        const target = path.resolve(path.dirname(f), spec);
        if (path.relative(core, target).startsWith('..')) bad.push(`${path.relative(root, f)}:${line} imports '${spec}'`);
      }
    }
    assert.deepEqual(bad, []);
  });

  it('the import scanner sees every import form (self-check)', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'guards-'));
    try {
      const f = path.join(tmp, 'x.ts');
      fs.writeFileSync(
        f,
        "import a from 'node:fs';\nimport * as b from \"path\";\nexport { c } from 'vscode';\nconst d = require('fs/promises');\nconst e = import('node:path');\nimport g = require('x');\ntype T = import('y').Z;\n// import z from 'not-me';\n",
      );
      assert.deepEqual(
        importsOf(f).map((i) => i.spec),
        ['node:fs', 'path', 'vscode', 'fs/promises', 'node:path', 'x', 'y'],
      );
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});

describe('guards: the front doors stay apart', () => {
  const cli = path.join(root, 'src', 'cli');
  const relativeTargets = (f: string) => importsOf(f).filter(({ spec }) => spec.startsWith('.')).map(({ spec, line }) => ({ target: path.resolve(path.dirname(f), spec), line }));

  it('no file under src/cli imports from src/extension', () => {
    const bad: string[] = [];
    for (const f of sourceFiles(cli)) for (const { target, line } of relativeTargets(f)) if (!path.relative(path.join(root, 'src', 'extension'), target).startsWith('..')) bad.push(`${path.relative(root, f)}:${line}`);
    assert.deepEqual(bad, []);
  });

  it('cli/run.ts and cli/extract.ts do not import each other: the run hands extract its arguments, extract reads its article itself', () => {
    const imports = (from: string, to: string) => relativeTargets(path.join(cli, from)).some(({ target }) => target === path.join(cli, to));
    assert.equal(imports('extract.ts', 'run'), false);
  });
});

describe('guards: no story knowledge in src/**', function () {
  // Scanning every source file for every story term takes seconds; on a loaded machine, more.
  this.timeout(120_000);
  // Every story the project knows: the bundled one and the test stories (the engine must not
  // have learnt any of them by name).
  const storyDir = path.join(root, 'test', 'fixtures', 'stories');
  const sheetFiles = [
    path.join(root, 'reference', 'facts.json'),
    path.join(root, 'test', 'fixtures', 'cli', 'council', 'facts.json'),
    ...fs.readdirSync(storyDir).map((d) => path.join(storyDir, d, 'facts.json')),
  ];
  const terms = new Set<string>();
  for (const sheet of sheetFiles.map((f) => JSON.parse(fs.readFileSync(f, 'utf8')))) addTerms(sheet);
  function addTerms(sheet: any): void {
  // Proper names (a capital letter: a body called "league" is a common noun) and figures of three
  // digits or more (small numbers such as 12 or 40 are the engine's own tables and limits).
  for (const e of sheet.entities) for (const n of [e.name, ...(e.aliases ?? [])]) if (n.length > 3 && /\p{Lu}/u.test(n)) terms.add(n);
  for (const n of sheet.otherNames ?? []) if (n.length > 3) terms.add(n);
  for (const f of sheet.figures) {
    if (f.text.replace(/\D/g, '').length < 3) continue;
    terms.add(f.text);
    for (const m of f.text.match(/\d+(?:[.,]\d+)*/g) ?? []) if (m.length > 2) terms.add(m); // "11,280" of "over 11,280"
  }
  for (const q of sheet.quotes) terms.add(q.text);
  }
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // Case-sensitive, whole words: "Iran" must not match "Iranian", "2024" must not match "20245".
  const patterns = [...terms].map((t) => ({ t, re: new RegExp(`(?<![\\p{L}\\p{N}_])${escape(t)}(?![\\p{L}\\p{N}_])`, 'u') }));
  const files = sourceFiles(path.join(root, 'src'));

  it('reads the story terms from the fact sheet', () => {
    for (const t of ['Araghchi', 'Iran', '3,117', 'never negotiable']) assert.ok(terms.has(t), `expected ${t} among the terms`);
    assert.ok(!terms.has('USA'), 'names of 3 characters or fewer are left out');
  });

  it('no source file under src/ names the story in code or strings (comments aside)', () => {
    assert.ok(files.length > 0);
    const hits: string[] = [];
    for (const f of files) {
      for (const tok of codeWithoutComments(f)) {
        for (const { t, re } of patterns) if (re.test(tok.text)) hits.push(`${path.relative(root, f)}:${tok.line}: ${JSON.stringify(t)} in ${tok.text.slice(0, 80)}`);
      }
    }
    assert.deepEqual(hits, []);
  });

  it('the scan looks at strings, template literals and regexes but not comments (self-check)', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'guards-'));
    try {
      const f = path.join(tmp, 'x.ts');
      fs.writeFileSync(f, "// Araghchi in a comment\n/** 3,117 in JSDoc */\nconst a = 'Muscat';\nconst b = `x ${a} 6,872`;\nconst c = /Witkoff\\/x/;\nconst d = 'Iranian';\n");
      const found = new Set<string>();
      for (const tok of codeWithoutComments(f)) for (const { t, re } of patterns) if (re.test(tok.text)) found.add(t);
      assert.deepEqual([...found].sort(), ['6,872', 'Muscat', 'Witkoff']);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});

describe('guards: no network, no subprocess, no code evaluation in src/**', () => {
  const files = sourceFiles(path.join(root, 'src'));
  const NET = /^(?:node:)?(?:http|https|http2|net|tls|dgram|dns|child_process|worker_threads|vm)(?:\/.*)?$/;

  // The one exception: the CLI's loader compiles the product's own bundle (dist/cli-main.js, a
  // fixed path beside it) through vm.Script to use a V8 code cache; it reads nothing else.
  const VM_LOADER = path.join('src', 'cli', 'bin.ts');

  it("no file under src/ imports http, https, net, tls, dns, child_process, worker_threads or vm", () => {
    const bad: string[] = [];
    for (const f of files)
      for (const { spec, line } of importsOf(f)) {
        const rel = path.relative(root, f);
        if (NET.test(spec) && !(rel === VM_LOADER && /^(?:node:)?vm$/.test(spec))) bad.push(`${rel}:${line} imports '${spec}'`);
      }
    assert.deepEqual(bad, []);
  });

  it('the CLI loader compiles only its own bundle, by a fixed path beside it', () => {
    const src = fs.readFileSync(path.join(root, VM_LOADER), 'utf8');
    assert.match(src, /const main = path\.join\(__dirname, 'cli-main\.js'\);/);
    assert.equal(src.match(/new vm\.Script\(/g)?.length, 1);
    assert.match(src, /new vm\.Script\(Module\.wrap\(source/);
    assert.match(src, /source = fs\.readFileSync\(main, 'utf8'\)/);
  });

  it('no file under src/ calls fetch, eval, new Function, WebSocket or XMLHttpRequest', () => {
    const bad: string[] = [];
    for (const f of files) {
      const toks = codeWithoutComments(f);
      toks.forEach((t, i) => {
        const next = toks[i + 1]?.text;
        if (['fetch', 'eval', 'WebSocket', 'XMLHttpRequest', 'EventSource'].includes(t.text) && next === '(') bad.push(`${path.relative(root, f)}:${t.line} calls ${t.text}(`);
        if (t.text === 'new' && next === 'Function') bad.push(`${path.relative(root, f)}:${t.line} uses new Function`);
        if (['WebSocket', 'XMLHttpRequest'].includes(t.text) && toks[i - 1]?.text === 'new') bad.push(`${path.relative(root, f)}:${t.line} uses new ${t.text}`);
      });
    }
    assert.deepEqual(bad, []);
  });

  it('the scan sees imports and calls of each kind (self-check)', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'guards-'));
    try {
      const f = path.join(tmp, 'x.ts');
      fs.writeFileSync(f, "import h from 'node:https';\nconst c = require('child_process');\nfetch('x');\neval('1');\nconst g = new Function('return 1');\n// fetch('in a comment')\n");
      assert.deepEqual(importsOf(f).map((i) => i.spec).filter((s) => NET.test(s)), ['node:https', 'child_process']);
      const toks = codeWithoutComments(f).map((t) => t.text);
      assert.ok(toks.includes('fetch') && toks.includes('eval') && toks.includes('Function'));
      assert.equal(toks.filter((t) => t === 'fetch').length, 1, 'comments are not scanned');
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('package.json declares support for untrusted workspaces (the product behaves the same there)', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    assert.equal(pkg.capabilities?.untrustedWorkspaces?.supported, true);
  });
});
