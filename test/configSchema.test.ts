import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { RULE_IDS, validateProjectConfig } from '../src/core';

const root = path.resolve(__dirname, '..', '..');
const schema = JSON.parse(fs.readFileSync(path.join(root, 'reference', 'factcheck.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true }).compile(schema);
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

const accepts = (doc: unknown) => {
  try {
    validateProjectConfig(doc);
    return true;
  } catch {
    return false;
  }
};

const map = { drafts: 'stories/a/**', facts: 'stories/a/facts.json' };
const ACCEPTED: unknown[] = [
  [],
  [map],
  [{ drafts: ['a/**', 'b/*.md'], facts: 'x.json' }],
  {},
  { $schema: './node_modules/x/factcheck.schema.json', sheets: [map], facts: 'default.json' },
  { include: '**/*.md', exclude: ['old/**'] },
  { severity: { 'quote-unverified': 'off', 'name-mismatch': 'info', 'number-mismatch': 'information' }, reportUnverifiedQuotes: false },
  { severity: Object.fromEntries(RULE_IDS.map((r) => [r, 'hint'])) },
];
const REJECTED: unknown[] = [
  42,
  'stories/**',
  null,
  [{ drafts: 'a/**' }],
  [{ facts: 'a.json' }],
  [{ drafts: 'a/**', facts: 'a.json', extra: 1 }],
  [{ drafts: '', facts: 'a.json' }],
  [{ drafts: [], facts: 'a.json' }],
  [{ drafts: ['a/**', ' '], facts: 'a.json' }],
  [{ drafts: 'a/**', facts: '  ' }],
  [{ drafts: 'a/**', facts: 3 }],
  ['nope'],
  { sheets: map },
  { facts: '' },
  { include: [] },
  { exclude: 5 },
  { severity: { 'no-such-rule': 'error' } },
  { severity: { 'number-mismatch': 'loud' } },
  { severity: 'error' },
  { reportUnverifiedQuotes: 'yes' },
  { colour: 'red' },
];

describe('reference/factcheck.schema.json', () => {
  for (const doc of ACCEPTED) {
    it(`accepts ${JSON.stringify(doc)}, as the config reader does`, () => {
      assert.ok(accepts(doc), 'validateProjectConfig rejects it');
      assert.ok(validate(doc), JSON.stringify(validate.errors));
    });
  }
  for (const doc of REJECTED) {
    it(`rejects ${JSON.stringify(doc)}, as the config reader does`, () => {
      assert.ok(!accepts(doc), 'validateProjectConfig accepts it');
      assert.ok(!validate(doc), 'the schema accepts it');
    });
  }

  it('is contributed to VS Code for .factcheck.json files, with the fact sheet schema for *.facts.json', () => {
    const contributed = pkg.contributes.jsonValidation as { fileMatch: string | string[]; url: string }[];
    const find = (url: string) => contributed.find((c) => c.url === url);
    assert.deepEqual(find('./reference/factcheck.schema.json')?.fileMatch, ['.factcheck.json']);
    assert.deepEqual(find('./reference/facts.schema.json')?.fileMatch, ['*.facts.json']);
  });
});
