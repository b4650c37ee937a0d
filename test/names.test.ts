/**
 * Multi-word names (places, outlets) read in the draft word by word: a name spelt as verified is
 * confirmed, any other spelling of it is flagged, whatever the letters' case rules.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { analyze, loadFactSheet } from '../src/core';

const root = path.resolve(__dirname, '..', '..');
const bundled = JSON.parse(fs.readFileSync(path.join(root, 'reference', 'facts.json'), 'utf8'));
// The bundled sheet plus two places whose names have capitals with a longer lower case (İ → i̇).
const sheet = loadFactSheet(
  JSON.stringify({
    ...bundled,
    entities: [
      ...bundled.entities,
      { id: 'istanbul-airport', type: 'place', name: 'İstanbul Airport', source: 'Flights left İstanbul Airport.' },
      { id: 'heathrow-airport', type: 'place', name: 'Heathrow Airport', source: 'Flights left Heathrow Airport.' },
    ],
  }),
);

const names = (draft: string) => {
  const a = analyze(draft, sheet, { cache: false });
  return {
    flagged: a.findings.filter((f) => f.ruleId === 'name-mismatch').map((f) => draft.slice(f.start, f.end)),
    confirmed: a.confirmations.filter((c) => c.factId.endsWith('-airport')).map((c) => draft.slice(c.start, c.end)),
  };
};

describe('multi-word names', () => {
  it('a name spelt as verified is confirmed, not flagged', () => {
    assert.deepEqual(names('Flights left Heathrow Airport and İstanbul Airport on Monday.'), { flagged: [], confirmed: ['Heathrow Airport', 'İstanbul Airport'] });
  });

  it('a stray apostrophe inside a name is flagged, as for any other letters', () => {
    assert.deepEqual(names("Flights left Heathrow' Airport on Monday.").flagged, ["Heathrow' Airport"]);
    assert.deepEqual(names("Flights left İstanbul' Airport on Monday.").flagged, ["İstanbul' Airport"]);
  });
});
