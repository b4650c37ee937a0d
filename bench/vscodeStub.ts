/**
 * A minimal stand-in for the `vscode` module, enough to load dist/extension.js and run
 * `activate(context)` outside VS Code. The members the extension uses at activation are
 * implemented (Uri, EventEmitter, workspace.fs.readFile on the real disk, configuration
 * defaults, diagnostic collection, registrations returning disposables); anything else is
 * answered by a generic Proxy, and every such access is counted so the bench can say so.
 */
import fs from 'node:fs';
import nodePath from 'node:path';

export interface StubProbe {
  /** `vscode` API members answered by the generic Proxy (not implemented by the stub). */
  proxied: Set<string>;
  /** Reads through workspace.fs, still pending. */
  pending: Set<Promise<unknown>>;
  /** Called whenever the extension publishes diagnostics for a document. */
  onDiagnostics?: (uri: string, count: number) => void;
}

function anything(name: string, probe: StubProbe): unknown {
  const fn = function () {};
  return new Proxy(fn, {
    get(_t, key) {
      if (key === 'then') return undefined; // not a thenable
      if (key === Symbol.toPrimitive) return () => '';
      if (key === 'dispose') return () => {};
      probe.proxied.add(`${name}.${String(key)}`);
      return anything(`${name}.${String(key)}`, probe);
    },
    apply() {
      probe.proxied.add(`${name}()`);
      return anything(`${name}()`, probe);
    },
    construct() {
      probe.proxied.add(`new ${name}`);
      return anything(`new ${name}`, probe) as object;
    },
  });
}

/** An object whose missing members fall back to the generic Proxy. */
function partial<T extends object>(name: string, impl: T, probe: StubProbe): T {
  return new Proxy(impl, {
    get(t, key) {
      if (key in t || typeof key === 'symbol' || key === 'then') return (t as Record<string | symbol, unknown>)[key];
      probe.proxied.add(`${name}.${String(key)}`);
      return anything(`${name}.${String(key)}`, probe);
    },
  });
}

class Disposable {
  constructor(private readonly fn: () => void = () => {}) {}
  static from(...ds: { dispose(): unknown }[]) {
    return new Disposable(() => ds.forEach((d) => d.dispose()));
  }
  dispose() {
    this.fn();
  }
}

class EventEmitter<T> {
  private listeners: ((e: T) => unknown)[] = [];
  event = (listener: (e: T) => unknown) => {
    this.listeners.push(listener);
    return new Disposable(() => (this.listeners = this.listeners.filter((l) => l !== listener)));
  };
  fire(e: T) {
    for (const l of [...this.listeners]) l(e);
  }
  dispose() {
    this.listeners = [];
  }
}

class Uri {
  constructor(
    readonly scheme: string,
    readonly authority: string,
    readonly path: string,
    readonly query = '',
    readonly fragment = '',
  ) {}
  static file(p: string) {
    return new Uri('file', '', p.split(nodePath.sep).join('/'));
  }
  static parse(s: string) {
    const m = /^([a-z][\w+.-]*):(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/i.exec(s);
    return m ? new Uri(m[1], m[2] ?? '', m[3], m[4] ?? '', m[5] ?? '') : new Uri('file', '', s);
  }
  static joinPath(base: Uri, ...parts: string[]) {
    return base.with({ path: nodePath.posix.normalize([base.path, ...parts].join('/')) });
  }
  get fsPath() {
    return this.path;
  }
  with(c: Partial<Pick<Uri, 'scheme' | 'authority' | 'path' | 'query' | 'fragment'>>) {
    return new Uri(c.scheme ?? this.scheme, c.authority ?? this.authority, c.path ?? this.path, c.query ?? this.query, c.fragment ?? this.fragment);
  }
  toString() {
    return `${this.scheme}:${this.scheme === 'file' || this.authority ? '//' + this.authority : ''}${this.path}${this.query ? '?' + this.query : ''}${this.fragment ? '#' + this.fragment : ''}`;
  }
  toJSON() {
    return this.toString();
  }
}

class Position {
  constructor(
    readonly line: number,
    readonly character: number,
  ) {}
}
class Range {
  readonly start: Position;
  readonly end: Position;
  constructor(a: Position | number, b: Position | number, c?: number, d?: number) {
    this.start = typeof a === 'number' ? new Position(a, b as number) : a;
    this.end = typeof a === 'number' ? new Position(c!, d!) : (b as Position);
  }
}
class CodeActionKind {
  static readonly Empty = new CodeActionKind('');
  static readonly QuickFix = new CodeActionKind('quickfix');
  static readonly SourceFixAll = new CodeActionKind('source.fixAll');
  constructor(readonly value: string) {}
  append(part: string) {
    return new CodeActionKind(this.value ? `${this.value}.${part}` : part);
  }
  contains(other: CodeActionKind) {
    return other.value === this.value || other.value.startsWith(this.value + '.');
  }
}
class Plain {
  constructor(...args: unknown[]) {
    Object.assign(this, { args });
  }
}

/** A text document for the stub's `workspace.textDocuments`. */
export function stubDocument(uri: string, text: string, languageId = 'markdown') {
  const lines = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lines.push(i + 1);
  return {
    uri: Uri.parse(uri),
    version: 1,
    languageId,
    isClosed: false,
    isDirty: false,
    lineCount: lines.length,
    getText: () => text,
    positionAt(offset: number) {
      let lo = 0;
      let hi = lines.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (lines[mid] <= offset) lo = mid;
        else hi = mid - 1;
      }
      return new Position(lo, offset - lines[lo]);
    },
    offsetAt: (p: Position) => lines[p.line] + p.character,
  };
}

