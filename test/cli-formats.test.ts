import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { DEFAULT_SEVERITY, RULE_IDS } from '../src/core';
import { escapeData, escapeProperty } from '../src/cli/formats/github';
import { CLEAN, WARNINGS, WRONG, cli, offsetAt, root, tmpDir, useTmp, write } from './cli-harness';

// The published SARIF 2.1.0 schema (sarif-2.1.0-rtm.5, as on SchemaStore), copied unchanged from
// the npm package @microsoft/jest-sarif (lib/schemas/). It is draft-04 with one pattern that is
// only valid without the `u` flag, hence ajv-draft-04 and unicodeRegExp: false.
const sarifSchema = JSON.parse(fs.readFileSync(path.join(root, 'test', 'fixtures', 'sarif', 'sarif-2.1.0-rtm.5.schema.json'), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validateSarif = ajv.compile(sarifSchema);
const assertValidSarif = (log: unknown) => assert.ok(validateSarif(log), JSON.stringify(validateSarif.errors, null, 2));
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');

const MIXED =
  '# Update 😀\r\n\r\nOn 𝒳 day Iranian authorities acknowledged 3,171 deaths.\r\n' +
  'In Muscat, Araghchi heard a resident say it was “a very long night for all of us”.\n';

describe('CLI: --format sarif', () => {
  useTmp();

  it('is valid against the SARIF 2.1.0 schema, with every rule described and linked to its README section', async () => {
    write('drafts/wrong.md', '\uFEFF' + MIXED);
    write('drafts/clean.md', CLEAN);
    const r = await cli(['--format', 'sarif', 'drafts'], tmpDir.path);
    assert.equal(r.code, 1, r.err);
    const log = JSON.parse(r.out);
    assertValidSarif(log);
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs.length, 1);
    const run = log.runs[0];
    assert.equal(run.columnKind, 'utf16CodeUnits');
    assert.equal(run.originalUriBaseIds.SRCROOT.uri, `file://${tmpDir.path}/`);
    const rules = run.tool.driver.rules;
    assert.deepEqual(rules.map((x: any) => x.id), [...RULE_IDS]);
    for (const rule of rules) {
      assert.ok(rule.shortDescription.text.length > 10 && rule.fullDescription.text.length > rule.shortDescription.text.length, rule.id);
      const anchor = rule.helpUri.split('#')[1];
      assert.equal(anchor, `rule-${rule.id}`);
      assert.ok(readme.includes(`<a id="${anchor}"></a>`), `README has the anchor ${anchor}`);
      const level = DEFAULT_SEVERITY[rule.id as keyof typeof DEFAULT_SEVERITY];
      assert.equal(rule.defaultConfiguration.level, level === 'error' ? 'error' : level === 'warning' ? 'warning' : 'note');
    }
    assert.deepEqual(run.results.map((x: any) => [x.ruleId, x.level]), [['number-mismatch', 'error'], ['quote-unverified', 'warning']]);
    for (const x of run.results) assert.equal(rules[x.ruleIndex].id, x.ruleId, 'ruleIndex points at the rule');
  });

  it('regions are 1-based lines and UTF-16 columns that cover exactly the flagged text, and fixes rewrite just that', async () => {
    write('wrong.md', '\uFEFF' + MIXED);
    const log = JSON.parse((await cli(['--format', 'sarif', 'wrong.md'], tmpDir.path)).out);
    const [num, quote] = log.runs[0].results;
    const loc = num.locations[0].physicalLocation;
    assert.deepEqual(loc.artifactLocation, { uri: 'wrong.md', uriBaseId: 'SRCROOT' });
    const g = loc.region;
    const text = MIXED; // regions count from the text after the byte-order mark
    assert.equal(text.slice(offsetAt(text, g.startLine, g.startColumn), offsetAt(text, g.endLine, g.endColumn)), '3,171');
    // The astral characters before the figure tell UTF-16 columns from code points.
    const line = text.split('\n')[2];
    assert.notEqual(g.startColumn - 1, [...line.slice(0, g.startColumn - 1)].length);
    const q = quote.locations[0].physicalLocation.region;
    assert.match(text.slice(offsetAt(text, q.startLine, q.startColumn), offsetAt(text, q.endLine, q.endColumn)), /a very long night for all of us/);
    assert.equal(quote.fixes, undefined, 'an unverified quote has no fix');

    const [fix] = num.fixes;
    assert.equal(fix.artifactChanges[0].artifactLocation.uri, 'wrong.md');
    const [rep] = fix.artifactChanges[0].replacements;
    const d = rep.deletedRegion;
    const s = offsetAt(text, d.startLine, d.startColumn);
    const e = offsetAt(text, d.endLine, d.endColumn);
    assert.equal(text.slice(0, s) + rep.insertedContent.text + text.slice(e), text.replace('3,171', '3,117'));
  });

  it('paths are URI-encoded relative references; files that could not be checked become notifications', async () => {
    write('odd dir/a#b%.md', WRONG);
    write('odd dir/bin.md', Buffer.from([0x23, 0, 1, 2]));
    const r = await cli(['--format', 'sarif', 'odd dir'], tmpDir.path);
    assert.equal(r.code, 1, 'a binary file found by a walk is a notice, not an input error');
    const log = JSON.parse(r.out);
    assertValidSarif(log);
    const run = log.runs[0];
    assert.equal(run.results[0].locations[0].physicalLocation.artifactLocation.uri, 'odd%20dir/a%23b%25.md');
    assert.equal(run.invocations[0].executionSuccessful, true);
    const [n] = run.invocations[0].toolExecutionNotifications;
    assert.equal(n.level, 'note');
    assert.match(n.message.text, /bin\.md: .*binary/);
  });

  it('the validator used here does reject a log that breaks the schema (self-check)', async () => {
    write('wrong.md', WRONG);
    const log = JSON.parse((await cli(['--format', 'sarif', 'wrong.md'], tmpDir.path)).out);
    delete log.runs[0].results[0].message;
    assert.equal(validateSarif(log), false);
    const log2 = JSON.parse((await cli(['--format', 'sarif', 'wrong.md'], tmpDir.path)).out);
    log2.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    assert.equal(validateSarif(log2), false);
  });
});

describe('CLI: --format junit', () => {
  useTmp();
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'testcase' || name === 'testsuite' });

  it('is well-formed XML: one testsuite, one testcase per draft, a failure listing the findings of each draft that has any', async () => {
    write('a.md', WRONG + WARNINGS);
    write('b.md', CLEAN);
    const r = await cli(['--format', 'junit', 'a.md', 'b.md'], tmpDir.path);
    assert.equal(r.code, 1);
    assert.equal(XMLValidator.validate(r.out), true);
    const doc = parser.parse(r.out);
    const suites = doc.testsuites.testsuite;
    assert.equal(suites.length, 1);
    const [suite] = suites;
    assert.equal(suite.tests, '2');
    assert.equal(suite.failures, '1');
    assert.equal(suite.errors, '0');
    const [a, b] = suite.testcase;
    assert.equal(a.name, 'a.md');
    assert.equal(a.failure.message, '3 findings (1 error, 2 warnings)');
    const body: string = a.failure['#text'];
    assert.equal(body.split('\n').length, 3, body);
    assert.match(body, /^a\.md:1:\d+ {2}error {2}number-mismatch {2}.*3,171/m);
    assert.equal(body.match(/warning {2}quote-unverified/g)?.length, 2);
    assert.equal(b.name, 'b.md');
    assert.equal(b.failure, undefined, 'a clean draft passes');
  });

  it('escapes file names and draft text, and replaces characters XML cannot carry', async () => {
    const name = `a&b<c>"d'\u0001.md`;
    write(name, 'In Tehran, as Araghchi flew to Muscat, a resident said it was “a loud & bright <night> for them all”.\n');
    const r = await cli(['--format', 'junit', name], tmpDir.path);
    assert.equal(r.code, 1);
    assert.equal(XMLValidator.validate(r.out), true, r.out);
    const tc = parser.parse(r.out).testsuites.testsuite[0].testcase[0];
    assert.equal(tc.name, name.replace('\u0001', '\uFFFD'), 'U+0001 cannot appear in XML 1.0, even escaped');
    assert.equal(tc.file, tc.name);
    assert.ok(String(tc.failure['#text']).includes('“a loud & bright <night> for them all”'), tc.failure['#text']);
  });

  it('a draft that could not be checked is a testcase with an <error>', async () => {
    write('bad.md', Buffer.from([0xff, 0xfe, 0x41]));
    write('ok.md', CLEAN);
    const r = await cli(['--format', 'junit', 'bad.md', 'ok.md'], tmpDir.path);
    assert.equal(r.code, 2);
    assert.equal(XMLValidator.validate(r.out), true);
    const suite = parser.parse(r.out).testsuites.testsuite[0];
    assert.equal(suite.errors, '1');
    const bad = suite.testcase.find((t: any) => t.name === 'bad.md');
    assert.match(bad.error.message, /not valid UTF-8/);
  });
});

describe('CLI: --format github', () => {
  useTmp();
  /** Decodes a workflow command as the runner does. */
  const parse = (line: string) => {
    const m = /^::(\w+) ([^:]*)::(.*)$/.exec(line);
    assert.ok(m, line);
    const un = (s: string) => s.replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%');
    const props = Object.fromEntries(m[2].split(',').map((kv) => [kv.slice(0, kv.indexOf('=')), un(kv.slice(kv.indexOf('=') + 1))]));
    return { command: m[1], props, message: un(m[3]) };
  };

  it('one ::error / ::warning per finding with file, line, col, endLine, endColumn and the rule as title', async () => {
    write('sub/a.md', '\n' + WRONG + WARNINGS);
    const r = await cli(['--format', 'github', 'sub/a.md'], tmpDir.path);
    assert.equal(r.code, 1);
    const lines = r.out.trimEnd().split('\n').map(parse);
    assert.deepEqual(lines.map((l) => [l.command, l.props.title]), [['error', 'number-mismatch'], ['warning', 'quote-unverified'], ['warning', 'quote-unverified']]);
    const [e] = lines;
    const col = WRONG.indexOf('3,171') + 1;
    assert.deepEqual(e.props, { file: 'sub/a.md', line: '2', col: String(col), endLine: '2', endColumn: String(col + 5), title: 'number-mismatch' });
    assert.match(e.message, /3,171.*3,117/);
  });

  it('escapes %, CR and LF in messages, and : and , too in properties', async () => {
    assert.equal(escapeData('100% sure\r\nnext: a, b'), '100%25 sure%0D%0Anext: a, b');
    assert.equal(escapeProperty('a,b:c%d\ne'), 'a%2Cb%3Ac%25d%0Ae');
    const name = 'a,b:c%d.md';
    write(name, WRONG);
    const r = await cli(['--format', 'github', '--explain', name], tmpDir.path);
    const [line] = r.out.trimEnd().split('\n');
    assert.ok(!/\r|\n/.test(line));
    const a = parse(line);
    assert.equal(a.props.file, name);
    const explained = a.message.split('\n');
    assert.ok(explained.length >= 3, a.message);
    assert.equal(explained[1], 'Verified: 3,117');
  });

  it('a clean run prints nothing', async () => {
    write('a.md', CLEAN);
    const r = await cli(['--format', 'github', 'a.md'], tmpDir.path);
    assert.equal(r.code, 0);
    assert.equal(r.out, '');
  });
});