const FileType = { Unknown: 0, File: 1, Directory: 2, SymbolicLink: 64 };

/** Like vscode.FileSystemError: `code` is FileNotFound, NoPermissions or Unknown. */
class FileSystemError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}
const fileSystemError = (e: NodeJS.ErrnoException) =>
  new FileSystemError(e.message, e.code === 'ENOENT' ? 'FileNotFound' : e.code === 'EACCES' || e.code === 'EPERM' ? 'NoPermissions' : 'Unknown');

/**
 * Builds the stub. `defaults` are the `contributes.configuration` defaults from package.json;
 * `documents` are the open documents the extension finds when it starts.
 */
export function makeVscodeStub(probe: StubProbe, defaults: Record<string, unknown>, documents: unknown[] = []): unknown {
  const event = () => new EventEmitter<unknown>().event;
  const workspace = partial(
    'workspace',
    {
      textDocuments: documents,
      workspaceFolders: undefined,
      fs: partial(
        'workspace.fs',
        {
          readFile: (uri: Uri) => {
            const p = fs.promises
              .readFile(uri.fsPath)
              .then((b) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength))
              .catch((e: NodeJS.ErrnoException) => {
                throw fileSystemError(e);
              });
            probe.pending.add(p);
            void p.finally(() => probe.pending.delete(p)).catch(() => {});
            return p;
          },
          stat: (uri: Uri) => {
            const p = fs.promises.stat(uri.fsPath).then(
              (st) => ({ type: st.isDirectory() ? FileType.Directory : FileType.File, size: st.size, ctime: st.ctimeMs, mtime: st.mtimeMs }),
              (e: NodeJS.ErrnoException) => {
                throw fileSystemError(e);
              },
            );
            probe.pending.add(p);
            void p.finally(() => probe.pending.delete(p)).catch(() => {});
            return p;
          },
        },
        probe,
      ),
      getConfiguration: (section?: string) => ({
        get: (key: string, dflt?: unknown) => defaults[section ? `${section}.${key}` : key] ?? dflt,
        has: (key: string) => (section ? `${section}.${key}` : key) in defaults,
        inspect: () => undefined,
        update: async () => {},
      }),
      getWorkspaceFolder: () => undefined,
      asRelativePath: (u: Uri | string) => (typeof u === 'string' ? u : u.path.replace(/^\//, '')),
      createFileSystemWatcher: () => ({ onDidChange: event(), onDidCreate: event(), onDidDelete: event(), dispose() {} }),
      onDidOpenTextDocument: event(),
      onDidChangeTextDocument: event(),
      onDidSaveTextDocument: event(),
      onDidCloseTextDocument: event(),
      onDidChangeConfiguration: event(),
    },
    probe,
  );
  const diagnosticCollection = () => {
    const map = new Map<string, unknown[]>();
    return {
      set: (uri: Uri, diags: unknown[]) => {
        map.set(uri.toString(), diags);
        probe.onDiagnostics?.(uri.toString(), diags.length);
      },
      delete: (uri: Uri) => map.delete(uri.toString()),
      has: (uri: Uri) => map.has(uri.toString()),
      get: (uri: Uri) => map.get(uri.toString()),
      clear: () => map.clear(),
      forEach: () => {},
      dispose: () => map.clear(),
    };
  };
  const channel = () => ({ name: '', logLevel: 2, onDidChangeLogLevel: event(), trace() {}, debug() {}, info() {}, warn() {}, error() {}, append() {}, appendLine() {}, replace() {}, clear() {}, show() {}, hide() {}, dispose() {} });
  const window = partial(
    'window',
    {
      activeTextEditor: undefined,
      visibleTextEditors: [],
      createOutputChannel: channel,
      createStatusBarItem: () => ({ text: '', tooltip: '', name: '', command: undefined, show() {}, hide() {}, dispose() {} }),
      onDidChangeActiveTextEditor: event(),
      registerTreeDataProvider: () => new Disposable(),
    },
    probe,
  );
  const languages = partial(
    'languages',
    {
      createDiagnosticCollection: diagnosticCollection,
      registerHoverProvider: () => new Disposable(),
      registerCodeActionsProvider: () => new Disposable(),
    },
    probe,
  );
  const commands = partial('commands', { registerCommand: () => new Disposable(), executeCommand: async () => undefined }, probe);
  return partial(
    'vscode',
    {
      workspace,
      window,
      languages,
      commands,
      Uri,
      EventEmitter,
      Disposable,
      Position,
      Range,
      Selection: Range,
      CodeActionKind,
      Location: Plain,
      Diagnostic: Plain,
      DiagnosticRelatedInformation: Plain,
      Hover: Plain,
      MarkdownString: Plain,
      CodeAction: Plain,
      WorkspaceEdit: Plain,
      ThemeIcon: Plain,
      TreeItem: Plain,
      TreeItemCollapsibleState: { None: 0, Collapsed: 1, Expanded: 2 },
      FileType,
      FileSystemError,
      RelativePattern: Plain,
      StatusBarAlignment: { Left: 1, Right: 2 },
      DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
      ViewColumn: { Active: -1, Beside: -2, One: 1 },
    },
    probe,
  );
}

/** Dotted `factCheck.*` defaults from package.json's `contributes.configuration`. */
export function configurationDefaults(pkg: { contributes?: { configuration?: { properties?: Record<string, { default?: unknown }> } } }): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(pkg.contributes?.configuration?.properties ?? {})) out[k] = v.default;
  return out;
}