describe('CLI: --output-file and --output-format', () => {
  useTmp();

  it('--format sarif --output-file writes SARIF to the file and the text report to stdout', async () => {
    write('a.md', WRONG);
    const plain = await cli(['a.md'], tmpDir.path);
    const r = await cli(['--format', 'sarif', '--output-file', 'reports/out.sarif', 'a.md'], tmpDir.path);
    assert.equal(r.code, 1);
    assert.equal(r.out, plain.out);
    const log = JSON.parse(fs.readFileSync(path.join(tmpDir.path, 'reports', 'out.sarif'), 'utf8'));
    assertValidSarif(log);
    assert.equal(log.runs[0].results.length, 1);
  });

  it('--output-format picks the file\'s format while stdout keeps --format', async () => {
    write('a.md', WRONG);
    const r = await cli(['--format', 'github', '--output-file', 'junit.xml', '--output-format', 'junit', 'a.md'], tmpDir.path);
    assert.equal(r.code, 1);
    assert.match(r.out, /^::error file=a\.md,/);
    const xml = fs.readFileSync(path.join(tmpDir.path, 'junit.xml'), 'utf8');
    assert.equal(XMLValidator.validate(xml), true);
    assert.match(xml, /<failure /);
    const j = await cli(['--output-file=r.json', '--output-format=json', 'a.md'], tmpDir.path);
    assert.match(j.out, /^a\.md:1:/, 'stdout keeps the default text format');
    assert.deepEqual(JSON.parse(fs.readFileSync(path.join(tmpDir.path, 'r.json'), 'utf8')).files[0].diagnostics[0].code, 'number-mismatch');
  });

  it('usage errors: --output-format without --output-file, an unknown format; a file that cannot be written is exit 2', async () => {
    write('a.md', CLEAN);
    const r = await cli(['--output-format', 'sarif', 'a.md'], tmpDir.path);
    assert.equal(r.code, 2);
    assert.match(r.err, /--output-format needs --output-file/);
    const r2 = await cli(['--output-file', 'x', '--output-format', 'html', 'a.md'], tmpDir.path);
    assert.equal(r2.code, 2);
    assert.match(r2.err, /--output-format must be one of/);
    fs.mkdirSync(path.join(tmpDir.path, 'adir'));
    const r3 = await cli(['--format', 'sarif', '--output-file', 'adir', 'a.md'], tmpDir.path);
    assert.equal(r3.code, 2);
    assert.match(r3.err, /adir: cannot write the report: EISDIR/);
  });
});
