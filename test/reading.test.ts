/**
 * The engine reads the language, not the sheet's word lists: context words match their
 * inflections, days of dates are not figures, and a person's words count as their organisation's.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { applyFixes, check, loadFactSheet, type FactSheet } from '../src/core';
import { findMentions } from '../src/core/mentions/numbers';

const sheet = loadFactSheet(
  JSON.stringify({
    story: { id: 'harbour', title: 'Harbour budget', article: 'article.md' },
    entities: [
      { id: 'trust', type: 'organisation', name: 'Harbour Trust', aliases: ['the trust'], source: 'The Harbour Trust will borrow £42 million.' },
      {
        id: 'okafor',
        type: 'person',
        name: 'Ada Okafor',
        aliases: ['Okafor'],
        roles: [{ title: 'chief executive', qualifiers: ["the trust's", 'Harbour Trust'] }],
        source: 'Its chief executive, Ada Okafor, said the trust had 1,240 analysts.',
      },
      { id: 'guild', type: 'organisation', name: 'Dockers Guild', source: 'The Dockers Guild said more than 370 jobs were at risk.' },
      { id: 'gazette', type: 'outlet', name: 'Gazette of Maritime Law', source: 'The Gazette of Maritime Law reported the loan.' },
      { id: 'asante', type: 'person', name: 'Kwame Asante-Penn', aliases: ['Asante-Penn'], source: 'Kwame Asante-Penn chairs the guild.' },
    ],
    figures: [
      { id: 'loan', kind: 'money', value: 42000000, text: '£42 million', qualifier: 'exact', currency: 'GBP', counts: 'sum the trust will borrow', reportedBy: 'trust', context: ['borrow'], source: 'The Harbour Trust will borrow £42 million.' },
      { id: 'analysts', kind: 'count', value: 1240, text: '1,240', qualifier: 'exact', counts: 'analysts the trust employs', reportedBy: 'okafor', context: ['analyst'], source: 'Its chief executive, Ada Okafor, said the trust had 1,240 analysts.' },
      { id: 'okafor-term', kind: 'count', value: 6, text: 'six', qualifier: 'exact', counts: 'years of Okafor\'s term', context: ['years', 'term'], source: 'Okafor has a term of six years.' },
      { id: 'asante-term', kind: 'count', value: 4, text: 'four', qualifier: 'exact', counts: 'years of Asante-Penn\'s term', context: ['years', 'term'], source: 'Asante-Penn has a term of four years.' },
      { id: 'review-span', kind: 'count', value: 5, text: 'five', qualifier: 'exact', counts: 'years between two lease reviews', context: ['years', 'review'], source: 'The lease is reviewed after five years.' },
      { id: 'lease-rate', kind: 'count', value: 5.2, text: '5.2', qualifier: 'exact', counts: 'years of the lease rate review', context: ['years', 'review'], source: 'The rate is reviewed every 5.2 years.' },
      { id: 'band-low', kind: 'count', value: 12, text: '12', qualifier: 'exact', counts: 'lowest pay band', context: ['pay band', 'band'], source: 'Pay bands run from 12 to 18.' },
      { id: 'band-high', kind: 'count', value: 18, text: '18', qualifier: 'exact', counts: 'highest pay band', context: ['pay band', 'band'], source: 'Pay bands run from 12 to 18.' },
      { id: 'term-years', kind: 'count', value: 4, text: 'four', qualifier: 'exact', counts: 'years of the lease', context: ['lease', 'years'], source: 'The trust signed a lease of four years and six months.' },
      { id: 'term-months', kind: 'count', value: 6, text: 'six', qualifier: 'exact', counts: 'months of the lease on top of the years', context: ['lease', 'months'], source: 'The trust signed a lease of four years and six months.' },
      { id: 'cost-cut', kind: 'share', value: 0.3, text: '30%', qualifier: 'exact', counts: 'cut in running costs', context: ['cut', 'costs'], source: 'The trust will cut its running costs by 30%.' },
      { id: 'asante-age', kind: 'count', value: 58, text: '58', qualifier: 'exact', counts: "Asante-Penn's age", context: ['aged', 'age'], source: 'Kwame Asante-Penn, 58, chairs the guild.' },
      { id: 'jobs', kind: 'count', value: 370, text: 'more than 370', qualifier: 'more-than', counts: 'jobs at risk', reportedBy: 'guild', context: ['jobs at risk', 'jobs'], source: 'The Dockers Guild said more than 370 jobs were at risk.' },
    ],
    dates: [
      { id: 'vote', text: '14 to 16 March', event: 'the dockers vote', context: ['vote', 'ballot'], source: 'Dockers vote from 14 to 16 March.' },
      { id: 'agreed', text: 'November 2019', event: 'the first loan was agreed', context: ['agreed', 'first loan'], source: 'The first loan was agreed in November 2019.' },
      { id: 'walkout', text: 'early May', event: 'the crane drivers struck', context: ['struck'], source: 'The crane drivers struck in early May.' },
    ],
    quotes: [
      { id: 'q1', text: 'a bridge to the future', speaker: 'okafor', source: 'Okafor called the loan “a bridge to the future”.' },
      { id: 'q2', text: 'never for sale', speaker: 'okafor', source: 'The docks were “never for sale”, Okafor said.' },
      { id: 'q3', text: 'not a penny more', speaker: 'guild', source: 'The Dockers Guild said there would be “not a penny more”.' },
    ],
    settings: [],
  }),
);
const fixed = (draft: string) => applyFixes(draft, check(draft, sheet, { cache: false })).text;
const flagged = (draft: string) => check(draft, sheet, { cache: false }).map((f) => `${f.ruleId}: ${draft.slice(f.start, f.end)}`);

describe('reading the language', () => {
  it('a context word matches its inflections (borrow → borrowed, analyst → analysts)', () => {
    assert.deepEqual(flagged('The trust borrowed £24 million last spring.'), ['number-mismatch: £24 million']);
    assert.deepEqual(flagged('Okafor said the trust now has 1,420 analysts on its books.'), ['number-mismatch: 1,420']);
  });

  it('a currency code before a figure ("GBP 42m", "EUR 410m") is its currency, as wire copy and fact boxes write it', () => {
    assert.deepEqual(flagged('The Harbour Trust will borrow GBP 42m.'), []);
    assert.equal(fixed('The Harbour Trust will borrow GBP 24 million.'), 'The Harbour Trust will borrow GBP 42 million.');
    // Another currency, any ISO 4217 code (countries-list), is a conversion, left alone; a code
    // inside a word, or capitals that are no currency code, are no currency.
    assert.deepEqual(flagged('The Harbour Trust will borrow EUR 48 million.'), []);
    assert.deepEqual(flagged('The Harbour Trust will borrow CHF 48 million.'), []);
    assert.deepEqual(flagged('The Harbour Trust will borrow XGBP 24 million.').map((f) => f.split(':')[0]), ['number-mismatch']);
    assert.deepEqual(flagged('The Harbour Trust will borrow ABC 24 million.').map((f) => f.split(':')[0]), ['number-mismatch']);
  });

  it('an irregular verb matches its other forms (struck → strike, striking)', () => {
    assert.deepEqual(flagged('The crane drivers will strike again in late May.'), ['date-mismatch: late May']);
    assert.deepEqual(flagged('The crane drivers, striking since mid-May, want more.'), ['date-mismatch: mid-May']);
  });

  it('a timeline label before a dash dates its line ("**Late May** — crane drivers strike")', () => {
    assert.deepEqual(flagged('**Late May** — The crane drivers strike.'), ['date-mismatch: Late May']);
    assert.deepEqual(flagged('**Early May** — The crane drivers strike.'), []);
  });

  it('a bound or "nearly" before an exact figure is fixed to a round value it is true of, or dropped when none is', () => {
    assert.equal(fixed('Okafor said the trust had more than 1,300 analysts.'), 'Okafor said the trust had more than 1,200 analysts.');
    assert.equal(fixed('Okafor said the trust had nearly 1,300 analysts.'), 'Okafor said the trust had 1,240 analysts.');
    assert.equal(fixed('The trust will borrow more than £50 million.'), 'The trust will borrow more than £40 million.');
    assert.equal(fixed('The trust will borrow more than £45 million.'), 'The trust will borrow £42 million.');
  });

  it('a span of time from a date ("eight years since 2016") is a dated period, not a term the sheet counts', () => {
    assert.deepEqual(flagged('Okafor has a term of eight years.'), ['number-mismatch: eight']);
    assert.deepEqual(flagged('Okafor has led the trust for eight years since 2016.'), []);
    assert.deepEqual(flagged('Okafor has led the trust for more than eight years from March 2016.'), []);
  });

  it('a small number opening a plain-text line, set off by spaces, numbers the line', () => {
    assert.deepEqual(flagged('3  Okafor term years\n4  The trust will borrow £42 million.'), []);
    assert.deepEqual(flagged('Okafor term: 3 years\nThe trust will borrow £42 million.'), ['number-mismatch: 3']);
  });

  it('"half" is a share wherever it stands ("by almost half in the docks"); "a third round" is an ordinal', () => {
    assert.deepEqual(flagged('The trust will cut its costs by almost half in the docks.'), ['number-mismatch: almost half']);
    assert.deepEqual(flagged('The trust will cut costs in a third round of savings.'), []);
    // Its fix: a fraction of everyday prose keeps the draft's form, any other gives the verified text.
    assert.equal(fixed('The trust will cut its costs by almost half in the docks.'), 'The trust will cut its costs by 30% in the docks.');
    assert.equal(fixed('The trust will cut its costs by a fifth.'), 'The trust will cut its costs by 30%.');
  });

  it("a quote put in a person's mouth that an organisation said is fixed by naming the organisation", () => {
    assert.equal(fixed('Asante-Penn said there would be “not a penny more”.'), 'Dockers Guild said there would be “not a penny more”.');
  });

  it('the agent of a participle after one figure ("the 600 acknowledged by the trust") is not the source of the next', () => {
    // The guild's 307 is checked against the guild's figure (and its 1,240 analysts are another source's).
    assert.deepEqual(flagged('The Dockers Guild has counted 1,240 analysts, more than twice the 600 acknowledged by the trust, and documented more than 307 jobs at risk.'), [
      'number-mismatch: Dockers Guild has counted 1,240',
      'number-mismatch: more than 307',
    ]);
    // Only a predicate coordinated after the agent ("…, and documented") goes back to the clause's subject;
    // a list of figures after the agent stays the agent's.
    assert.deepEqual(flagged('The trust borrowed £42 million counted by the Dockers Guild, and more than 370 jobs at risk.'), []);
    // A relative clause makes the agent a subject again.
    assert.deepEqual(flagged('The trust spent the £42 million borrowed by the Dockers Guild, which says more than 307 jobs are at risk.'), ['number-mismatch: more than 307']);
  });

  it('one reader of who says it: a verb of saying in any form attributes figures and quotes alike', () => {
    assert.deepEqual(flagged('More than 370 jobs are at risk, Okafor wrote.').map((f) => f.split(':')[0]), ['number-mismatch']);
    assert.deepEqual(flagged('Asante-Penn acknowledged the docks were “never for sale”.').map((f) => f.split(':')[0]), ['quote-misattributed']);
    // A verb of counting gives a figure its source, not a quote its speaker.
    assert.deepEqual(flagged('Asante-Penn published the docks’ results “never for sale”, Okafor said.'), []);
  });

  it('a multi-word name with a word in another form is a wrong name; reordered or shortened, it is not', () => {
    assert.deepEqual(flagged('The Gazette of Marine Law reported the loan.'), ['name-mismatch: Gazette of Marine Law']);
    assert.equal(fixed('The Gazette of Marine Law reported the loan.'), 'The Gazette of Maritime Law reported the loan.');
    assert.deepEqual(flagged('The Maritime Law Gazette reported the loan; the Gazette said so too.'), []);
  });

  it('the day of a date is not a figure, whatever the sheet counts', () => {
    assert.deepEqual(flagged('The Dockers Guild said jobs were at risk from 14 to 16 March and again on March 30.'), []);
    assert.deepEqual(flagged('The Dockers Guild said 307 jobs were at risk from 14-16 March.'), ['number-mismatch: 307']);
  });

  it("a chief executive speaks for the organisation: the trust's figure and quote in her mouth are not misattributed", () => {
    assert.deepEqual(flagged('The trust said it had 1,240 analysts.'), []);
    assert.deepEqual(flagged('The Harbour Trust called the loan “a bridge to the future”.'), []);
    // ...but another organisation's mouth is still the wrong one.
    assert.deepEqual(flagged('The Dockers Guild called the loan “a bridge to the future”.').map((f) => f.split(':')[0]), ['quote-misattributed']);
  });

  it("a paragraph about another story (its own people and places, none of this story's) is not compared with this story's figures", () => {
    const roundup = '**Elsewhere:** In Port Verrin, the Moorland Dock Company said 307 jobs were at risk after Cardow Shipping borrowed £24 million.';
    assert.deepEqual(flagged(roundup), []);
    // The same sentence naming the story's own body is checked.
    assert.deepEqual(flagged('**Harbour:** The Dockers Guild said 307 jobs were at risk after the Harbour Trust borrowed £24 million.'), ['number-mismatch: 307', 'number-mismatch: £24 million']);
    // A misspelt name of the story keeps the paragraph on the story.
    assert.deepEqual(flagged('In Port Verrin, Okafur said 1,420 analysts were at work.'), ['name-mismatch: Okafur', 'number-mismatch: 1,420']);
  });

  it('a hyphenated surname is one name, and a doubled or dropped final letter is a slip, not a derived form', () => {
    assert.deepEqual(flagged('Asante-Pen chairs the guild.'), ['name-mismatch: Asante-Pen']);
    assert.deepEqual(flagged('Kwame Asante-Whitpenn chairs the guild.'), []);
    assert.deepEqual(flagged('Asante-Penn chairs the guild; Okaforr spoke.'), ['name-mismatch: Okaforr']);
  });

  it('a date with other days, month or year is flagged; the same date in fewer words, or another event’s date, is not', () => {
    assert.deepEqual(flagged('The dockers vote from 15 to 17 March.'), ['date-mismatch: 15 to 17 March']);
    assert.deepEqual(flagged('The first loan was agreed in October 2019.'), ['date-mismatch: October 2019']);
    assert.deepEqual(flagged('The dockers vote on 14 March, in the ballot that runs until 16 March.'), []);
    assert.deepEqual(flagged('The dockers vote in March.'), []);
    assert.deepEqual(flagged('The dockers vote again, as in November 2019.'), []);
    const fixed = check('The first loan was agreed in October 2019.', sheet, { cache: false })[0].fixes[0].edits[0].text;
    assert.equal(fixed, 'November 2019');
  });

  const fixOf = (draft: string) => {
    const f = check(draft, sheet, { cache: false }).find((x) => x.ruleId === 'quote-mismatch');
    return f && draft.slice(0, f.fixes[0].edits[0].start) + f.fixes[0].edits[0].text + draft.slice(f.fixes[0].edits[0].end);
  };

  it('a quote that drops its negation, or changes a word’s form, is altered; its fix restores the verified words', () => {
    assert.equal(fixOf('The docks were “for sale”, Okafor said.'), 'The docks were “never for sale”, Okafor said.');
    assert.deepEqual(flagged('The docks were never “for sale”, Okafor said.'), []);
    assert.equal(fixOf('Okafor called the loan “a bridging to the futures”.'), 'Okafor called the loan “a bridge to the future”.');
    assert.equal(fixOf('The docks were “not-for-sale”, Okafor said.'), 'The docks were “never for sale”, Okafor said.');
  });

  it('a source in another cell of a table row reports its figure; a figure put in the wrong source is fixed by naming the right one', () => {
    const table = '| What | Figure | Source |\n| --- | --- | --- |\n| Jobs at risk | 370 | Harbour Trust |\n';
    const f = check(table, sheet, { cache: false });
    assert.deepEqual(f.map((x) => x.ruleId), ['number-mismatch']);
    const e = f[0].fixes[0].edits[0];
    assert.equal(table.slice(0, e.start) + e.text + table.slice(e.end), table.replace('Harbour Trust', 'Dockers Guild'));
    // A participle after a figure says what happened to it, not what it counts.
    assert.deepEqual(flagged('The guild said 307 threatened jobs were at risk.'), ['number-mismatch: 307']);
  });

  it('a word of a surname of several words ("Ní Bhraonáin") is no other given name before its last word', () => {
    const src = 'Úna Ní Bhraonáin, a spokeswoman for the trust, said the loan was safe.';
    const irish = loadFactSheet(JSON.stringify({ story: { id: 'irish', title: 'Loan', article: 'article.md' }, entities: [{ id: 'una', type: 'person', name: 'Úna Ní Bhraonáin', aliases: ['Ní Bhraonáin'], source: src }, { id: 'sean', type: 'person', name: 'Seán Mac Giolla', aliases: ['Mac Giolla'], source: src }], figures: [], dates: [], quotes: [], settings: [] }));
    const names = (draft: string) => check(draft, irish, { cache: false }).map((f) => `${f.ruleId}: ${draft.slice(f.start, f.end)}`);
    assert.deepEqual(names(src), []);
    assert.deepEqual(names('Ní Bhraonáin said the loan was safe.'), []);
    assert.deepEqual(names('Mac Giolla said so, and Ní Bhraonáin agreed.'), []);
  });

  it('another given name before a known surname is flagged; honorifics, titles and long forms are not', () => {
    // Another person's given name of the story; an unknown word may be a title or a relative, and is left alone.
    assert.deepEqual(flagged('Kwame Okafor called the loan “a bridge to the future”.'), ['name-mismatch: Kwame']);
    assert.deepEqual(flagged('Ben Okafor called the loan “a bridge to the future”. Ambassador Okafor agreed.'), []);
    assert.deepEqual(flagged('Mr Okafor, Dr Okafor and chief executive Okafor agreed; Adaeze Okafor too.'), []);
    // A given name of the verified one's shape (its initial, nearly its length) is a slip for it; a word of the sheet is not.
    assert.equal(fixed('Alma Okafor called the loan “a bridge to the future”.'), 'Ada Okafor called the loan “a bridge to the future”.');
    assert.deepEqual(flagged('Annabelle Okafor called the loan “a bridge to the future”.'), []);
  });

  it('a given name two letters off a long verified one ("Esther" for Hester) is a slip for it; a common word is not', () => {
    const source = 'Council leader Hester Pryce-Maddox won the vote.';
    const sheet = loadFactSheet(JSON.stringify({
      story: { id: 'calder', title: 'Vote', article: 'article.md' },
      entities: [{ id: 'pryce', type: 'person', name: 'Hester Pryce-Maddox', aliases: ['Pryce-Maddox'], source }],
      figures: [], dates: [], quotes: [], settings: [],
    }));
    const fix = (draft: string) => applyFixes(draft, check(draft, sheet, { cache: false })).text;
    assert.equal(fix('Esther Pryce-Maddox won the vote.'), 'Hester Pryce-Maddox won the vote.');
    assert.equal(fix('Leader Pryce-Maddox won the vote. Yesterday Pryce-Maddox spoke.'), 'Leader Pryce-Maddox won the vote. Yesterday Pryce-Maddox spoke.');
  });

  it('another given name before a hyphenated surname is flagged too ("Ada Asante-Penn" for Kwame Asante-Penn)', () => {
    assert.equal(fixed('Ada Asante-Penn chairs the guild.'), 'Kwame Asante-Penn chairs the guild.');
    assert.deepEqual(flagged('**Kwame Asante-Penn** chairs the guild; Mr Asante-Penn agreed.'), []);
  });

  it('a figure of the wrong scale ("£42 billion") is a slip for the fact it is a thousand times off, and a gapped clause shares its verb', () => {
    assert.deepEqual(flagged('The trust will borrow £42 billion.'), ['number-mismatch: £42 billion']);
    assert.equal(fixed('The guild will borrow £3 million and the trust £42 billion.'), 'The guild will borrow £3 million and the trust £42 million.');
    // A figure of its own clause, with its own verb, is not gapped: "£42 billion" here is no one's loan.
    assert.deepEqual(flagged('The trust will borrow £42 million and the guild lost £9 billion.'), []);
  });

  it("a number in commas after a name is that person's age: checked against an age of the sheet, never against another count", () => {
    assert.equal(fixed('Kwame Asante-Penn, 85, chairs the guild.'), 'Kwame Asante-Penn, 58, chairs the guild.');
    // Six is Okafor's term of years; "Okafor, 6," is no term, and the sheet has no age of hers.
    assert.deepEqual(flagged('Ada Okafor, 6, runs the trust, whose term of years is long.'), []);
    assert.deepEqual(flagged('Kwame Asante-Penn, 58, chairs the guild.'), []);
  });

  it('whom a figure is about decides between two facts of the same kind; a qualifier after Markdown emphasis is read', () => {
    assert.deepEqual(flagged('Asante-Penn has a term of six years.'), ['number-mismatch: six']);
    assert.deepEqual(flagged('Okafor has a term of six years; Asante-Penn, four years.'), []);
    assert.deepEqual(flagged('- **At most 370**: jobs at risk, the Dockers Guild said.'), ['number-mismatch: At most 370']);
  });

  it('ends of ranges: the other end of an unverified range is left alone; a verified range is checked end by end', () => {
    assert.deepEqual(flagged('The Dockers Guild said more than 370 dockers, aged 19 to 64, had jobs at risk.'), []);
    assert.deepEqual(flagged('Pay bands run from 12 to 81.'), ['number-mismatch: 81']);
    assert.deepEqual(flagged('Pay bands run from 12 to 18.'), []);
  });

  it("a table's row label says what its cells count, and a column header may name who reports them", () => {
    const table = '| | Dockers Guild | Harbour Trust |\n| --- | --- | --- |\n| Jobs at risk | more than 307 | – |\n| Analysts | – | 1,240 |\n';
    assert.deepEqual(check(table, sheet, { cache: false }).map((f) => `${f.ruleId}: ${table.slice(f.start, f.end)}`), ['number-mismatch: more than 307']);
  });

  it("a table cell is its column's source when the column header names one: a source in another cell of the row does not report it", () => {
    const table = '| | Dockers Guild | Harbour Trust |\n| --- | --- | --- |\n| Jobs at risk | more than 370 | none, the trust says |\n';
    assert.deepEqual(check(table, sheet, { cache: false }).map((f) => `${f.ruleId}: ${table.slice(f.start, f.end)}`), []);
    const wrong = '| | Dockers Guild | Harbour Trust |\n| --- | --- | --- |\n| Jobs at risk | none, the guild says | more than 370 |\n';
    assert.deepEqual(check(wrong, sheet, { cache: false }).map((f) => f.ruleId), ['number-mismatch']);
  });

  it('a number in words with "point" is a decimal ("five point two")', () => {
    assert.deepEqual(flagged('The rate is reviewed every five point two years.'), []);
    assert.deepEqual(flagged('The rate is reviewed every five point four years.'), ['number-mismatch: five point four']);
    // "at one point" is a time.
    assert.ok(!flagged('At one point four analysts left.').some((f) => f.includes('one point')));
  });

  it("a round-up item's bold label is one of its names: another story's item with one other name is left alone", () => {
    assert.deepEqual(flagged('**Appeals court:** Judges upheld a fine against Cardow, which employs 307 people at risk of jobs.'), []);
    assert.deepEqual(flagged('**Dockers:** The Dockers Guild said 307 jobs were at risk.'), ['number-mismatch: 307']);
  });

  it('a name of another story that shares a word with one of this story’s is still another name', () => {
    assert.deepEqual(flagged('**Elsewhere:** The Moorland Trust Company said 307 jobs were at risk after Cardow Shipping borrowed £24 million.'), []);
  });

  it('a range opened by a capital "Between" at the start of a line is read as one', () => {
    const f = (d: string) => check(d, sheet, { cache: false }).map((x) => `${x.ruleId}: ${d.slice(x.start, x.end)}`);
    assert.deepEqual(f('- **Between 12 and 19**: the pay bands.'), ['number-mismatch: 19']);
    assert.deepEqual(f('- **Between 12 and 18**: the pay bands.'), []);
  });

  it('an event word of the date\'s own clause dates it however long its object and time ("struck … at 06:15 in late May")', () => {
    assert.equal(fixed('The crane drivers struck at the Northgate container terminal of the old harbour at 06:15 in late May.'), 'The crane drivers struck at the Northgate container terminal of the old harbour at 06:15 in early May.');
    // Past a comma, the date is another clause's.
    assert.deepEqual(flagged('The crane drivers struck at the Northgate container terminal of the old harbour, and the ferries sailed in late May.'), []);
  });

  it('the subject of a verb of saying reports the figures of its clause past asides and "and", not a body named as a complement ("every review of the guild")', () => {
    assert.deepEqual(flagged('The chief executive, Ada Okafor, said she wanted every review of the Dockers Guild finished, and promised that the trust had 1,240 analysts.'), []);
    assert.deepEqual(flagged('Ada Okafor, the chief executive, said she would act, and warned that more than 370 jobs were at risk.').length, 1);
    // A possessive is no speaker ("by the guild's count"), and another source of the clause is its own.
    assert.deepEqual(flagged('Ada Okafor said the lease was fine, and the Dockers Guild said more than 370 jobs were at risk.'), []);
  });

  it('a duration in one figure agrees with its years and months; a fact-box line is cut at its separators', () => {
    assert.deepEqual(flagged('The trust signed a 4.5 years lease.'), []);
    assert.deepEqual(flagged('The trust signed a lease of about 4.5 years.'), []);
    assert.deepEqual(flagged('Analysts: 1,240 · Jobs at risk, the Dockers Guild said: more than 370'), []);
  });
});

describe('reading who, where and which title (bundled story)', () => {
  const bundled = loadFactSheet(fs.readFileSync(path.join(__dirname, '..', '..', 'reference', 'facts.json'), 'utf8'));
  const found = (draft: string) => check(draft, bundled, { cache: false }).map((f) => `${f.ruleId}: ${draft.slice(f.start, f.end)}`);
  const fixed = (draft: string) => {
    const f = check(draft, bundled, { cache: false });
    let out = draft;
    for (const x of [...f].reverse()) for (const e of x.fixes[0]?.edits ?? []) out = out.slice(0, e.start) + e.text + out.slice(e.end);
    return out;
  };

  it('a quote given to a title in apposition to a name is flagged on the name ("Steve Witkoff, Trump’s envoy, who led …, called it “…”")', () => {
    assert.deepEqual(found('On the American side, Steve Witkoff, President Trump’s Middle East envoy, who led the delegation, also called the meeting “a good start”.'), ['quote-misattributed: Steve Witkoff, President Trump’s Middle East envoy, who led the delegation, also called the meeting “a good start']);
  });

  it('a name inside the apposition of the sentence\'s subject ("X, a friend of Y, called it “…”") is no speaker: X is', () => {
    assert.deepEqual(found('Steve Witkoff, a longtime friend of Abbas Araghchi, called the talks “a good start”.').map((f) => f.split(':')[0]), ['quote-misattributed']);
    assert.deepEqual(found('Abbas Araghchi, a counterpart of Steve Witkoff, called the talks “a good start”.'), []);
    // (A name after the verb's own clause, in commas of its title, is the subject of the verb that follows.)
    assert.deepEqual(found('Steve Witkoff said that Abbas Araghchi, the foreign minister, called the talks “a good start”.'), []);
  });

  it('a name that is itself the apposition, or follows an opening phrase in commas, is the speaker ("On Sunday, the American envoy, Steve Witkoff, called …")', () => {
    for (const draft of [
      'On Sunday, the American envoy, Steve Witkoff, called the talks “a good start”.',
      'On Sunday, the veteran negotiator Steve Witkoff, 68, called the talks “a good start”.',
      'Speaking after the meeting, the American envoy, Steve Witkoff, called the talks “a good start”.',
    ]) assert.deepEqual(found(draft).map((f) => f.split(':')[0]), ['quote-misattributed'], draft);
  });

  it('two verified quotes of one speaker run together in one pair of marks are each verbatim; of two speakers, they are no quote of either', () => {
    assert.deepEqual(found('Araghchi called it “a good start. Never negotiable”.'), []);
    assert.deepEqual(found('Araghchi called it “a good start, reassuring agreement”.'), []);
    assert.equal(found('Araghchi called it “a good start. Very positive atmosphere”.').filter((f) => f.startsWith('quote-')).length, 1);
    // A part that drops the negation before it is still a misquote.
    assert.equal(found('Araghchi called it “a good start. Negotiable”.').filter((f) => f.startsWith('quote-')).length, 1);
  });

  it('“he said” after a sentence about someone else puts the quote in that person’s mouth; the fix names the speaker', () => {
    const draft = 'Steve Witkoff led the US side. Iran has an "inalienable right" to enrich, he said.';
    assert.deepEqual(found(draft).map((f) => f.split(':')[0]), ['quote-misattributed']);
    assert.equal(fixed(draft), 'Steve Witkoff led the US side. Iran has an "inalienable right" to enrich, Araghchi said.');
    // With the speaker named in the sentence before, the pronoun may be theirs: quiet.
    assert.deepEqual(found('Abbas Araghchi met Steve Witkoff. Iran has an "inalienable right" to enrich, he said.'), []);
  });

  it('another source\'s exact figure in words of that source\'s own fact is a wrong source, in words of the named source\'s a wrong figure', () => {
    const table = '| What | Figure | Source |\n| --- | --- | --- |\n| Verified deaths, mainly protesters | 6,872 | Iranian authorities |\n';
    assert.equal(fixed(table), '| What | Figure | Source |\n| --- | --- | --- |\n| Verified deaths, mainly protesters | 6,872 | HRANA |\n');
    const prose = 'According to Iranian officials, 6,872 people were killed, most of them security forces and bystanders.';
    assert.equal(fixed(prose), 'According to Iranian officials, 3,117 people were killed, most of them security forces and bystanders.');
  });

  it('"They say" opening a sentence with no source of its own has the previous sentence\'s subject as source', () => {
    assert.deepEqual(found('The authorities published 2,986 names. They also say more than 50,000 people were arrested.'), ['number-mismatch: more than 50,000']);
    assert.deepEqual(found('HRANA verified 6,872 deaths. They also say more than 50,000 people were arrested.'), []);
  });

  it('a name in a relative clause closed before the quote is not its speaker; the subject of one holding the quote is', () => {
    assert.deepEqual(found('Abbas Araghchi, who met Steve Witkoff in Muscat, said Iran had an "inalienable right" to enrich.'), []);
    assert.deepEqual(found('Abbas Araghchi, who met Steve Witkoff in Muscat, called the talks "a good start".'), []);
    assert.deepEqual(found('The talks, which Steve Witkoff called "a good start", ended.').map((f) => f.split(':')[0]), ['quote-misattributed']);
  });

  it('"as many as" a source\'s figure compares with that source\'s figure of the same thing', () => {
    assert.deepEqual(found('HRANA verified 6,872 deaths, more than twice as many as the authorities have acknowledged.'), []);
    assert.deepEqual(found('HRANA verified 6,872 deaths, three times as many as the authorities have acknowledged.'), ['number-mismatch: three times']);
  });

  it('what a figure is compared with is no source of the figures after it', () => {
    assert.deepEqual(found('HRANA says it has verified 6,872 deaths, more than twice the official figure, with over 11,000 further cases under investigation.'), []);
    assert.deepEqual(found('Iranian authorities say over 11,280 cases are under investigation.').map((f) => f.split(':')[0]), ['number-mismatch']);
  });

  it('the -ov, -ow and -off of one ending are spelling variants of a name, in any case', () => {
    assert.equal(fixed('Steve Witkov led the US side.'), 'Steve Witkoff led the US side.');
    assert.equal(fixed('THE US SIDE WAS LED BY STEVE WITKOW.'), 'THE US SIDE WAS LED BY STEVE WITKOFF.');
    assert.deepEqual(found('Steve Witkoff led the US side.'), []);
  });

  it('a country\'s possessive that says whose count a figure is speaks with its voice', () => {
    assert.deepEqual(found("Tehran's own tally of more than 50,000 arrests suggests the unrest is far from over.").map((f) => f.split(':')[0]), ['number-mismatch']);
    assert.deepEqual(found("By Tehran's count 6,872 people died.").map((f) => f.split(':')[0]), ['number-mismatch']);
    assert.deepEqual(found("By Tehran's count 3,117 people died, and HRANA's tally of more than 50,000 arrests is growing."), []);
  });

  it('"Its own count of …" opening a sentence is the previous sentence\'s subject\'s; what it is compared with is no source', () => {
    const lead = 'The Human Rights Activists News Agency paints a different picture. ';
    assert.equal(fixed(`${lead}Its own count of 3,117 verified deaths, mostly protesters, is more than twice the official toll.`), `${lead}Its own count of 6,872 verified deaths, mostly protesters, is more than twice the official toll.`);
    assert.deepEqual(found(`${lead}Its own count of 6,872 verified deaths, mostly protesters, is more than twice the official toll.`), []);
  });

  it('a pronoun opening a paragraph stands for the person the paragraph before last named', () => {
    // A quote given by "he" to the person the previous paragraph is about.
    const draft = 'Steve Witkoff led the US side.\n\nIran has an "inalienable right" to enrich, he said.';
    assert.deepEqual(found(draft).map((f) => f.split(':')[0]), ['quote-misattributed']);
    assert.equal(fixed(draft), 'Steve Witkoff led the US side.\n\nIran has an "inalienable right" to enrich, Araghchi said.');
    assert.deepEqual(found('Abbas Araghchi spoke first.\n\nIran has an "inalienable right" to enrich, he said.'), []);
    // A channel a pronoun's person posted on, in a paragraph of its own.
    assert.equal(fixed('ARAGHCHI SPOKE.\n\nWRITING ON INSTAGRAM AFTER AN APPEARANCE, HE SAID.'), 'ARAGHCHI SPOKE.\n\nWRITING ON TELEGRAM AFTER AN APPEARANCE, HE SAID.');
    // The paragraph's own sentences come first, and an unnamed stretch is no antecedent.
    assert.deepEqual(found('Steve Witkoff led the US side.\n\nAbbas Araghchi spoke next. Iran has an "inalienable right" to enrich, he said.'), []);
    // The same paragraph after another: its analysis is not reused with the other's person.
    const twice = 'Abbas Araghchi spoke first.\n\nIran has an "inalienable right" to enrich, he said.\n\nSteve Witkoff led the US side.\n\nIran has an "inalienable right" to enrich, he said.';
    assert.deepEqual(check(twice, bundled).map((f) => f.ruleId), ['quote-misattributed']);
  });

  it('a wrong country after the right city, and an owner before a channel, are read as such', () => {
    assert.equal(fixed('The indirect talks in Muscat, Qatar, ended.'), 'The indirect talks in Muscat, Oman, ended.');
    assert.deepEqual(found('The indirect talks in Muscat, Oman, ended.'), []);
    assert.deepEqual(found("Araghchi wrote a post on Mr Araghchi's official Telegram channel."), []);
  });

  it("another office's title before a sheet person's name is flagged, with the person's own title as the fix", () => {
    assert.equal(fixed('Iranian President Abbas Araghchi said the talks went well.'), 'Iranian Foreign Minister Abbas Araghchi said the talks went well.');
  });

  it('a misplaced digit separator, two letters swapped in an acronym and a hyphenated multi-word name are slips', () => {
    assert.equal(fixed('HRANA says it has verified 68,72 deaths.'), 'HRANA says it has verified 6,872 deaths.');
    assert.equal(fixed('HARNA says it has verified 6,872 deaths.'), 'HRANA says it has verified 6,872 deaths.');
    assert.equal(fixed('Araghchi spoke after an appearance on al-Jazera.'), 'Araghchi spoke after an appearance on Al Jazeera.');
    assert.deepEqual(found('NATO and NASA said nothing; HRANA says it has verified 6,872 deaths.'), []);
  });

  it('true descriptions the sheet does not hold are left alone: a relative’s title, a title word before a surname, a possessive that is no count', () => {
    // A title owned by a person or a country, not the person's own organisation, is no wrong title.
    assert.deepEqual(found("Jared Kushner, Trump's senior adviser, joined the talks in Muscat."), []);
    assert.deepEqual(found("Abbas Araghchi, Iran's lead negotiator, said the talks in Muscat were a good start."), []);
    // A title before a surname is no given name ("Judge Kushner" is not a slip for Jared).
    assert.deepEqual(found('Judge Kushner ruled on the case in Muscat.'), []);
    // "to Tehran's dismay" is no "according to"; "Tehran's share of" is no count of Tehran's.
    assert.deepEqual(found("The toll rose to Tehran's dismay: 6,872 deaths, HRANA said."), []);
    assert.deepEqual(found("Tehran's share of the 6,872 deaths HRANA has verified was large."), []);
    // Yet "by Tehran's own count" still names whose figure it is.
    assert.deepEqual(found("By Tehran's own count, 6,872 people died.").map((f) => f.split(':')[0]), ['number-mismatch']);
  });

  it('a quote inside a relative clause with an aside of its own is still the relative clause’s', () => {
    assert.deepEqual(found('The talks, which Steve Witkoff called, in a statement, "very positive atmosphere", ended.').map((f) => f.split(':')[0]).filter((r) => r !== 'quote-unverified'), ['quote-misattributed']);
  });

  it('"its trade" is the trade of the sentence\'s subject: a capital the story never names is another country\'s, for its figures and its year', () => {
    assert.deepEqual(found('**Turkey.** Ankara said its trade with Iran fell to $5.4 billion last year, a quarter below its 2022 level.'), []);
    assert.deepEqual(found('Ankara said its trade with Iran fell to $5.4 billion last year.'), []);
    // The story's own country, by its capital or its people's name too (countries-list), and trade
    // named without a possessive, are still checked (the year goes with the figure).
    assert.deepEqual(found('Beijing said its trade with Iran reached $23.5 billion in 2024.').map((f) => f.split(':')[0]), ['number-mismatch']);
    assert.deepEqual(found('Chinese officials said their trade with Iran reached $23.5 billion in 2024.').map((f) => f.split(':')[0]), ['number-mismatch']);
    assert.deepEqual(found('Customs data released by Beijing showed its trade with Iran reached $23.5 billion in 2024.').map((f) => f.split(':')[0]), ['number-mismatch']);
    assert.deepEqual(found('Tehran said its trade with China reached $23.5 billion in 2024.').map((f) => f.split(':')[0]), ['number-mismatch']);
    assert.deepEqual(found('Iran–China trade reached $32.5 billion in 2022.').map((f) => f.split(':')[0]), ['number-mismatch']);
  });

  it('"He thanked Witkoff but said “…”": the object of a verb is no speaker of the verb of saying coordinated after it', () => {
    assert.deepEqual(found('Abbas Araghchi spoke after the talks. He thanked Steve Witkoff but said the missile programme was “never negotiable”.'), []);
    assert.deepEqual(found('Abbas Araghchi spoke after the talks. He thanked Steve Witkoff, who said the programme was “never negotiable”.').map((f) => f.split(':')[0]), ['quote-misattributed']);
  });

  it('a quote rephrased around a word of the speaker\'s own verified quote ("not up for negotiation") is a misquote, restored whole', () => {
    assert.equal(fixed('Abbas Araghchi spoke. He calls the missile programme “not up for negotiation”.'), 'Abbas Araghchi spoke. He calls the missile programme “never negotiable”.');
    // In another speaker's mouth, or a longer quote of its own, it is only unverified.
    assert.deepEqual(found('Steve Witkoff spoke. He calls the missile programme “not up for negotiation”.').map((f) => f.split(':')[0]), ['quote-unverified']);
    assert.deepEqual(found('Abbas Araghchi spoke. He called it “a chance for a negotiation that could open a new era”.').map((f) => f.split(':')[0]), ['quote-unverified']);
  });

  it('titles: another office of the holder’s own, another country’s office in apposition, an honorific before the qualifier', () => {
    assert.equal(fixed("Iran's deputy foreign minister Abbas Araghchi said talks would resume."), "Iran's foreign minister Abbas Araghchi said talks would resume.");
    assert.equal(fixed('**Abbas Araghchi**: Iran’s deputy foreign minister, who led the talks in Muscat.'), '**Abbas Araghchi**: Iran’s foreign minister, who led the talks in Muscat.');
    // A who's-who entry may open its apposition with a dash.
    assert.equal(fixed('**Abbas Araghchi** — Iran’s deputy foreign minister and the face of its position.'), '**Abbas Araghchi** — Iran’s foreign minister and the face of its position.');
    assert.equal(fixed('Abbas Araghchi – Iran’s deputy foreign minister – led the talks.'), 'Abbas Araghchi – Iran’s foreign minister – led the talks.');
    assert.equal(fixed("Abbas Araghchi, Iran's president, said the talks in Muscat were a good start."), "Abbas Araghchi, Iran's foreign minister, said the talks in Muscat were a good start.");
    assert.deepEqual(found("Steve Witkoff, Mr Trump's son-in-law, led the US side in Muscat with Araghchi.").map((f) => f.split(':')[0]), ['role-mismatch']);
    assert.deepEqual(found('Araghchi, the Iranian foreign minister, met Witkoff, the US envoy, in Muscat.'), []);
  });

  it('number words split by commas, upper-bound qualifiers in other words, and figures of another magnitude', () => {
    assert.equal(
      fixed('Iranian authorities have acknowledged THREE THOUSAND, ONE HUNDRED AND SEVENTY-ONE deaths, HRANA says.'),
      'Iranian authorities have acknowledged THREE THOUSAND, ONE HUNDRED AND SEVENTEEN deaths, HRANA says.',
    );
    assert.equal(fixed('HRANA says it is investigating as many as 11,280 more cases, and Araghchi spoke in Muscat.'), 'HRANA says it is investigating more than 11,280 more cases, and Araghchi spoke in Muscat.');
    // "four people were arrested" is not a slip for more than 50,000 arrests; "three and four" is no number.
    assert.deepEqual(found('Two, three and four people were arrested in Muscat, HRANA said of the 6,872 deaths.'), []);
  });

  it("a figure related to a place its fact is not of (\"Iran's trade with Turkey\") is about that place, not the story's", () => {
    assert.deepEqual(found("Iran's trade with Turkey was about $15 billion."), []);
    assert.deepEqual(found('Iran’s trade with Oman reached $3.5 billion.'), []);
    // The fact's own places, or none named, or another place only as where or as a source: still the story's figure.
    assert.deepEqual(found('Iran–China trade was worth $33.5bn in 2024.'), ['number-mismatch: $33.5bn']);
    assert.deepEqual(found('Bilateral trade reached $32.6 billion in 2024.'), ['number-mismatch: $32.6 billion']);
    assert.deepEqual(found('Trade with China hit $23.5 billion, Reuters said.'), ['number-mismatch: $23.5 billion']);
  });

  it('review of the strict-bound, quote-fix and title-fix rules: each stays quiet, or narrow, where it must', () => {
    // A bound that compares with a figure before it in its clause is no bound on the fact's own.
    assert.deepEqual(found('Iranian authorities acknowledged 3,117 deaths, fewer than 6,872 verified by HRANA.'), []);
    // A misspelt last word of a quote is fixed to that word alone, not to the words after it.
    const draft = 'Araghchi described a “very postive” mood after the talks.';
    const misquote = check(draft, bundled, { cache: false }).find((f) => f.ruleId === 'quote-mismatch')!;
    assert.equal(misquote.fixes[0].edits[0].text, 'positive');
    // The second fix of a title before a name replaces its qualifier too ("US envoy").
    const envoy = check('US envoy Jared Kushner arrived in Muscat.', bundled, { cache: false }).find((f) => f.ruleId === 'role-mismatch')!;
    assert.ok(envoy.fixes.every((x) => !applyFixes('US envoy Jared Kushner arrived in Muscat.', [{ ...envoy, fixes: [x] }]).text.startsWith('US son-in-law')));
  });

  it('review of this session\'s readings: each keeps the true errors it could silence', () => {
    const article = fs.readFileSync(path.join(__dirname, '..', '..', 'reference', 'article.txt'), 'utf8');
    const withSources = (d: string, extra = '') => check(d, bundled, { cache: false, sources: [article + extra] }).map((f) => `${f.ruleId}: ${d.slice(f.start, f.end)}`);
    // A figure the article repeats outside its cited sentence still belongs to its source.
    assert.equal(withSources('HRANA has verified 3,117 deaths.', '\n\nThe toll of 3,117 deaths is disputed.\n').length, 1);
    // A source after "according to" is no place the figure is of; a sentence-opening possessive is.
    assert.deepEqual(found('According to Bloomberg, bilateral trade with China was $15 billion in 2024.'), ['number-mismatch: $15 billion']);
    assert.deepEqual(found("Turkey's trade with Iran was about $15 billion."), []);
    // The wrong source's fix keeps the words before it that are not its name.
    assert.equal(fixed('On Monday Iranian authorities documented more than 50,000 arrests.'), 'On Monday HRANA documented more than 50,000 arrests.');
    // A line break between the event and its place, and a place named "The …".
    assert.deepEqual(found('Both sides held talks\nin Doha.'), ['place-mismatch: Doha']);
    assert.deepEqual(found('The talks in The Hague were constructive.').length, 1);
    // "when" in a short aside does not cut the subject off its figure.
    assert.equal(found('HRANA, when asked, put deaths at 3,117.').length, 1);
  });

  it('a possessive before a label that a colon closes names the quote\'s speaker ("Witkoff\'s verdict on Muscat: “a good start”")', () => {
    assert.deepEqual(found('Witkoff’s verdict on Muscat: “a good start.”').map((f) => f.split(':')[0]), ['quote-misattributed']);
    assert.deepEqual(found('**Araghchi’s verdict:** “a good start”'), []);
    assert.deepEqual(found('The mood was described as “a good start” by Araghchi’s aides.'), []);
  });

  it('a venue after the story\'s own event word, with its region, is checked ("talks were held in Doha, Qatar"); another story\'s talks are not', () => {
    assert.equal(fixed('The talks were held in Doha, Qatar.'), 'The talks were held in Muscat, Oman.');
    assert.equal(fixed('The talks were held in Doha, Oman.'), 'The talks were held in Muscat, Oman.');
    assert.deepEqual(found('Separately, Venezuelan officials held talks in Caracas with the opposition.'), []);
  });

  it('a source joined by a hyphen to its verb of reporting ("the government-acknowledged toll", "HRANA-verified deaths") reports what follows', () => {
    assert.equal(fixed('The government-acknowledged toll of 6,872 is disputed.'), 'The government-acknowledged toll of 3,117 is disputed.');
    assert.equal(fixed('HRANA-verified deaths number 3,117.'), 'HRANA-verified deaths number 6,872.');
    assert.deepEqual(found('The government-acknowledged toll of 3,117 is disputed; HRANA-verified deaths number 6,872.'), []);
  });

  it('a source after its figure behind an article or a modifier ("according to the Iranian authorities", "by the Iranian judiciary") is read, and the fix replaces the whole phrase', () => {
    assert.equal(fixed('More than 50,000 people have been arrested, according to the Iranian authorities.'), 'More than 50,000 people have been arrested, according to HRANA.');
    assert.equal(fixed('More than 11,280 further cases are being investigated by the Iranian judiciary.'), 'More than 11,280 further cases are being investigated by HRANA.');
    assert.equal(fixed('The Iranian authorities say more than 50,000 people were arrested.'), 'HRANA say more than 50,000 people were arrested.');
    assert.deepEqual(found('More than 50,000 people have been arrested, according to the rights group.'), []);
  });

  it('a speaker after a quote in a clause of their own ("“…”, and state media spoke of …") is not its speaker', () => {
    assert.deepEqual(found('Araghchi called them “a good start”, and Iranian state media spoke of a “very positive atmosphere”.'), []);
    assert.deepEqual(found('“A good start,” and then Witkoff said nothing more.'), []);
    assert.deepEqual(found('“A good start,” Witkoff said.'), ['quote-misattributed: A good start,” Witkoff']);
  });

  it('a ratio to "that", the figure before, compares the same thing by the ratio\'s own source ("HRANA says its toll is three times that")', () => {
    assert.equal(fixed('Iran acknowledges 3,117 deaths; HRANA says the verified toll is more than three times that.'), 'Iran acknowledges 3,117 deaths; HRANA says the verified toll is more than twice that.');
    assert.deepEqual(found('Iran acknowledges 3,117 deaths; HRANA says the verified toll is more than twice that.'), []);
  });

  it('a heading\'s parts are not an event and its place ("TALKS: AT A GLANCE"); in capitals an article starts no place', () => {
    assert.deepEqual(found('# IRAN–US TALKS: AT A GLANCE'), []);
    assert.deepEqual(found('# IRAN–US TALKS IN DOHA'), ['place-mismatch: DOHA']);
  });

  it('"in X\'s words", "in the words of X" and "as X put it" name the speaker of the quote, and the fix names the right one', () => {
    assert.equal(fixed('In Witkoff’s words, the talks were “a good start”.'), 'In Araghchi’s words, the talks were “a good start”.');
    assert.equal(fixed('The talks were, in the words of Witkoff, “a good start”.'), 'The talks were, in the words of Araghchi, “a good start”.');
    assert.equal(fixed('The talks were, as Witkoff put it, “a good start”.'), 'The talks were, as Araghchi put it, “a good start”.');
    // Any other possessive names whose thing it is, not who speaks.
    assert.deepEqual(found('In Witkoff’s view, Araghchi’s “a good start” was hopeful.'), []);
  });

  it('a clause opened by a subject pronoun ("…, and it has documented") has the sentence\'s subject as source, not the names between', () => {
    assert.deepEqual(found('HRANA has verified 6,872 deaths, more than twice the official figure, and it has documented more than 50,000 arrests.'), []);
    // The figure of the coordinated clause is no base of the ratio before it.
    assert.deepEqual(found("HRANA has verified 6,872 deaths, three times the official figure, and it's documented more than 50,000 arrests."), ['number-mismatch: three times']);
  });

  it('a ratio between two of the story’s figures is computed from the facts: "three times the official toll" is flagged', () => {
    assert.equal(fixed('HRANA counts 6,872 dead, three times the official toll of 3,117.'), 'HRANA counts 6,872 dead, more than twice the official toll of 3,117.');
    assert.deepEqual(found('HRANA has verified 6,872 deaths, more than double the official toll of 3,117.'), []);
    assert.deepEqual(found('The authorities acknowledge 3,117 deaths; HRANA has verified 6,872, more than twice as many.'), []);
    assert.deepEqual(found('The authorities acknowledge 3,117 deaths; HRANA has verified 6,872, three times as many.').map((f) => f.split(':')[0]), ['number-mismatch']);
  });

  it('a participle between the event and its place ("the talks, hosted in Doha,") still ties the place to the event', () => {
    assert.equal(
      fixed('The indirect talks, hosted in Doha, were a good start, Foreign Minister Abbas Araghchi said.'),
      'The indirect talks, hosted in Muscat, were a good start, Foreign Minister Abbas Araghchi said.',
    );
    assert.deepEqual(found('The indirect talks, held in Muscat, were a good start, Foreign Minister Abbas Araghchi said.'), []);
  });

  it('a title the sheet does not know, right before a sheet person\'s full name, is flagged with their own title', () => {
    assert.equal(fixed('The US side is led by Secretary of State Steve Witkoff.'), 'The US side is led by Middle East envoy Steve Witkoff.');
    assert.deepEqual(found('The US side is led by Secretary of State Steve Witkoff.'), ['role-mismatch: Secretary of State']);
    // Known titles, names of the story before the name, dates and title-case headlines are left alone.
    assert.deepEqual(found('The US side is led by US Middle East Envoy Steve Witkoff.'), []);
    assert.deepEqual(found('On Tuesday Steve Witkoff said little. Big Win For Steve Witkoff As Iran Talks Resume'), []);
    assert.deepEqual(found('After landing in New York Jared Kushner told reporters the talks went well.'), []);
  });

  it('in capitals, a name ends at a function word, and an unknown "name" after a title is not read', () => {
    assert.equal(fixed('ARAGHCHI SPOKE. WRITING ON INSTAGRAM AFTER AN APPEARANCE, HE SAID.'), 'ARAGHCHI SPOKE. WRITING ON TELEGRAM AFTER AN APPEARANCE, HE SAID.');
    assert.deepEqual(found("IRAN'S FOREIGN MINISTER SAYS TALKS WITH THE UNITED STATES WILL RESUME SOON."), []);
    assert.deepEqual(found("IRAN'S FOREIGN MINISTER STEVE WITKOFF SAYS TALKS WILL RESUME SOON.").map((f) => f.split(':')[0]), ['role-mismatch']);
  });

  it('a plain-text table aligned under a rule of dashes is read by its columns: the source column reports each row', () => {
    const table = [
      'Measure              Figure   Source',
      '-------------------  -------  -------------------',
      'Deaths acknowledged  3,117    Iranian authorities',
      'Verified deaths      6,872    HRANA',
      'Names published      2,986    HRANA',
    ].join('\n');
    assert.deepEqual(found(table).map((f) => f.split(':')[0]), ['number-mismatch']);
    assert.equal(fixed(table).split('\n')[4], 'Names published      2,986    Iranian authorities');
  });

  it('a quote in the wrong mouth, with that person\'s title, is fixed with the speaker\'s title and name', () => {
    assert.equal(fixed('US envoy Steve Witkoff called the talks "a good start".'), 'Foreign Minister Abbas Araghchi called the talks "a good start".');
  });

  it("an event's place after its own verb group is its venue; a place of another phrase, verb or time is not", () => {
    assert.deepEqual(found('The indirect talks took place in Doha.'), ['place-mismatch: Doha']);
    assert.deepEqual(found('The talks have been held in Doha.'), ['place-mismatch: Doha']);
    // The object of another verb, a verb form of the trigger, a time and a scene of another clause are not the venue.
    for (const quiet of [
      'The talks with officials in Washington went well.',
      'The talks drew protests in Washington.',
      'The talks angered hardliners in Tehran.',
      'Witkoff met reporters in Washington on Monday.',
      'Araghchi discussed sanctions in Tehran on Sunday.',
      'Talks in recent weeks in Washington focused on sanctions.',
      'In Washington, Republicans criticised the talks.',
      'In Muscat, Iranian and US delegations held indirect talks.',
    ])
      assert.deepEqual(found(quiet), [], quiet);
  });

  it('verbs of saying are read in their own forms, not as stems: "added" is one, "suggestion" is not', () => {
    assert.deepEqual(found('Later, Witkoff added that the programme was “never negotiable”.').map((f) => f.split(':')[0]), ['quote-misattributed']);
    assert.deepEqual(found('Witkoff stated that the programme was “never negotiable”.').map((f) => f.split(':')[0]), ['quote-misattributed']);
    assert.deepEqual(found('Witkoff rejected any suggestion of a “very positive atmosphere” at the talks.'), []);
  });

  it("a wrong source's fix is in capitals only where the line is", () => {
    assert.equal(fixed('HRANA DOCUMENTED 2,986 NAMES ON THE PUBLISHED LIST.'), 'IRANIAN AUTHORITIES DOCUMENTED 2,986 NAMES ON THE PUBLISHED LIST.');
    assert.equal(fixed('HRANA published a list of 2,986 names.'), 'Iranian authorities published a list of 2,986 names.');
  });

  it('an event is read in any form of its trigger, and its place may sit within a place ("at a hotel in Doha")', () => {
    assert.deepEqual(found('The negotiation in Doha was a good start.'), ['place-mismatch: Doha']);
    assert.deepEqual(found('The two sides met for a round of talks at a hotel in Doha.'), ['place-mismatch: Doha']);
    assert.deepEqual(found('The two sides met for a round of talks at a hotel in Muscat.'), []);
    assert.deepEqual(found('The talks in a sense began in earnest after a year of silence.'), []);
  });

  it('a country that says a figure speaks through its one reporter named after it ("Iran acknowledges" = the Iranian authorities)', () => {
    assert.equal(
      fixed('Iran acknowledges 6,872 deaths in the crackdown, Foreign Minister Abbas Araghchi said.'),
      'Iran acknowledges 3,117 deaths in the crackdown, Foreign Minister Abbas Araghchi said.',
    );
    assert.deepEqual(found('Iran acknowledges 3,117 deaths in the crackdown, Foreign Minister Abbas Araghchi said.'), []);
  });

  it('a decimal is a slip for a decimal figure before a whole one ("2.5" for 5.2, not for 5)', () => {
    assert.equal(check('The rate is reviewed every 2.5 years.', sheet, { cache: false }).find((f) => f.ruleId === 'number-mismatch')?.fixes[0].edits[0].text, '5.2');
  });

  it('a difference between two figures ("some 3,750 more deaths than the official tally") is not read as either of them', () => {
    assert.deepEqual(found('HRANA has verified 6,872 deaths, some 3,750 more deaths than the official tally, Foreign Minister Abbas Araghchi said.'), []);
    assert.deepEqual(found('HRANA has verified 6,782 deaths, Foreign Minister Abbas Araghchi said.').map((f) => f.split(':')[0]), ['number-mismatch']);
  });
});

describe('what a figure counts, read from the fact’s own sentence and from the article', () => {
  // An invented story, written for these tests.
  const article = 'The pump alarm had been off for more than 40 minutes. The crews saw the leak on camera 11 minutes before the flood. The van spent about 35 minutes in traffic.';
  const alarm = { id: 'alarm-off', kind: 'count', value: 40, text: 'more than 40', qualifier: 'more-than', counts: 'minutes the alarm was off', context: ['minutes', 'alarm', 'switched off'], source: 'The pump alarm had been off for more than 40 minutes.' };
  const camera = { id: 'camera', kind: 'count', value: 11, text: '11', qualifier: 'exact', counts: 'warning the crews had on camera', context: ['camera', 'saw'], source: 'The crews saw the leak on camera 11 minutes before the flood.' };
  const sheetOf = (figures: object[], entities: object[] = []) => loadFactSheet(JSON.stringify({ story: { id: 'pump', title: 'Pump station flood', article: 'article.md' }, entities, figures, dates: [], quotes: [], settings: [] }));
  const found = (sheet: FactSheet, draft: string, sources?: string[]) => check(draft, sheet, { cache: false, sources }).map((f) => `${f.ruleId}: ${draft.slice(f.start, f.end)}`);
  /** A sheet of quotes and their speakers only. */
  const quoteSheetOf = (entities: object[], quotes: object[]) => loadFactSheet(JSON.stringify({ story: { id: 'quotes', title: 'Quotes', article: 'article.md' }, entities, figures: [], dates: [], quotes, settings: [] }));
  /** The rules a draft's findings come from, checked against `sheet`. */
  const rulesOf = (sheet: FactSheet, draft: string) => check(draft, sheet, { cache: false }).map((f) => f.ruleId);

  it('"its emergency department": a mention after a noun that no phrase of its entity has is another thing of its kind, not that entity', () => {
    const src = "St Anne's Hospital said its emergency department had seen 406 patients.";
    const sheet = sheetOf(
      [
        { id: 'seen', kind: 'count', value: 406, text: '406', qualifier: 'exact', counts: 'patients seen in the emergency department', reportedBy: 'hospital', context: ['patients', 'seen'], source: src },
        { id: 'cases', kind: 'count', value: 318, text: '318', qualifier: 'exact', counts: 'cases counted by the department', reportedBy: 'health', context: ['cases'], source: 'The City Health Department counted 318 cases.' },
      ],
      [
        { id: 'hospital', type: 'organisation', name: "St Anne's Hospital", aliases: ["St Anne's"], mentions: ['the hospital'], source: src },
        { id: 'health', type: 'body', name: 'City Health Department', mentions: ['the department', 'department', 'health department'], source: 'The City Health Department counted 318 cases.' },
      ],
    );
    assert.deepEqual(found(sheet, "St Anne's said its emergency department had seen 406 patients."), []);
    // The entity's own compound, and the bare noun, are still its mentions.
    assert.deepEqual(found(sheet, "St Anne's emergency department said 406 patients had been seen."), []);
    // Without a possessive, the modifier describes the entity: "the city department" is the department.
    assert.deepEqual(found(sheet, 'The city department said 406 patients had been seen.').map((f) => f.split(':')[0]), ['number-mismatch']);
    assert.deepEqual(found(sheet, 'The city health department said 406 patients had been seen.').map((f) => f.split(':')[0]), ['number-mismatch']);
    assert.deepEqual(found(sheet, 'The department said 406 patients had been seen.').map((f) => f.split(':')[0]), ['number-mismatch']);
  });

  it('a rounded figure true of another fact of its kind is that one, honestly rounded, not a slip of the fact its words favour ("runs nearly 1,500 trains a day" beside a cut of 212)', () => {
    const sheet = sheetOf([
      { id: 'cut', kind: 'count', value: 212, text: '212', qualifier: 'exact', counts: 'daily trains cut', context: ['daily', 'trains', 'cut'], source: 'The operator will cut 212 daily trains.' },
      { id: 'all', kind: 'count', value: 1460, text: '1,460', qualifier: 'exact', counts: 'daily services', context: ['daily', 'services'], source: 'It runs 1,460 daily services.' },
    ]);
    assert.deepEqual(found(sheet, 'The operator runs nearly 1,500 trains a day.'), []);
    assert.deepEqual(found(sheet, 'The operator will cut nearly 300 daily trains.').map((f) => f.split(':')[0]), ['number-mismatch']);
  });

  it('a figure is never flagged against the fact it is true of ("fallen to just over 81%" for 81.3%)', () => {
    const src = 'Figures show that 81.3% of trains ran on time this year, compared with 88.9% last year.';
    const sheet = sheetOf([
      { id: 'now', kind: 'share', value: 0.813, text: '81.3%', qualifier: 'exact', counts: 'trains on time this year', context: ['trains', 'run'], source: src },
      { id: 'then', kind: 'share', value: 0.889, text: '88.9%', qualifier: 'exact', counts: 'share last year', context: ['share', 'year'], source: src },
    ]);
    assert.deepEqual(found(sheet, 'On-time running has fallen to just over 81% this year from almost 89% last year.'), []);
  });

  it('a figure true of a fact about the person its clause names is that fact, though a word of another fact\'s context stands by it ("Ruiz finished on just over 14,500")', () => {
    const src = 'Ana Ruiz won 14,962 votes to 14,544 for Bo Lind. Cleo Marsh finished third with 4,317 votes.';
    const people = [
      { id: 'ruiz', type: 'person', name: 'Ana Ruiz', aliases: ['Ruiz'], source: src },
      { id: 'lind', type: 'person', name: 'Bo Lind', aliases: ['Lind'], source: src },
      { id: 'marsh', type: 'person', name: 'Cleo Marsh', aliases: ['Marsh'], source: src },
    ];
    const sheet = sheetOf(
      [
        { id: 'ruiz-votes', kind: 'count', value: 14962, text: '14,962', qualifier: 'exact', counts: 'votes for Ana Ruiz', about: ['ruiz'], context: ['votes', 'won'], source: src },
        { id: 'lind-votes', kind: 'count', value: 14544, text: '14,544', qualifier: 'exact', counts: 'votes for Bo Lind', about: ['lind'], context: ['votes'], source: src },
        { id: 'marsh-votes', kind: 'count', value: 4317, text: '4,317', qualifier: 'exact', counts: 'votes', context: ['votes', 'finished', 'third'], source: src },
      ],
      people,
    );
    assert.deepEqual(found(sheet, 'Bo Lind finished on just over 14,500.'), []);
    assert.deepEqual(found(sheet, 'Bo Lind finished on just over 15,200.').map((f) => f.split(':')[0]), ['number-mismatch']);
  });

  it('two swapped digits of a figure of three significant digits or more tie it to the one fact it swaps with, past another fact\'s context word ("a trial of 4,268 people")', () => {
    const sheet = sheetOf([
      { id: 'enrolled', kind: 'count', value: 4286, text: '4,286', qualifier: 'exact', counts: 'patients enrolled in the trial', context: ['patients', 'enrolled'], source: 'The trial enrolled 4,286 patients, the organisers said.' },
      { id: 'living', kind: 'count', value: 32000000, text: '32 million', qualifier: 'exact', counts: 'people living with the condition', context: ['people', 'living'], source: 'About 32 million people live with the condition.' },
    ]);
    assert.deepEqual(found(sheet, 'The trial had 4,268 people.'), ['number-mismatch: 4,268']);
    // Not digits swapped apart, nor a clause with no word of the fact's own.
    assert.deepEqual(found(sheet, 'The trial had 6,284 people.'), []);
    assert.deepEqual(found(sheet, 'The town had 4,268 people.'), []);
    // A verb of the fact's sentence ("said") is no word of what it counts.
    assert.deepEqual(found(sheet, 'A petition was signed by 4,268 people, it was said.'), []);
  });

  it('a function word after a figure in its sentence is not what it counts ("rising 1.3% against the dollar")', () => {
    const sheet = sheetOf([
      { id: 'pound', kind: 'share', value: 0.013, text: '1.3%', qualifier: 'exact', counts: 'rise of the pound', context: ['pound', 'rising'], source: 'The pound firmed, rising 1.3% against the dollar.' },
      { id: 'inflation-oct', kind: 'share', value: 0.094, text: '9.4%', qualifier: 'exact', counts: 'annual inflation in October', context: ['annual', 'inflation'], source: 'Annual inflation reached 9.4% in October, up from 8.7% in September.' },
      { id: 'inflation-sep', kind: 'share', value: 0.087, text: '8.7%', qualifier: 'exact', counts: 'annual inflation in September', context: ['annual', 'inflation'], source: 'Annual inflation reached 9.4% in October, up from 8.7% in September.' },
    ]);
    assert.deepEqual(found(sheet, 'Annual inflation was 9.4% in October, against 8.7% in September.'), []);
  });

  it('"He said …" opening a sentence: his figures, whatever source a clause inside names without a cue; a one-digit share is no slip of a reporter\'s', () => {
    const src = 'Gareth Penn, the trust\'s chief executive, said a £14.5 million recovery plan would clear the waits, and that about 9% of nursing posts were vacant.';
    const sheet = sheetOf(
      [
        { id: 'plan', kind: 'money', value: 14500000, currency: 'GBP', text: '£14.5 million', qualifier: 'exact', counts: 'cost of the recovery plan', reportedBy: 'penn', context: ['recovery plan', 'plan'], source: src },
        { id: 'vacancy', kind: 'share', value: 0.09, text: 'about 9%', qualifier: 'about', counts: 'share of nursing posts vacant', reportedBy: 'penn', context: ['vacant', 'nursing posts'], source: src },
        { id: 'list', kind: 'count', value: 52900, text: '52,900', qualifier: 'exact', counts: 'patients waiting', reportedBy: 'hqi', context: ['waiting'], source: 'Inspectors counted 52,900 patients waiting.' },
      ],
      [
        { id: 'penn', type: 'person', name: 'Gareth Penn', aliases: ['Penn'], roles: [{ title: 'chief executive', qualifiers: ["the trust's"] }], source: src },
        { id: 'hqi', type: 'body', name: 'Health Quality Inspectorate', mentions: ['inspectors'], source: 'Inspectors counted 52,900 patients waiting.' },
      ],
    );
    const lead = "The trust's chief executive, Gareth Penn, rejected the findings. ";
    assert.deepEqual(found(sheet, `${lead}He said the list had shrunk by 4% since inspectors visited and that a £14.5 million recovery plan would clear the waits.`), []);
    assert.deepEqual(found(sheet, `${lead}He said the list had shrunk since inspectors visited and that a £15.4 million recovery plan would clear the waits.`), ['number-mismatch: £15.4 million']);
    // A source with a cue of its own is still its figure's source.
    assert.deepEqual(found(sheet, `${lead}He said inspectors had counted 52,900 patients waiting.`), []);
  });

  it('a subject reports past its relative clause and auxiliaries ("The trust, which counts …, had published"); a word that is no noun says nothing of what is counted', () => {
    const src = 'The trust\'s own figure, published last month, was 48,312, while inspectors counted 52,900 patients waiting.';
    const sheet = sheetOf(
      [
        { id: 'trust-list', kind: 'count', value: 48312, text: '48,312', qualifier: 'exact', counts: 'people waiting, by the trust\'s count', reportedBy: 'trust', context: ['waiting', 'figure'], source: src },
        { id: 'hqi-list', kind: 'count', value: 52900, text: '52,900', qualifier: 'exact', counts: 'people waiting, by the inspectors\' count', reportedBy: 'hqi', context: ['waiting'], source: src },
      ],
      [
        { id: 'trust', type: 'organisation', name: 'Brannock Trust', mentions: ['the trust'], source: src },
        { id: 'hqi', type: 'body', name: 'Health Quality Inspectorate', mentions: ['inspectors'], source: src },
      ],
    );
    const lead = 'Inspectors counted 52,900 people waiting. ';
    assert.deepEqual(found(sheet, `${lead}The trust, which counts only people waiting for operations, had published a figure of 48,132 last month.`), ['number-mismatch: 48,132']);
    assert.deepEqual(found(sheet, `${lead}The trust, which counts only people waiting for operations, had published a figure of 48,312 last month.`), []);
    // The agent right after a figure is its source, whoever the clause's subject is.
    assert.deepEqual(found(sheet, 'The inspectors have counted 52,900 people waiting, more than the 52,900 published by the trust.').map((f) => f.split(':')[0]), ['number-mismatch']);
    // …named in the sheet or not: no one before it reports it.
    assert.deepEqual(found(sheet, 'The trust counts fewer people waiting: 48,312, against 52,900 counted by auditors.'), []);
  });

  it('after the verified given name, one slip makes a short surname misspelt ("Nia Obuyah"); alone, or a common word, it does not', () => {
    const src = 'Nia Obuya, the chief inspector, said the pumps had failed.';
    const sheet = sheetOf([], [
      { id: 'obuya', type: 'person', name: 'Nia Obuya', aliases: ['Obuya'], source: src },
      { id: 'woode', type: 'person', name: 'Ola Woode', aliases: ['Woode'], source: src },
    ]);
    assert.deepEqual(found(sheet, 'Nia Obuyah said the pumps had failed.'), ['name-mismatch: Obuyah']);
    assert.deepEqual(found(sheet, 'Nia Obya said the pumps had failed.'), ['name-mismatch: Obya']);
    assert.deepEqual(found(sheet, 'Obuyah said the pumps had failed. Nia Obuya agreed.'), []);
    assert.deepEqual(found(sheet, 'Ola Woode said the pumps had failed; Ola Wooda agreed.'), ['name-mismatch: Wooda']);
    assert.deepEqual(found(sheet, 'Ola Woode said the pumps had failed; Ola Wood agreed.'), []);
  });

  it('after the verified given name, a surname with an "s" more ("Helena Vargas") or two letters off a long one ("Milan Oreshkin") is misspelt', () => {
    const src = 'Helena Varga and Milan Oreshkov said the pumps had failed.';
    const sheet = sheetOf([], [
      { id: 'varga', type: 'person', name: 'Helena Varga', aliases: ['Varga'], source: src },
      { id: 'oreshkov', type: 'person', name: 'Milan Oreshkov', aliases: ['Oreshkov'], source: src },
    ]);
    assert.deepEqual(found(sheet, 'Dr Helena Vargas said the pumps had failed.'), ['name-mismatch: Vargas']);
    assert.deepEqual(found(sheet, 'Professor Milan Oreshkin said the pumps had failed.'), ['name-mismatch: Oreshkin']);
    assert.deepEqual(found(sheet, "Helena Varga's team and the Vargas family agreed; Milan Oreshkov's too."), []);
  });

  it('"a 46-year-old" is an age wherever it stands, and "a three-point lead" counts points: neither is a slip for seats', () => {
    const src = 'Ana Voss, 46, led the league from nine seats in 2021 to 27; its poll lead was three points, and police arrested a 34-year-old man.';
    const sheet = sheetOf(
      [
        { id: 'voss-age', kind: 'count', value: 46, text: '46', qualifier: 'exact', counts: "Voss's age", about: ['voss'], context: ['aged', 'age'], source: src },
        { id: 'seats-2021', kind: 'count', value: 9, text: 'nine', qualifier: 'exact', counts: 'seats the league held after 2021', about: ['voss'], context: ['seats', 'from', '2021', 'had'], source: src },
        { id: 'seats', kind: 'count', value: 27, text: '27', qualifier: 'exact', counts: 'seats the league won', about: ['voss'], context: ['seats', 'won'], source: src },
        { id: 'lead', kind: 'count', value: 3, text: 'three points', qualifier: 'exact', counts: 'points of the poll lead', context: ['poll', 'lead'], source: src },
        { id: 'suspect-age', kind: 'count', value: 34, text: '34', qualifier: 'exact', counts: 'the man arrested', context: ['arrested', 'suspect'], source: src },
      ],
      [{ id: 'voss', type: 'person', name: 'Ana Voss', aliases: ['Voss'], source: src }],
    );
    assert.deepEqual(found(sheet, 'Voss, a 46-year-old former teacher, said she had had nine seats in 2021.'), []);
    assert.deepEqual(found(sheet, 'Voss, a 64-year-old former teacher, said she had had nine seats in 2021.'), ['number-mismatch: 64']);
    assert.deepEqual(found(sheet, 'Police arrested a 43-year-old man.'), ['number-mismatch: 43']);
    assert.deepEqual(found(sheet, 'Voss won 27 seats; the poll had given the league a three-point lead.'), []);
    assert.deepEqual(found(sheet, 'Voss won 27 seats; the poll had given the league a four-point lead.'), ['number-mismatch: four']);
    // A unit the fact says is its own ("a 12-seat haul" is a count of seats).
    assert.deepEqual(found(sheet, 'Voss won a 12-seat haul.').map((f) => f.split(':')[0]), ['number-mismatch']);
  });

  it('whom a clause names rules out the figures of others as the one a figure is a slip for', () => {
    const src = 'The League went from nine seats to 27; the Workers Party won 21 seats, down from 30.';
    const sheet = sheetOf(
      [
        { id: 'league-seats', kind: 'count', value: 27, text: '27', qualifier: 'exact', counts: 'seats won by the League', about: ['league'], context: ['seats', 'to', 'League'], source: src },
        { id: 'league-before', kind: 'count', value: 9, text: 'nine', qualifier: 'exact', counts: 'seats the League held before', about: ['league'], context: ['seats', 'from'], source: src },
        { id: 'workers-seats', kind: 'count', value: 21, text: '21', qualifier: 'exact', counts: 'seats won by the Workers Party', about: ['workers'], context: ['seats', 'won'], source: src },
        { id: 'workers-before', kind: 'count', value: 30, text: '30', qualifier: 'exact', counts: 'seats the Workers Party held before', about: ['workers'], context: ['seats', 'down from', 'held'], source: src },
      ],
      [
        { id: 'league', type: 'organisation', name: 'Civic League', aliases: ['League'], source: src },
        { id: 'workers', type: 'organisation', name: 'Workers Party', source: src },
      ],
    );
    assert.deepEqual(found(sheet, 'The Workers Party, which had run the council since 2013, fell from 30 seats to 21.'), []);
    assert.deepEqual(found(sheet, 'The League went from nine seats to 24.'), ['number-mismatch: 24']);
  });

  it('the period a record is measured over is no length of the thing measured ("the longest waits in ten years", "a 10-year high")', () => {
    const src = 'The longest wait it found was 97 weeks, for a hip replacement.';
    const sheet = sheetOf([{ id: 'longest', kind: 'duration', value: 97, unit: 'weeks', text: '97 weeks', qualifier: 'exact', counts: 'the longest wait', context: ['longest', 'wait', 'hip'], source: src }]);
    assert.deepEqual(found(sheet, 'Patients face the longest waits in ten years, with one hip patient waiting 97 weeks.'), []);
    assert.deepEqual(found(sheet, 'The longest waits are at a 10-year high.'), []);
    assert.deepEqual(found(sheet, 'Hip patients wait longer than ever: for the first time in a decade, the longest wait tops 97 weeks.'), []);
    // A superlative or "first" elsewhere in the clause is of something else: the length is checked.
    assert.deepEqual(found(sheet, 'Most hip patients face the longest wait, which was 79 weeks in the first review.'), ['number-mismatch: 79 weeks']);
    assert.deepEqual(found(sheet, 'In the first review of its kind, the longest wait was found to last for 79 weeks.'), ['number-mismatch: 79 weeks']);
    // The length itself is still checked, in any unit.
    assert.deepEqual(found(sheet, 'The longest wait, for a hip replacement, was 79 weeks.'), ['number-mismatch: 79 weeks']);
    assert.deepEqual(found(sheet, 'The longest wait was a 10-year wait for a hip replacement.'), ['number-mismatch: 10-year']);
  });

  it('the reporter and a slip of one digit do not tie a figure to a fact nothing else names; a fact of its own value does', () => {
    const src = 'The board found the ferry entered fog about 25 minutes before the impact and that 27 people were injured; the institute put the magnitude at 7.0 and expects shocks above 5.';
    const sheet = sheetOf(
      [
        { id: 'fog', kind: 'count', value: 25, text: 'about 25', qualifier: 'about', counts: 'minutes in fog', reportedBy: 'board', context: ['fog'], source: src },
        { id: 'injured', kind: 'count', value: 27, text: '27', qualifier: 'exact', counts: 'people', context: ['people'], source: src },
        { id: 'shocks', kind: 'count', value: 5, text: '5', qualifier: 'more-than', counts: 'magnitude of further shocks', reportedBy: 'institute', context: ['further shocks'], source: src },
        { id: 'magnitude', kind: 'count', value: 7, text: '7.0', qualifier: 'exact', counts: 'magnitude', reportedBy: 'centre', context: ['magnitude'], source: src },
      ],
      [
        { id: 'board', type: 'body', name: 'Accident Board', source: src },
        { id: 'institute', type: 'body', name: 'Seismic Institute', source: src },
        { id: 'centre', type: 'body', name: 'Orsini Centre', source: src },
      ],
    );
    assert.deepEqual(found(sheet, '| Injured | Figure | Source |\n| --- | --- | --- |\n| Injured | 27 | Accident Board |\n'), []);
    assert.deepEqual(found(sheet, 'The Seismic Institute said on Tuesday that it was 7.0.'), []);
    assert.deepEqual(found(sheet, 'The Seismic Institute expects further shocks above 6.'), ['number-mismatch: above 6']);
  });

  it('a subject shown doing something other than reporting may be whom the figure is about, not its source', () => {
    const src = 'Mara Quist, an analyst, put Orrin’s share of the pump market at about 15%, while Orrin claims 18%.';
    const sheet = sheetOf(
      [
        { id: 'share-quist', kind: 'share', value: 0.15, text: 'about 15%', qualifier: 'about', counts: "Orrin's share of the pump market, according to Quist", reportedBy: 'quist', context: ['market', 'share'], source: src },
        { id: 'share-orrin', kind: 'share', value: 0.18, text: '18%', qualifier: 'exact', counts: 'market share Orrin claims', reportedBy: 'orrin', context: ['market', 'share', 'claims'], source: src },
      ],
      [
        { id: 'orrin', type: 'organisation', name: 'Orrin', source: src },
        { id: 'quist', type: 'person', name: 'Mara Quist', aliases: ['Quist'], source: src },
      ],
    );
    assert.deepEqual(found(sheet, 'Mara Quist found the plan "credible, but only just" and reckons Orrin holds about 15% of the pump market, less than the 18% the company claims.').filter((f) => !f.startsWith('quote-unverified')), []);
    // Shown reporting it, the company is the source, and the figure another's.
    assert.deepEqual(found(sheet, 'Orrin said it holds about 15% of the pump market.').map((f) => f.split(':')[0]), ['number-mismatch']);
  });

  it('the noun after a fact’s figure in its cited sentence ties a draft’s figure to it, though the sheet does not list it', () => {
    const sheet = sheetOf([alarm, camera]);
    // "minutes" is a context word of the alarm only; the camera's own sentence counts minutes too.
    assert.deepEqual(found(sheet, '- **11 minutes**: the warning before the flood.'), []);
    assert.deepEqual(found(sheetOf([alarm]), '- **11 minutes**: the warning before the flood.'), ['number-mismatch: 11']);
  });

  it('a clause opened by "when" is another clause: whom it names is not whom the figure before it is about', () => {
    const source = 'The Kelda was doing 16.5 knots when it hit the Brora, which was doing about 9 knots.';
    const ships = [
      { id: 'kelda', type: 'product', name: 'Kelda', source },
      { id: 'brora', type: 'product', name: 'Brora', source },
    ];
    const sheet = sheetOf(
      [
        { id: 'kelda-speed', kind: 'count', value: 16.5, text: '16.5', qualifier: 'exact', counts: 'speed of the Kelda in knots', about: ['kelda'], context: ['knots', 'speed'], source },
        { id: 'brora-speed', kind: 'count', value: 9, text: 'about 9', qualifier: 'about', counts: 'speed of the Brora in knots', about: ['brora'], context: ['knots', 'speed'], source },
      ],
      ships,
    );
    const draft = 'The pump boat was doing 18.5 knots when it struck the Brora.';
    assert.equal(applyFixes(draft, check(draft, sheet, { cache: false })).text, 'The pump boat was doing 16.5 knots when it struck the Brora.');
  });

  it('review of this session\'s readings: unit slips, sums of two clauses and gapped clauses with a verb are still read', () => {
    const source = 'The blast killed 12 people and injured 40.';
    const sheet = sheetOf([
      { id: 'killed', kind: 'count', value: 12, text: '12', qualifier: 'exact', counts: 'people killed', context: ['killed', 'dead'], source },
      { id: 'injured', kind: 'count', value: 40, text: '40', qualifier: 'exact', counts: 'people injured', context: ['injured'], source },
      { id: 'ban', kind: 'duration', value: 10, unit: 'years', text: 'ten years', qualifier: 'exact', counts: 'ban on running a company', context: ['banned', 'ban'], source: 'He was banned for ten years.' },
      { id: 'loan', kind: 'money', value: 3e6, text: '£3 million', qualifier: 'exact', currency: 'GBP', counts: 'the guild’s loan', context: ['borrow'], source: 'The guild will borrow £3 million.' },
    ]);
    assert.deepEqual(found(sheet, 'The blast killed 52 people.'), ['number-mismatch: 52']);
    assert.deepEqual(found(sheet, 'He was banned for ten months.'), ['number-mismatch: ten months']);
    assert.deepEqual(found(sheet, 'The guild will borrow £3 million and the trust lost £3 billion.'), []);
  });

  it('the total of two counts of one sentence ("312 passengers and 41 crew": 353 on board) agrees with them', () => {
    const source = 'Of the 312 passengers and 41 crew on board, 27 were hurt.';
    const sheet = sheetOf([
      { id: 'passengers', kind: 'count', value: 312, text: '312', qualifier: 'exact', counts: 'passengers on board', context: ['passengers', 'on board'], source },
      { id: 'crew', kind: 'count', value: 41, text: '41', qualifier: 'exact', counts: 'crew on board', context: ['crew'], source },
      { id: 'hurt', kind: 'count', value: 27, text: '27', qualifier: 'exact', counts: 'people hurt', context: ['hurt', 'injured'], source },
    ]);
    assert.deepEqual(found(sheet, 'Twenty-seven of the 353 people on board were hurt.'), []);
    assert.deepEqual(found(sheet, 'More than 350 people were on board.'), []);
    assert.deepEqual(found(sheet, 'There were 313 passengers on board.'), ['number-mismatch: 313']);
  });

  it('"and eight others" is one short of the total; "**Post 1:**" numbers an item; "almost two-thirds" is honest for 64%; a two-day visit is no six-month interval', () => {
    const source = 'The trust runs nine schools, and 64% of parents would not recommend this one.';
    const sheet = sheetOf([
      { id: 'schools', kind: 'count', value: 9, text: 'nine', qualifier: 'exact', counts: 'schools the trust runs', context: ['schools', 'runs'], source },
      { id: 'parents', kind: 'share', value: 0.64, text: '64%', qualifier: 'exact', counts: 'parents who would not recommend the school', context: ['parents', 'recommend'], source },
      { id: 'visit-days', kind: 'count', value: 2, text: 'two', qualifier: 'exact', counts: 'days of the inspection', context: ['inspection'], source: 'The trust had a two-day inspection.' },
      { id: 'monitoring', kind: 'duration', value: 6, unit: 'months', text: 'six months', qualifier: 'exact', counts: 'interval between monitoring visits', context: ['monitoring', 'visits'], source: 'Monitoring visits come every six months.' },
    ]);
    assert.deepEqual(found(sheet, 'The trust runs the school and eight others.'), []);
    assert.deepEqual(found(sheet, 'The trust runs the school and nine other schools.'), ['number-mismatch: nine']);
    assert.deepEqual(found(sheet, 'The trust runs eight schools.'), ['number-mismatch: eight']);
    assert.deepEqual(found(sheet, '**Post 1:** The trust runs nine schools.'), []);
    assert.deepEqual(found(sheet, 'Almost two-thirds of parents would not recommend the school.'), []);
    assert.deepEqual(found(sheet, 'Almost three-quarters of parents would not recommend the school.'), ['number-mismatch: Almost three-quarters']);
    assert.deepEqual(found(sheet, 'Inspectors made monitoring visits during the two-day inspection.'), []);
    assert.deepEqual(found(sheet, 'Monitoring visits will come every eight months.'), ['number-mismatch: eight months']);
  });

  it('a figure the article gives that no fact lists ("about 35 minutes in traffic") is not a misstated fact', () => {
    const sheet = sheetOf([alarm]);
    const draft = 'The van spent about 35 minutes in traffic.';
    assert.deepEqual(found(sheet, draft, [article]), []);
    // Without the article, the one fact of minutes is taken for it.
    assert.deepEqual(found(sheet, draft), ['number-mismatch: about 35']);
    // What more than its noun ties to a fact is still compared with it, though the article has the number.
    assert.deepEqual(found(sheet, 'The alarm was switched off for 35 minutes.', [article]), ['number-mismatch: 35']);
  });
  it('a number in words is no slip of the finger ("two more councillors" is not 27 mistyped), nor is a figure the article writes in words; a signed figure in a table is a change', () => {
    const source = 'The League won 27 of the 57 seats, two short of a majority, and the Farmers Party fell from 30 seats to 21.';
    const sheet = sheetOf([
      { id: 'league', kind: 'count', value: 27, text: '27', qualifier: 'exact', counts: 'seats won by the League', context: ['seats', 'won'], source },
      { id: 'short', kind: 'count', value: 2, text: 'two', qualifier: 'exact', counts: 'seats short of a majority', context: ['short', 'majority'], source },
    ]);
    assert.deepEqual(found(sheet, 'The League now needs two more councillors to win seats and govern.'), []);
    assert.deepEqual(found(sheet, 'The League won 72 seats.'), ['number-mismatch: 72']);
    assert.deepEqual(found(sheet, 'The League won 2 seats.'), ['number-mismatch: 2']);
    // "29" is no slip of the article's "two".
    assert.deepEqual(found(sheet, 'The League fell 29 short of a majority.'), []);
    assert.deepEqual(found(sheet, 'The League fell three short of a majority.'), ['number-mismatch: three']);
    const table = '| Party | Seats | Change |\n| --- | --- | --- |\n| League | 27 | +18 |\n';
    assert.deepEqual(found(sheet, table), []);
    assert.deepEqual(found(sheet, table.replace('| 27 |', '| 72 |')), ['number-mismatch: 72']);
  });
  it('"no more than eight" is an upper bound, and so is "more than" under a negated subject ("nobody worked more than 12 hours")', () => {
    const source = 'A safe speed would have been no more than eight knots, and the operator said no officer had worked more than 12 hours.';
    const sheet = sheetOf([
      { id: 'safe', kind: 'count', value: 8, text: 'eight', qualifier: 'up-to', counts: 'safe speed in knots', context: ['safe speed', 'knots'], source },
      { id: 'shift', kind: 'count', value: 12, text: '12', qualifier: 'up-to', counts: 'most hours an officer worked', context: ['hours', 'worked'], source },
    ]);
    assert.deepEqual(found(sheet, 'A safe speed was no more than eight knots.'), []);
    assert.deepEqual(found(sheet, 'A safe speed was more than eight knots.'), ['number-mismatch: more than eight']);
    assert.deepEqual(found(sheet, 'The operator says nobody worked more than 12 hours.'), []);
    assert.deepEqual(found(sheet, 'The operator says officers worked more than 12 hours.'), ['number-mismatch: more than 12']);
  });
  it('a verb of approach or of passing is a qualifier: a toll that "nears 90" agrees with 87, one that "tops 90" does not', () => {
    const source = 'The ministry said 87 people had been killed.';
    const sheet = sheetOf([{ id: 'dead', kind: 'count', value: 87, text: '87', qualifier: 'exact', counts: 'people killed', context: ['killed', 'dead', 'death toll'], source }]);
    assert.deepEqual(found(sheet, '# Quake death toll nears 90'), []);
    assert.deepEqual(found(sheet, 'The death toll was nearing 90 on Sunday.'), []);
    assert.deepEqual(found(sheet, 'The death toll has topped 80.'), []);
    assert.deepEqual(found(sheet, '# Quake death toll tops 90').map((f) => f.split(':')[0]), ['number-mismatch']);
    // The verb cannot be dropped and no value makes it true: no fix is offered ("death toll 87" is no headline).
    assert.deepEqual(check('# Quake death toll tops 90', sheet, { cache: false }).map((f) => f.fixes.length), [0]);
  });
  it('a title is anyone\'s: "Its leader, Councillor Fergus Hallam" in another council\'s item does not make it this story\'s', () => {
    const source = 'The opposition group said the gap was £32.7m. Its leader, Councillor Rowena Tkachenko, called the budget reckless.';
    const sheet = sheetOf(
      [{ id: 'gap', kind: 'money', value: 32700000, currency: 'GBP', text: '£32.7m', qualifier: 'exact', counts: 'funding gap', context: ['gap'], source }],
      [{ id: 'tkachenko', type: 'person', name: 'Rowena Tkachenko', aliases: ['Tkachenko'], roles: [{ title: 'leader', qualifiers: ['its', 'opposition'] }], source }],
    );
    assert.deepEqual(found(sheet, '**Elsewhere:** Dunscombe County Council froze its tax. Its leader, Councillor Fergus Hallam, said the gap was £11.8m.'), []);
    assert.deepEqual(found(sheet, '**Opposition:** The opposition group said the gap was £23.7m. Its leader, Councillor Rowena Tkachenko, called it reckless.'), ['number-mismatch: £23.7m']);
  });

  it('a word only the cited sentences write capitalised ("a Band D bill") does not make another council\'s item this story\'s', () => {
    const source = 'Calder Council raised its Band D bill by 4.99%, to £2,146.';
    const sheet = sheetOf(
      [{ id: 'bill', kind: 'money', value: 2146, currency: 'GBP', text: '£2,146', qualifier: 'exact', counts: 'Band D bill', reportedBy: 'calder', context: ['Band D', 'bill'], source }],
      [{ id: 'calder', type: 'organisation', name: 'Calder Council', source }],
    );
    assert.deepEqual(found(sheet, '**Elsewhere:** Westmoor Borough froze its Band D bill at £2,310, its leader Priti Sandhu said.'), []);
    assert.deepEqual(found(sheet, '**Calder:** Calder Council raised its Band D bill to £2,310.'), ['number-mismatch: £2,310']);
  });
  it('a value before a change ("to 0.8%, from 1.4%", "3.75% (was 4%)") is of the fact the article gives as the value before; "a quarter of a percentage point" is no share; "nearer 300" is about; ", not 240" sets another figure aside', () => {
    const rate = 'The bank cut its rate to 3.75% from 4%, by a quarter of a percentage point.';
    const growth = 'It cut its growth forecast to 0.8%, from 1.1% in February, as inflation fell from 3.4% in February.';
    const jobs = 'The council will cut 240 posts; the union says closer to 310 jobs are at risk.';
    const sheet = sheetOf([
      { id: 'rate', kind: 'share', value: 0.0375, text: '3.75%', qualifier: 'exact', counts: 'the interest rate after the cut', context: ['rate', 'interest rate'], source: rate },
      { id: 'rate-old', kind: 'share', value: 0.04, text: '4%', qualifier: 'exact', counts: 'the rate before the cut', context: ['previous'], source: rate },
      { id: 'growth', kind: 'share', value: 0.008, text: '0.8%', qualifier: 'exact', counts: 'growth forecast', context: ['growth', 'forecast'], source: growth },
      { id: 'growth-old', kind: 'share', value: 0.011, text: '1.1%', qualifier: 'exact', counts: 'previous growth forecast', context: ['February'], source: growth },
      { id: 'inflation-old', kind: 'share', value: 0.034, text: '3.4%', qualifier: 'exact', counts: 'inflation in February', context: ['inflation', 'February'], source: growth },
      { id: 'posts', kind: 'count', value: 240, text: '240', qualifier: 'exact', counts: 'posts cut', reportedBy: 'council', context: ['posts', 'jobs'], source: jobs },
      { id: 'union-jobs', kind: 'count', value: 310, text: 'closer to 310', qualifier: 'about', counts: 'jobs at risk', reportedBy: 'union', context: ['jobs at risk'], source: jobs },
    ], [
      { id: 'council', type: 'organisation', name: 'Calder Council', aliases: ['the council'], source: jobs },
      { id: 'union', type: 'organisation', name: 'Public Services Union', aliases: ['the union'], source: jobs },
    ]);
    const table = (cell: string) => `| Measure | Latest |\n| --- | --- |\n| Interest rate | ${cell} |\n`;
    assert.deepEqual(found(sheet, table('3.75% (was 4%)')), []);
    assert.deepEqual(found(sheet, table('3.75% (was 4.5%)')), ['number-mismatch: 4.5%']);
    assert.deepEqual(found(sheet, 'It cut its growth forecast to 0.8%, from 1.1% in February.'), []);
    assert.deepEqual(found(sheet, 'It cut its growth forecast to 0.8%, from 1.4% in February.'), ['number-mismatch: 1.4%']);
    assert.equal(check('It cut its growth forecast to 0.8%, from 1.4% in February.', sheet, { cache: false })[0]?.fixes[0]?.edits[0]?.text, '1.1');
    assert.deepEqual(found(sheet, 'The bank lowered its rate by a quarter of a percentage point to 3.75%.'), []);
    assert.deepEqual(found(sheet, 'The union says the number of jobs at risk is nearer 300.'), []);
    assert.deepEqual(found(sheet, 'The union says closer to 310 jobs are at risk, not 240.'), []);
    // (Only a figure of the story is set aside so: "HRANA recorded over 50 thousand arrests, not
    // over 15 thousand" stays a misstated figure, fixtures/drafts/numbers-forms.md.)
  });
  it('"9.4m passengers" is 9.4 million without a currency, where a plural noun follows (wink-lexicon); "a 5m wall" is metres', () => {
    const source = 'The airport handled 9.4 million passengers last year and built a wall of 12 metres.';
    const sheet = sheetOf([
      { id: 'passengers', kind: 'count', value: 9400000, text: '9.4 million', qualifier: 'exact', counts: 'passengers the airport handled last year', context: ['passengers'], source },
      { id: 'wall', kind: 'count', value: 12, text: '12', qualifier: 'exact', counts: 'height of the wall in metres', context: ['wall', 'metres'], source },
    ]);
    assert.deepEqual(found(sheet, 'The airport handled 9.4m passengers last year.'), []);
    assert.deepEqual(found(sheet, 'The airport handled 9.2m passengers last year.'), ['number-mismatch: 9.2m']);
    assert.deepEqual(found(sheet, 'The airport built a 13m wall.'), ['number-mismatch: 13']);
  });
  it('hours and minutes are one duration: "nearly seven hours" agrees with six hours and 40 minutes, told as one figure or as two', () => {
    const source = 'The runway was closed for six hours and 40 minutes.';
    const one = sheetOf([{ id: 'closure', kind: 'duration', value: 6.67, unit: 'hours', text: 'six hours and 40 minutes', qualifier: 'exact', counts: 'how long the runway was closed', context: ['closed', 'runway'], source }]);
    const two = sheetOf([
      { id: 'closure-hours', kind: 'duration', value: 6, unit: 'hours', text: 'six hours', qualifier: 'exact', counts: 'hours the runway was closed', context: ['hours', 'closed', 'runway'], source },
      { id: 'closure-minutes', kind: 'count', value: 40, text: '40', qualifier: 'exact', counts: 'minutes on top of the hours', context: ['minutes', 'closed'], source },
    ]);
    for (const sheet of [one, two]) {
      assert.deepEqual(found(sheet, 'The runway was closed for nearly seven hours.'), []);
      assert.deepEqual(found(sheet, 'The runway was closed for more than six and a half hours.'), []);
      assert.deepEqual(found(sheet, 'The runway was closed for six hours and 40 minutes.'), []);
      assert.deepEqual(found(sheet, 'The runway was closed for nearly nine hours.'), ['number-mismatch: nearly nine hours']);
    }
    assert.deepEqual(found(one, 'The runway was closed for six hours and 50 minutes.'), ['number-mismatch: six hours and 50 minutes']);
    // Told as two figures, the message and the fix give the whole verified duration.
    const draft = 'The runway was closed for six hours and 50 minutes.';
    const fs = check(draft, two, { cache: false });
    assert.deepEqual(fs.map((f) => f.message), ['Draft says six hours and 50 minutes for hours the runway was closed; verified: six hours and 40 minutes']);
    const e = fs[0].fixes[0].edits[0];
    assert.equal(draft.slice(0, e.start) + e.text + draft.slice(e.end), 'The runway was closed for six hours and 40 minutes.');
  });
  it('a fact box: a source in brackets after a figure is its own ("6.4 (NSS) / 6.1 (EGS)"), each labelled line is read alone however long, and the verified amount in another currency is the wrong currency', () => {
    const source = 'The service put the magnitude at 6.4 and the survey at 6.1; the ministry counted 87 dead and 412 injured, and the bank pledged $25 million, with €60 million from the government.';
    const sheet = sheetOf([
      { id: 'mag-nss', kind: 'count', value: 6.4, text: '6.4', qualifier: 'exact', counts: 'magnitude, according to the service', reportedBy: 'nss', context: ['magnitude'], source },
      { id: 'mag-egs', kind: 'count', value: 6.1, text: '6.1', qualifier: 'exact', counts: 'magnitude, according to the survey', reportedBy: 'egs', context: ['magnitude'], source },
      { id: 'dead', kind: 'count', value: 87, text: '87', qualifier: 'exact', counts: 'people killed', reportedBy: 'ministry', context: ['dead', 'killed'], source },
      { id: 'dead-society', kind: 'count', value: 112, text: 'at least 112', qualifier: 'at-least', counts: 'people killed, according to the society', reportedBy: 'society', context: ['dead', 'killed'], source },
      { id: 'injured', kind: 'count', value: 412, text: '412', qualifier: 'exact', counts: 'people injured', reportedBy: 'ministry', context: ['injured'], source },
      { id: 'loans', kind: 'money', value: 25000000, currency: 'USD', text: '$25 million', qualifier: 'exact', counts: 'loans pledged by the bank', reportedBy: 'bank', context: ['loans', 'bank'], source },
      { id: 'aid', kind: 'money', value: 60000000, currency: 'EUR', text: '€60 million', qualifier: 'exact', counts: 'aid from the government', reportedBy: 'ministry', context: ['aid', 'government'], source },
    ], [
      { id: 'nss', type: 'organisation', name: 'National Seismology Service', aliases: ['NSS'], source },
      { id: 'egs', type: 'organisation', name: 'Eastmere Geophysical Survey', aliases: ['EGS'], source },
      { id: 'ministry', type: 'organisation', name: 'Interior Ministry', aliases: ['interior ministry'], source },
      { id: 'society', type: 'organisation', name: 'Mountain Rescue Society', aliases: ['rescue society'], source },
      { id: 'bank', type: 'organisation', name: 'Northern Development Bank', source },
    ]);
    assert.deepEqual(found(sheet, 'Magnitude:     6.4 (NSS) / 6.1 (EGS)'), []);
    assert.deepEqual(found(sheet, 'Magnitude:     6.1 (NSS) / 6.4 (EGS)').length, 2);
    const box = 'Dead:                   87 (interior ministry); at least 112 (rescue society)\nInjured:                412, most of them in Brastovo\n';
    assert.deepEqual(found(sheet, box), []);
    assert.deepEqual(found(sheet, box.replace('412', '421')), ['number-mismatch: 421']);
    assert.deepEqual(found(sheet, 'Aid:     €60m (government); $25m (Northern Development Bank)'), []);
    const swapped = 'Aid:     €60m (government); €25m (Northern Development Bank)';
    assert.deepEqual(found(sheet, swapped), ['number-mismatch: €25m']);
    const fix = check(swapped, sheet, { cache: false })[0].fixes[0].edits[0];
    assert.equal(swapped.slice(0, fix.start) + fix.text + swapped.slice(fix.end), 'Aid:     €60m (government); $25m (Northern Development Bank)');
    // Another number in another currency is a conversion, left alone.
    assert.deepEqual(found(sheet, 'Aid:     €60m (government); €23m (Northern Development Bank)'), []);
  });
  it('the wrong currency\'s fix keeps the qualifier and replaces a mark written after the number', () => {
    const source = 'The Northern Development Bank pledged $25m in loans.';
    const sheet = sheetOf(
      [{ id: 'loan', kind: 'money', value: 25000000, currency: 'USD', text: '$25m', qualifier: 'exact', counts: 'loans from the bank', reportedBy: 'bank', context: ['loans', 'pledged'], source }],
      [{ id: 'bank', type: 'organisation', name: 'Northern Development Bank', source }],
    );
    const fixed = (draft: string) => {
      const fs = check(draft, sheet, { cache: false });
      assert.equal(fs.length, 1, JSON.stringify(fs.map((f) => f.message)));
      const e = fs[0].fixes[0].edits[0];
      return draft.slice(0, e.start) + e.text + draft.slice(e.end);
    };
    assert.equal(fixed('The Northern Development Bank pledged about €25m in loans.'), 'The Northern Development Bank pledged about $25m in loans.');
    assert.equal(fixed('The Northern Development Bank pledged about 25 million euros in loans.'), 'The Northern Development Bank pledged about $25m in loans.');
    // A verified text with its own qualifier gives only its mark and figure.
    const about = sheetOf(
      [{ id: 'loan', kind: 'money', value: 25000000, currency: 'USD', text: 'about $25m', qualifier: 'about', counts: 'loans from the bank', reportedBy: 'bank', context: ['loans', 'pledged'], source: 'The Northern Development Bank pledged about $25m in loans.' }],
      [{ id: 'bank', type: 'organisation', name: 'Northern Development Bank', source }],
    );
    for (const [draft, want] of [['The Northern Development Bank pledged about €25m in loans.', 'The Northern Development Bank pledged about $25m in loans.'], ['The Northern Development Bank pledged about 25 million euros in loans.', 'The Northern Development Bank pledged about $25m in loans.']]) {
      const e = check(draft, about, { cache: false })[0].fixes[0].edits[0];
      assert.equal(draft.slice(0, e.start) + e.text + draft.slice(e.end), want);
    }
  });
  it('a title two people hold is either one\'s under a qualifier that names no office ("Its leader, Hester Pryce"); under the other\'s own qualifier it is a wrong title', () => {
    const source = 'Council leader Hester Pryce won the vote; the opposition leader, Rowena Tkach, said the gap was £32.7m.';
    const sheet = sheetOf(
      [{ id: 'gap', kind: 'money', value: 32700000, currency: 'GBP', text: '£32.7m', qualifier: 'exact', counts: 'funding gap', reportedBy: 'tkach', context: ['gap'], source }],
      [
        { id: 'pryce', type: 'person', name: 'Hester Pryce', aliases: ['Pryce'], roles: [{ title: 'leader', qualifiers: ['council', 'the council'], requireQualifier: true }], source },
        { id: 'tkach', type: 'person', name: 'Rowena Tkach', aliases: ['Tkach'], roles: [{ title: 'leader', qualifiers: ['opposition', 'the opposition', 'its'], requireQualifier: true }], source },
      ],
    );
    assert.deepEqual(found(sheet, 'The council voted on Wednesday. Its leader, Hester Pryce, told the meeting it had no good choices.'), []);
    assert.deepEqual(found(sheet, 'The opposition leader, Hester Pryce, told the meeting.').map((f) => f.split(':')[0]), ['role-mismatch']);
    assert.deepEqual(found(sheet, 'Its leader, Rowena Tkach, told the meeting.'), []);
  });
  it("a person who speaks for one organisation does not speak for another their title is of ('council opposition leader' speaks for the opposition)", () => {
    const source = 'The finance chief said the gap was £23.4 million; the opposition leader, Rowena Tkach, put it at £32.7 million.';
    const sheet = sheetOf(
      [
        { id: 'gap-council', kind: 'money', value: 23400000, currency: 'GBP', text: '£23.4 million', qualifier: 'exact', counts: 'funding gap, according to the council', reportedBy: 'chief', context: ['gap'], source },
        { id: 'gap-opposition', kind: 'money', value: 32700000, currency: 'GBP', text: '£32.7 million', qualifier: 'exact', counts: 'funding gap, according to the opposition', reportedBy: 'tkach', context: ['gap'], source },
        { id: 'savings', kind: 'money', value: 18600000, currency: 'GBP', text: '£18.6 million', qualifier: 'exact', counts: 'savings the council must find', reportedBy: 'council', context: ['savings'], source: 'The council must find £18.6 million of savings.' },
      ],
      [
        { id: 'council', type: 'body', name: 'Calder Borough Council', mentions: ['the council', 'council'], source },
        { id: 'alliance', type: 'organisation', name: 'Ratepayers Alliance', mentions: ['the opposition'], source },
        { id: 'chief', type: 'person', name: 'Dominic Acker', speaksFor: 'council', source },
        { id: 'tkach', type: 'person', name: 'Rowena Tkach', speaksFor: 'alliance', roles: [{ title: 'opposition leader', qualifiers: ['council'] }], source },
      ],
    );
    assert.deepEqual(found(sheet, 'The council says the funding gap is £32.7 million.').map((f) => f.split(':')[0]), ['number-mismatch']);
    assert.deepEqual(found(sheet, 'The council says the funding gap is £23.4 million.'), []);
  });
  it('the noun a fact\'s own text counts ("2.3 billion crowns") ties a draft figure to it, as one after the text in its sentence does', () => {
    const source = 'Small firms have paid an extra 2.3 billion crowns in interest since 2023.';
    const sheet = sheetOf([{ id: 'interest', kind: 'money', value: 2300000000, currency: 'crowns', text: '2.3 billion crowns', qualifier: 'exact', counts: 'extra interest paid by small firms', context: ['interest', 'extra'], source }]);
    assert.deepEqual(found(sheet, 'Small firms have paid an extra 2.3 million crowns in interest.'), ['number-mismatch: 2.3 million']);
    assert.deepEqual(found(sheet, 'Small firms have paid an extra 2.3 billion crowns in interest.'), []);
  });
  it('level on the strongest word, the fact more of whose words the clause says is the one ("eight members of its policy committee" is the committee\'s nine)', () => {
    const source = 'Three of the nine members of the policy committee voted against; the chamber, with about 14,000 members, agreed.';
    const sheet = sheetOf([
      { id: 'dissent', kind: 'count', value: 3, text: 'Three', qualifier: 'exact', counts: 'members who voted against', context: ['voted against', 'members'], source },
      { id: 'committee', kind: 'count', value: 9, text: 'nine', qualifier: 'exact', counts: 'members of the policy committee', context: ['members', 'committee'], source },
      { id: 'chamber', kind: 'count', value: 14000, text: 'about 14,000', qualifier: 'about', counts: 'members of the chamber', context: ['members', 'chamber'], source },
    ]);
    assert.deepEqual(found(sheet, 'Three of the eight members of its policy committee wanted no change.'), ['number-mismatch: eight']);
    assert.deepEqual(found(sheet, 'Three of the nine members of its policy committee wanted no change.'), []);
  });
  it('a year is tied to a fact by what happened then, not by a preposition ("owned the club since 2008" is no year of frozen prices)', () => {
    const source = 'Season ticket prices have been frozen since 2022.';
    const sheet = sheetOf([{ id: 'frozen', kind: 'year', value: 2022, text: '2022', qualifier: 'exact', counts: 'year since which season ticket prices have been frozen', context: ['since', 'frozen', 'season tickets'], source }]);
    assert.deepEqual(found(sheet, 'Graham Fairbairn, who has owned the club since 2008, put it on the market.'), []);
    assert.deepEqual(found(sheet, 'Season ticket prices have been frozen since 2021.'), ['number-mismatch: 2021']);
  });
  it('a fraction of a scale in words is one figure ("a quarter of a million euros" is 250,000, not a million)', () => {
    const source = 'The insurer has offered a reward of €250,000 for information.';
    const sheet = sheetOf([{ id: 'reward', kind: 'money', value: 250000, currency: 'EUR', text: '€250,000', qualifier: 'exact', counts: 'reward offered by the insurer', context: ['reward', 'offered'], source }]);
    assert.deepEqual(found(sheet, 'The insurer has offered a reward of a quarter of a million euros.'), []);
    assert.deepEqual(found(sheet, 'The insurer has offered a reward of half a million euros.'), ['number-mismatch: half a million euros']);
  });
  it('"1.2m tonnes" is 1.2 million: a unit the lexicon lacks counts as the thing counted, as "1.6m people" does', () => {
    const source = 'The mines produce about 1.2 million tonnes of copper a year.';
    const sheet = sheetOf([{ id: 'copper', kind: 'count', value: 1200000, text: 'about 1.2 million', qualifier: 'about', counts: 'tonnes of copper mined a year', context: ['tonnes', 'copper'], source }]);
    assert.deepEqual(found(sheet, 'The mines dig some 1.2m tonnes of copper a year.'), []);
    assert.deepEqual(found(sheet, 'The mines dig some 2.1m tonnes of copper a year.'), ['number-mismatch: some 2.1m']);
  });
  it('"1.3m passport and ID numbers" is 1.3 million: the plural noun may follow nouns that modify it; "a 3m high wall", "3m tall trees" are metres', () => {
    const source = 'Those included about 1.3 million passport and identity-card numbers.';
    const sheet = sheetOf([{ id: 'passports', kind: 'count', value: 1300000, text: 'about 1.3 million', qualifier: 'about', counts: 'passport and identity-card numbers among the records', context: ['passport', 'numbers'], source }]);
    assert.deepEqual(found(sheet, 'The regulator says about 1.3m passport and ID numbers were also taken.'), []);
    assert.deepEqual(found(sheet, 'The regulator says about 3.1m passport and ID numbers were also taken.'), ['number-mismatch: about 3.1m']);
    const metres = (t: string) => findMentions(t).map((m) => m.value);
    assert.deepEqual(metres('a 3m high wall of flood barriers'), [3]);
    assert.deepEqual(metres('3m tall trees'), [3]);
    assert.deepEqual(metres('3m sea swells'), [3]);
  });
  it('the verified figure "by X", where the fact\'s own sentence names X as another than its reporter, restates it ("$15 million, demanded by Nightjar" for "Kjellqvist said Nightjar had demanded $15 million"); another source is still flagged', () => {
    const src = 'Rasmus Kjellqvist said Nightjar Collective had demanded a ransom of $15 million.';
    const sheet = sheetOf(
      [
        { id: 'ransom', kind: 'money', value: 15e6, currency: 'USD', text: '$15 million', qualifier: 'exact', counts: 'ransom demanded', reportedBy: 'kjellqvist', context: ['ransom', 'demanded'], source: src },
        { id: 'hospitals', kind: 'count', value: 2, text: 'two', qualifier: 'exact', counts: 'hospitals attacked', reportedBy: 'nightjar', context: ['hospitals'], source: 'Nightjar Collective said it had attacked two hospitals.' },
      ],
      [
        { id: 'kjellqvist', type: 'person', name: 'Rasmus Kjellqvist', aliases: ['Kjellqvist'], source: src },
        { id: 'nightjar', type: 'organisation', name: 'Nightjar Collective', source: 'Nightjar Collective said it had attacked two hospitals.' },
      ],
    );
    assert.deepEqual(found(sheet, '- Ransom: $15 million in cryptocurrency, demanded by Nightjar Collective on 2 April'), []);
    assert.equal(found(sheet, 'Nightjar Collective said it had asked for $15 million.').length, 0);
    // A figure Nightjar gives of what the sheet has it report is still its own.
    assert.deepEqual(found(sheet, 'Nightjar Collective said it had attacked three hospitals.'), ['number-mismatch: three']);
  });
  it('"Four to two" is a fall: the first figure is the value before it, and "a quarter to four" is a time, no figure', () => {
    const source = 'The union said the number of guards on the night shift had been cut from four to two since 2022.';
    const sheet = sheetOf([
      { id: 'before', kind: 'count', value: 4, text: 'four', qualifier: 'exact', counts: 'guards on the night shift before the cuts', context: ['guards', 'night shift', 'from', 'cut'], source },
      { id: 'now', kind: 'count', value: 2, text: 'two', qualifier: 'exact', counts: 'guards on the night shift now', context: ['guards', 'night shift', 'to', 'cut', 'now'], source },
    ]);
    assert.deepEqual(found(sheet, '**Four to two**: the cut in night-shift guards since 2022.'), []);
    assert.deepEqual(found(sheet, 'The thieves left before a quarter to four, and the union says guards were cut to two.'), []);
    assert.deepEqual(found(sheet, 'The thieves left before a quarter to four, and the union says guards were cut to three.'), ['number-mismatch: three']);
  });
  it('a strict bound at the verified value itself is wrong ("more than 1,150" for about 1,150); "at least", and "over" as a preposition, are not', () => {
    const src = 'About 1,150 people spent Tuesday night at the sports arena, and the fire service said 212 homes were destroyed.';
    const sheet = sheetOf([
      { id: 'shelter', kind: 'count', value: 1150, text: 'About 1,150', qualifier: 'about', counts: 'people who spent the night at the arena', context: ['arena', 'night'], source: src },
      { id: 'homes', kind: 'count', value: 212, text: '212', qualifier: 'exact', counts: 'homes destroyed', context: ['homes', 'destroyed'], source: src },
    ]);
    assert.deepEqual(found(sheet, 'More than 1,150 people spent the night at the arena.'), ['number-mismatch: More than 1,150']);
    const fix = check('More than 1,150 people spent the night at the arena.', sheet, { cache: false })[0].fixes[0].edits[0];
    assert.equal(fix.text, 'About');
    assert.deepEqual(found(sheet, 'The fire put more than 212 homes destroyed on its list.').length, 1);
    assert.deepEqual(found(sheet, 'At least 212 homes were destroyed, and nearly 1,200 people spent the night at the arena.'), []);
    assert.deepEqual(found(sheet, 'Residents were angry over 212 homes destroyed.'), []);
  });

  it('a preposition of a fact\'s context standing alone after its figure ties it there: "64% for, 23% against"', () => {
    const src = 'The trust said 64% of those who responded backed the sale, while 23% opposed it.';
    const sheet = sheetOf([
      { id: 'yes', kind: 'share', value: 0.64, text: '64%', qualifier: 'exact', counts: 'share who backed the sale', context: ['backed', 'poll', 'sale', 'for', 'in favour'], source: src },
      { id: 'no', kind: 'share', value: 0.23, text: '23%', qualifier: 'exact', counts: 'share who opposed the sale', context: ['opposed', 'against'], source: src },
    ]);
    assert.deepEqual(found(sheet, 'Trust poll, closed in October: 64% for, 23% against.'), []);
    assert.deepEqual(found(sheet, 'Trust poll: 64% backed the sale, 23% against'), []);
    assert.deepEqual(found(sheet, 'Trust poll: 64% for, 32% against.'), ['number-mismatch: 32%']);
  });

  it('a source shown doing something else is no source of the figure ("Ferrowick will take on the £41.3 million"); one shown forecasting it is ("the bank sees inflation at 4.8%")', () => {
    const debt = "The club's latest accounts put its debts at £41.3 million, which Ferrowick has agreed to take on.";
    const fore = 'The Ministry of Finance expects inflation to slow to 4.8% by the end of next year, and the bank expects 6.1%.';
    const sheet = sheetOf(
      [
        { id: 'debt', kind: 'money', value: 41300000, currency: 'GBP', text: '£41.3 million', qualifier: 'exact', counts: 'club debts in its latest accounts', reportedBy: 'club', context: ['debts', 'accounts'], source: debt },
        { id: 'investors', kind: 'count', value: 5, text: 'five', qualifier: 'exact', counts: 'investors in the consortium', reportedBy: 'league', context: ['investors', 'consortium'], source: 'The league said the review had examined the money of all five investors in the consortium.' },
        { id: 'expansion', kind: 'money', value: 20000000, currency: 'GBP', text: '£20 million', qualifier: 'exact', counts: 'cost of enlarging the ground', reportedBy: 'ferrowick', context: ['enlarging', 'ground'], source: 'Ferrowick plans to spend £20 million enlarging the ground.' },
        { id: 'ministry-forecast', kind: 'share', value: 0.048, text: '4.8%', qualifier: 'exact', counts: 'inflation forecast of the ministry', reportedBy: 'ministry', context: ['inflation', 'forecast'], source: fore },
        { id: 'bank-forecast', kind: 'share', value: 0.061, text: '6.1%', qualifier: 'exact', counts: 'inflation forecast of the bank', reportedBy: 'cbo', context: ['inflation', 'forecast'], source: fore },
      ],
      [
        { id: 'club', type: 'organisation', name: 'Castlemere Athletic', source: debt },
        { id: 'ferrowick', type: 'organisation', name: 'Ferrowick Sports Partners', aliases: ['Ferrowick'], mentions: ['consortium'], source: debt },
        { id: 'league', type: 'body', name: 'Northern Counties Football League', mentions: ['the league'], source: debt },
        { id: 'ministry', type: 'body', name: 'Ministry of Finance', mentions: ['ministry'], source: fore },
        { id: 'cbo', type: 'organisation', name: 'Central Bank of Orvelia', mentions: ['central bank', 'the bank'], source: fore },
      ],
    );
    assert.deepEqual(found(sheet, "Ferrowick will take on the £41.3 million of debts listed in the club's latest accounts."), []);
    assert.deepEqual(found(sheet, 'The consortium of five investors now owns the club.'), []);
    assert.deepEqual(found(sheet, 'The central bank sees inflation slowing to 4.8% by the end of next year.'), ['number-mismatch: 4.8%']);
  });

  it('the name of a paper that holds a speaker\'s shorter name ("the Castlemere Courier" past Castlemere Athletic\'s "Castlemere") is no speaker', () => {
    const src = '“I will hold them to that,” Costigan told the Castlemere Courier on Friday evening.';
    const sheet = quoteSheetOf(
      [
        { id: 'club', type: 'organisation', name: 'Castlemere Athletic', aliases: ['Castlemere'], source: src },
        { id: 'costigan', type: 'person', name: 'Ruaidhrí Costigan', aliases: ['Costigan'], source: src },
        { id: 'courier', type: 'outlet', name: 'Castlemere Courier', source: src },
      ],
      [{ id: 'hold', text: 'I will hold them to that', speaker: 'costigan', source: src }],
    );
    const draft = 'Manager Ruaidhrí Costigan told the Castlemere Courier he had been promised around £15m for new players and would “hold them to that”.';
    assert.deepEqual(check(draft, sheet, { cache: false }).map((f) => f.ruleId), []);
    assert.deepEqual(check('Castlemere said it would “hold them to that”.', sheet, { cache: false }).map((f) => f.ruleId), ['quote-misattributed']);
  });

  it('a speaker after a negative pronoun is no speaker ("nobody from Tervalink had told her “…”"): the quote is of the sentence\'s subject', () => {
    const src = 'Marguerite Abernathy-Cole said she had learned of the breach from a neighbour. “Nobody from Tervalink has told me a single thing, and I have changed every password I own,” she said.';
    const sheet = quoteSheetOf(
      [
        { id: 'tervalink', type: 'organisation', name: 'Tervalink Communications', aliases: ['Tervalink'], source: src },
        { id: 'cole', type: 'person', name: 'Marguerite Abernathy-Cole', aliases: ['Abernathy-Cole'], source: src },
      ],
      [{ id: 'thing', text: 'Nobody from Tervalink has told me a single thing, and I have changed every password I own', speaker: 'cole', source: src }],
    );
    assert.deepEqual(check('Marguerite Abernathy-Cole said she had heard of it from a neighbour and that nobody from Tervalink had told her “a single thing”.', sheet, { cache: false }).map((f) => f.ruleId), []);
    assert.deepEqual(check('Tervalink told customers it had done “a single thing”.', sheet, { cache: false }).map((f) => f.ruleId), ['quote-misattributed']);
  });

  it('a verb of saying set off with its own pronoun ("The board, she said, had “…”") is the pronoun\'s, not the subject\'s before it', () => {
    const src = 'Councillor Wenna Trevascus said the board had “never asked the tenants”.';
    const sheet = quoteSheetOf(
      [
        { id: 'board', type: 'organisation', name: 'Harrowgate Housing Board', mentions: ['the board'], source: src },
        { id: 'trevascus', type: 'person', name: 'Wenna Trevascus', aliases: ['Trevascus'], source: src },
      ],
      [{ id: 'asked', text: 'never asked the tenants', speaker: 'trevascus', source: src }],
    );
    assert.deepEqual(rulesOf(sheet, 'Councillor Wenna Trevascus spoke first. The board, she said, had “never asked the tenants”.'), []);
    assert.deepEqual(rulesOf(sheet, 'The board said it had “never asked the tenants”.'), ['quote-misattributed']);
  });

  it('a verb of saying after ", and" is the sentence\'s subject\'s, not that of a clause after "that" ("…, said X would stay, and described it as “…”")', () => {
    const src = 'Mayor Tobiah Quell said the clinic would stay open. He called the vote “a clear mandate”.';
    const sheet = quoteSheetOf(
      [
        { id: 'clinic', type: 'organisation', name: 'Farrow Street Clinic', mentions: ['the clinic'], source: src },
        { id: 'quell', type: 'person', name: 'Tobiah Quell', aliases: ['Quell'], source: src },
      ],
      [{ id: 'mandate', text: 'a clear mandate', speaker: 'quell', source: src }],
    );
    assert.deepEqual(rulesOf(sheet, 'Mayor Tobiah Quell said he was sure that the clinic would stay, and described the vote as “a clear mandate”.'), []);
    assert.deepEqual(rulesOf(sheet, 'Staff said the clinic described the vote as “a clear mandate”.'), ['quote-misattributed']);
  });

  it('"N minutes later" after a time is the gap between two of the story\'s times, the draft\'s own arithmetic, not a duration of the sheet', () => {
    const sheet = loadFactSheet(JSON.stringify({
      story: { id: 'depot', title: 'Depot fire', article: 'article.md' },
      entities: [],
      figures: [{ id: 'blaze', kind: 'duration', value: 50, unit: 'minutes', text: 'about 50 minutes', qualifier: 'about', counts: 'how long the blaze burned', context: ['blaze', 'burned'], source: 'The blaze burned for about 50 minutes.' }],
      dates: [
        { id: 'siren', text: '4.05am', event: 'the siren sounded', context: ['siren', 'sounded'], time: '04:05', source: 'The siren sounded at 4.05am.' },
        { id: 'arrival', text: '4.17am', event: 'firefighters reached the depot', context: ['reached', 'firefighters'], time: '04:17', source: 'Firefighters reached the depot at 4.17am.' },
      ],
      quotes: [], settings: [],
    }));
    const durations = (draft: string) => check(draft, sheet, { cache: false }).map((f) => `${f.ruleId}: ${draft.slice(f.start, f.end)}`);
    assert.deepEqual(durations('The siren sounded at 4.05am and firefighters arrived 12 minutes later.'), []);
    assert.deepEqual(durations('Firefighters reached the depot 12 minutes after the siren.'), []);
    // A gap that no two times of the story make is read as usual, and so is the blaze's own length.
    assert.deepEqual(durations('The siren sounded at 4.05am and the blaze burned for 15 minutes.').map((f) => f.split(':')[0]), ['number-mismatch']);
    assert.deepEqual(durations('The blaze burned for about 12 minutes.').map((f) => f.split(':')[0]), ['number-mismatch']);
    // A length after "for" is no interval; an interval within its rounding is.
    assert.deepEqual(durations('The blaze burned for 12 minutes after crews arrived.').map((f) => f.split(':')[0]), ['number-mismatch']);
    assert.deepEqual(durations('The siren sounded at 4.05am and firefighters arrived about 10 minutes later.'), []);
  });

  it('a duration\'s reporter outweighs a context word its rivals share ("Quarne said the firm had offered a 25-year lease" is of Quarne\'s lease)', () => {
    const lease = 'The council granted a 99-year lease of the pier.';
    const rival = 'Ottilie Quarne, who runs Saltway Piers, said the firm had offered a 35-year lease.';
    const sheet = sheetOf(
      [
        { id: 'granted', kind: 'duration', value: 99, unit: 'years', text: '99-year', qualifier: 'exact', counts: 'length of the lease granted', context: ['lease', 'granted'], source: lease },
        { id: 'offered', kind: 'duration', value: 35, unit: 'years', text: '35-year', qualifier: 'exact', counts: 'length of the lease the rival offered', reportedBy: 'quarne', context: ['lease', 'offered'], source: rival },
      ],
      [
        { id: 'saltway', type: 'organisation', name: 'Saltway Piers', source: rival },
        { id: 'quarne', type: 'person', name: 'Ottilie Quarne', aliases: ['Quarne'], speaksFor: 'saltway', source: rival },
      ],
    );
    const draft = 'Quarne said the firm had offered a 25-year lease.';
    assert.equal(applyFixes(draft, check(draft, sheet, { cache: false })).text, 'Quarne said the firm had offered a 35-year lease.');
    assert.deepEqual(found(sheet, 'Quarne said the firm had offered a 35-year lease.'), []);
    // The reporter alone ties a duration to none of theirs: "granted" is the other lease's word.
    assert.equal(applyFixes('Quarne said the council had granted a 90-year lease.', check('Quarne said the council had granted a 90-year lease.', sheet, { cache: false })).text, 'Quarne said the council had granted a 99-year lease.');
  });

  it('a figure with its unit written onto it ("14km", "112mm", "21C") is read, and the unit says what it measures; "the 1990s", "5G" and "2nd" are no figures', () => {
    const detour = 'Lorries must take a detour of 41 km.';
    const rain = 'Some 112 mm of rain fell in a day, and the river rose by 14 metres at the weir.';
    const sheet = sheetOf([
      { id: 'detour', kind: 'count', value: 41, text: '41', qualifier: 'exact', counts: 'kilometres of the detour', context: ['km', 'detour'], source: detour },
      { id: 'rain', kind: 'count', value: 112, text: '112', qualifier: 'exact', counts: 'millimetres of rain in a day', context: ['mm', 'rain'], source: rain },
      { id: 'weir', kind: 'count', value: 14, text: '14', qualifier: 'exact', counts: 'metres the river rose', context: ['metres', 'rose', 'weir'], source: rain },
    ]);
    assert.equal(applyFixes('Hauliers say lorries face 14km.', check('Hauliers say lorries face 14km.', sheet, { cache: false })).text, 'Hauliers say lorries face 41km.');
    assert.deepEqual(found(sheet, 'Lorries face a 41km trip, after 112mm of rain.'), []);
    assert.deepEqual(found(sheet, 'After 121mm of rain, lorries face 41km.'), ['number-mismatch: 121']);
    assert.deepEqual(findMentions('the 1990s, a 5G mast, the 2nd, at 3pm, a 4x4').map((x) => x.value), []);
    // A unit the sheet's fact does not say ties the figure to no fact: a flat, a section, a weight.
    const residents = sheetOf([{ id: 'residents', kind: 'count', value: 3, text: 'Three', qualifier: 'exact', counts: 'residents taken to hospital', context: ['residents', 'hospital'], source: 'Three residents were taken to hospital.' }]);
    assert.deepEqual(found(residents, 'Three residents of flat 4C were taken to hospital.'), []);
    assert.deepEqual(found(residents, 'Three residents were taken to hospital under section 2a of the act.'), []);
    assert.deepEqual(found(residents, 'Three residents with 5kg of belongings each were taken to hospital.'), []);
  });

  it('a figure of another place\'s story ("a repair that cost €19 million" at the Dunmore weir) gives way, where the sentence names neither, to the figure its reporter gives ("Repairs will cost €19 million, the agency said")', () => {
    const ours = 'The agency said repairs costing €40 million would take a year.';
    const theirs = 'The Dunmore Weir was shut for a year in 2019, a repair that cost €19 million.';
    const sheet = sheetOf(
      [
        { id: 'ours', kind: 'money', value: 40000000, text: '€40 million', qualifier: 'exact', currency: 'EUR', counts: 'cost of the repairs, according to the agency', reportedBy: 'agency', context: ['repairs', 'cost'], source: ours },
        { id: 'theirs', kind: 'money', value: 19000000, text: '€19 million', qualifier: 'exact', currency: 'EUR', counts: 'cost of the Dunmore Weir repair', context: ['repair', 'cost'], source: theirs },
      ],
      [
        { id: 'agency', type: 'organisation', name: 'Rivers Agency', mentions: ['the agency'], source: ours },
        { id: 'weir', type: 'place', name: 'Dunmore Weir', aliases: ['Dunmore'], source: theirs },
      ],
    );
    assert.deepEqual(found(sheet, 'Repairs will cost €19 million, the agency said.'), ['number-mismatch: €19 million']);
    assert.deepEqual(found(sheet, 'Repairs will cost €40 million, the agency said.'), []);
    // Named, or not given by the reporter, it is that place's figure.
    assert.deepEqual(found(sheet, 'At Dunmore, repairs cost €19 million, the agency said.'), []);
    assert.deepEqual(found(sheet, 'A similar repair cost €19 million.'), []);
    // Nor where the sentence names the other place's year.
    assert.deepEqual(found(sheet, 'The agency said the last comparable repair, in 2019, cost €19 million.'), []);
  });

  it('one figure for a verified range, given by its reporter ("will cost €19 million, the agency said" for between €38 million and €46 million), is flagged outside it, fixed to the range; inside it, or a part of it, it is left alone', () => {
    const src = 'Repairs costing between €38 million and €46 million will take a year, the agency said.';
    const sheet = sheetOf(
      [{ id: 'repairs', kind: 'money', range: { low: 38000000, high: 46000000 }, text: 'between €38 million and €46 million', qualifier: 'exact', currency: 'EUR', counts: 'cost of the repairs', reportedBy: 'agency', context: ['repairs', 'cost'], source: src }],
      [{ id: 'agency', type: 'organisation', name: 'Rivers Agency', mentions: ['the agency'], source: src }],
    );
    const draft = 'Repairs will cost €19 million, the agency said.';
    assert.deepEqual(found(sheet, draft), ['number-mismatch: €19 million']);
    assert.equal(applyFixes(draft, check(draft, sheet, { cache: false })).text, 'Repairs will cost between €38 million and €46 million, the agency said.');
    assert.deepEqual(found(sheet, 'Repairs will cost about €40 million, the agency said.'), []);
    assert.deepEqual(found(sheet, 'Repairs will cost up to €46 million, the agency said.'), []);
    // A part of the cost is no statement of the whole.
    assert.deepEqual(found(sheet, 'The first phase of the repairs will cost €20 million.'), []);
    assert.deepEqual(found(sheet, 'The agency has already spent €20 million on the repairs.'), []);
  });

  it('a duration of another place\'s story (the Dunmore weir shut for 22 months) is no rounding of the one the clause\'s reporter gives ("Ines Marr says it could last closer to 20 months")', () => {
    const ours = 'Ines Marr, the council leader, said the lock could be shut for closer to 30 months.';
    const theirs = 'The Dunmore Weir was shut for 22 months in 2019.';
    const sheet = sheetOf(
      [
        { id: 'ours', kind: 'duration', value: 30, unit: 'months', text: 'closer to 30 months', qualifier: 'closer-to', counts: 'months the lock could be shut, according to the council', reportedBy: 'marr', context: ['shut', 'closure', 'months'], source: ours },
        { id: 'theirs', kind: 'duration', value: 22, unit: 'months', text: '22 months', qualifier: 'exact', counts: 'months the Dunmore Weir was shut', context: ['shut', 'months'], source: theirs },
      ],
      [
        { id: 'marr', type: 'person', name: 'Ines Marr', aliases: ['Marr'], source: ours },
        { id: 'weir', type: 'place', name: 'Dunmore Weir', aliases: ['Dunmore'], source: theirs },
      ],
    );
    assert.deepEqual(found(sheet, 'Marr says the closure could last closer to 20 months.'), ['number-mismatch: closer to 20 months']);
    assert.deepEqual(found(sheet, 'Marr says the closure could last closer to 30 months.'), []);
    assert.deepEqual(found(sheet, 'Dunmore was shut for about 20 months, Marr says.'), []);
  });

  it('a body that says a figure ("The council says …") speaks through the one reporter who speaks for it; not in an aside or a relative clause', () => {
    const ours = 'Ines Marr, the council leader, said the lock could be shut for 30 months.';
    const theirs = 'The canal trust says the lock will be shut for 18 months.';
    const sheet = sheetOf(
      [
        { id: 'trust-months', kind: 'duration', value: 18, unit: 'months', text: '18 months', qualifier: 'exact', counts: 'months the lock will be shut, according to the trust', reportedBy: 'trust', context: ['shut', 'months'], source: theirs },
        { id: 'marr-months', kind: 'duration', value: 30, unit: 'months', text: '30 months', qualifier: 'exact', counts: 'months the lock could be shut, according to the council', reportedBy: 'marr', context: ['shut', 'months'], source: ours },
      ],
      [
        { id: 'council', type: 'organisation', name: 'Vennick Borough Council', mentions: ['the council'], source: ours },
        { id: 'trust', type: 'organisation', name: 'Canal Trust', mentions: ['the canal trust'], source: theirs },
        { id: 'marr', type: 'person', name: 'Ines Marr', aliases: ['Marr'], speaksFor: 'council', source: ours },
      ],
    );
    assert.deepEqual(found(sheet, 'The council says the lock could be shut for 20 months.'), ['number-mismatch: 20 months']);
    assert.equal(applyFixes('The council says the lock could be shut for 20 months.', check('The council says the lock could be shut for 20 months.', sheet, { cache: false })).text, 'The council says the lock could be shut for 30 months.');
    assert.deepEqual(found(sheet, 'The council says the lock could be shut for 30 months.'), []);
  });

  it('a name after "told" before a colon is whom the words were said to ("he told the Harrow Echo: “…”"), not their speaker', () => {
    const src = 'Ansel Brightwater told the Harrow Echo: “We offered more money for less time.”';
    const sheet = quoteSheetOf(
      [
        { id: 'echo', type: 'organisation', name: 'Harrow Echo', source: src },
        { id: 'brightwater', type: 'person', name: 'Ansel Brightwater', aliases: ['Brightwater'], source: src },
      ],
      [{ id: 'money', text: 'We offered more money for less time', speaker: 'brightwater', source: src }],
    );
    assert.deepEqual(rulesOf(sheet, 'Brightwater spoke on Monday. He told the Harrow Echo: “We offered more money for less time.”'), []);
    assert.deepEqual(rulesOf(sheet, 'The Harrow Echo: “We offered more money for less time.”'), ['quote-misattributed']);
  });

  it('a count of a unit of time and a count of anything else are not one fact ("at least five raiders" is no slip of "seven minutes inside")', () => {
    const src = 'The raiders spent seven minutes inside, the director said.';
    const sheet = sheetOf([{ id: 'inside', kind: 'count', value: 7, text: 'seven', qualifier: 'exact', counts: 'minutes inside', context: ['minutes', 'inside', 'raiders', 'spent'], source: src }]);
    assert.deepEqual(found(sheet, 'The guard says he saw at least five raiders.'), []);
    assert.deepEqual(found(sheet, 'The raiders spent five minutes inside.'), ['number-mismatch: five']);
    // An adjective before the noun does not hide it ("five full minutes").
    assert.deepEqual(found(sheet, 'The raiders spent five full minutes inside.'), ['number-mismatch: five']);
  });

  it('capitals in brackets right after a sheet name are its acronym: a letter off it is misspelt ("Tarrow Museum of Fine Art (TMFF)"); another body\'s, or a far one, is not', () => {
    const src = 'The Tarrow Museum of Fine Art (TMFA) said the gallery was shut.';
    const sheet = sheetOf([], [
      { id: 'tmfa', type: 'organisation', name: 'Tarrow Museum of Fine Art', aliases: ['TMFA'], source: src },
      { id: 'ppa', type: 'organisation', name: 'Port Police Authority', aliases: ['PPA'], source: src },
    ]);
    assert.deepEqual(found(sheet, 'The Tarrow Museum of Fine Art (TMFF) said the gallery was shut.'), ['name-mismatch: TMFF']);
    assert.equal(applyFixes('The Tarrow Museum of Fine Art (TMFF) said so.', check('The Tarrow Museum of Fine Art (TMFF) said so.', sheet, { cache: false })).text, 'The Tarrow Museum of Fine Art (TMFA) said so.');
    assert.deepEqual(found(sheet, 'The Tarrow Museum of Fine Art (TMFA) said the gallery was shut.'), []);
    assert.deepEqual(found(sheet, 'The Tarrow Museum of Fine Art (PPA) said the gallery was shut.'), []);
    assert.deepEqual(found(sheet, 'It was shut (TMFF) on Monday.'), []);
  });

  it('a noun before the holder\'s own title that is none of its qualifiers ("Oriel Vance, the education minister," where she is the health minister) is another office: flagged, fixed to hers', () => {
    const src = 'Health Minister Oriel Vance announced €2 million for clinics.';
    const sheet = sheetOf([], [{ id: 'vance', type: 'person', name: 'Oriel Vance', aliases: ['Vance'], mentions: ['health minister', 'the minister'], roles: [{ title: 'minister', qualifiers: ['health', 'the health'] }], source: src }]);
    const draft = 'Oriel Vance, the education minister, announced €2 million.';
    assert.deepEqual(found(sheet, draft), ['role-mismatch: education']);
    assert.equal(applyFixes(draft, check(draft, sheet, { cache: false })).text, 'Oriel Vance, the health minister, announced €2 million.');
    assert.deepEqual(found(sheet, 'Education Minister Oriel Vance announced €2 million.'), ['role-mismatch: Education']);
    assert.deepEqual(found(sheet, 'Oriel Vance, the health minister, announced €2 million.'), []);
    assert.deepEqual(found(sheet, 'Health Minister Oriel Vance announced €2 million.'), []);
    // An adjective is no other office ("the popular minister"), nor is a minister the sheet does not name.
    assert.deepEqual(found(sheet, 'Oriel Vance, the popular minister, announced €2 million.'), []);
    assert.deepEqual(found(sheet, 'The education minister announced €2 million.'), []);
  });

  it('a value before a change is of the thing its new value is, past a comma ("9.4% in October, up from 8.7%"); a fact\'s "from" does not outweigh that', () => {
    const rate = 'The bank lifted its rate to 7.25% from 6.50%.';
    const inflation = 'Annual inflation reached 9.4% in October, up from 8.7% in September.';
    const sheet = sheetOf([
      { id: 'rate-new', kind: 'share', value: 0.0725, text: '7.25%', qualifier: 'exact', counts: 'the rate after the rise', context: ['rate', 'lifted'], source: rate },
      { id: 'rate-old', kind: 'share', value: 0.065, text: '6.50%', qualifier: 'exact', counts: 'the rate before the rise', context: ['from', 'rate', 'previously'], source: rate },
      { id: 'inflation-oct', kind: 'share', value: 0.094, text: '9.4%', qualifier: 'exact', counts: 'annual inflation in October', context: ['annual', 'inflation'], source: inflation },
      { id: 'inflation-sep', kind: 'share', value: 0.087, text: '8.7%', qualifier: 'exact', counts: 'annual inflation in September', context: ['September', 'up from', 'inflation'], source: inflation },
    ]);
    assert.deepEqual(found(sheet, 'Annual inflation rose to 9.4% in October from 8.7% the month before.'), []);
    assert.deepEqual(found(sheet, 'The bank lifted its rate to 7.25% from 6.5%.'), []);
    assert.deepEqual(found(sheet, 'The bank lifted its rate to 7.25% from 6.75%.'), ['number-mismatch: 6.75%']);
  });

  it('the things a fact counts, as its description names them ("committee members who voted against"), tie a figure to it where its sentence writes none ("voted 7-2")', () => {
    const vote = 'The committee voted 7-2 for the increase.';
    const dissent = 'The two dissenters argued for a rise of 50 basis points.';
    const sheet = sheetOf([
      { id: 'for', kind: 'count', value: 7, text: '7', qualifier: 'exact', counts: 'committee members who voted for the increase', context: ['voted', 'for', 'in favour', 'members', 'backed'], source: vote },
      { id: 'against', kind: 'count', value: 2, text: '2', qualifier: 'exact', counts: 'committee members who voted against the increase', context: ['voted', 'against'], source: vote },
      { id: 'bp', kind: 'count', value: 50, text: '50', qualifier: 'exact', counts: 'basis points of the rise the dissenters wanted', context: ['basis points', 'argued'], source: dissent },
    ], [
      { id: 'wierzbicki', type: 'person', name: 'Oskar Wierzbicki', aliases: ['Wierzbicki'], source: dissent },
      { id: 'dunphy', type: 'person', name: 'Aurelia Dunphy', aliases: ['Dunphy'], source: dissent },
    ]);
    assert.deepEqual(found(sheet, 'Two members of the committee, Oskar Wierzbicki and Aurelia Dunphy, voted against, preferring a rise of 50 basis points.'), []);
    assert.deepEqual(found(sheet, 'Two members of the committee, Oskar Wierzbicki and Aurelia Dunphy, voted against, preferring a rise of 75 basis points.'), ['number-mismatch: 75']);
  });

  it('a misquote\'s last word in place of the verified quote\'s last two ("to rise" for "to go up") is fixed to both; a fragment that stops short is no misquote', () => {
    const src = '“That takes time, and I expect the number to go up,” said Nkechi Abernethy.';
    const sheet = quoteSheetOf([{ id: 'abernethy', type: 'person', name: 'Nkechi Abernethy', aliases: ['Abernethy'], source: src }], [{ id: 'go-up', text: 'That takes time, and I expect the number to go up', speaker: 'abernethy', source: src }]);
    const draft = '“That takes time, and I expect the number to rise,” Abernethy said.';
    const f = check(draft, sheet, { cache: false });
    assert.deepEqual(f.map((x) => x.ruleId), ['quote-mismatch']);
    const e = f[0].fixes[0].edits[0];
    assert.equal(draft.slice(0, e.start) + e.text + draft.slice(e.end), '“That takes time, and I expect the number to go up,” Abernethy said.');
    assert.deepEqual(check('“That takes time, and I expect the number to go,” Abernethy said.', sheet, { cache: false }), []);
  });

  it('in a paragraph about another story, a few words close to one of the story\'s quotes are that story\'s own; a long near-copy is still a misquote', () => {
    const src = 'Dariusz Fennimore, chief economist at Keverell Bank, called the move “a hawkish surprise that households will feel within weeks”.';
    const sheet = quoteSheetOf(
      [{ id: 'fennimore', type: 'person', name: 'Dariusz Fennimore', aliases: ['Fennimore'], source: src }],
      [
        { id: 'hawkish', text: 'a hawkish surprise', speaker: 'fennimore', source: src },
        { id: 'feel', text: 'a hawkish surprise that households will feel within weeks', speaker: 'fennimore', source: src },
      ],
    );
    const aside = (q: string) => `**Lusmark retail:** Retail sales rose in October, the Lusmark Statistics Bureau said. Its director, Hanne Ovelgrund, called the figures “${q}”.`;
    assert.deepEqual(check(aside('a welcome surprise'), sheet, { cache: false }), []);
    assert.deepEqual(check(aside('a hawkish surprise that households will feel within days'), sheet, { cache: false }).map((f) => f.ruleId), ['quote-mismatch']);
    assert.deepEqual(check('Fennimore called the rise “a welcome surprise”.', sheet, { cache: false }).map((f) => f.ruleId), ['quote-mismatch']);
  });

  it('a wrong figure in words is fixed in digits from 10 up, where the article writes digits ("an eight-week review" → "11-week"); one to nine stay words', () => {
    const src = 'The board approved the takeover after a review lasting 11 weeks, and five investors were examined.';
    const sheet = sheetOf([
      { id: 'review', kind: 'duration', unit: 'weeks', value: 11, text: '11 weeks', qualifier: 'exact', counts: 'length of the review', context: ['review'], source: src },
      { id: 'investors', kind: 'count', value: 5, text: 'five', qualifier: 'exact', counts: 'investors examined', context: ['investors', 'examined'], source: src },
    ]);
    const fixedIn = (draft: string) => {
      const [f] = check(draft, sheet, { cache: false });
      const e = f.fixes[0].edits[0];
      return draft.slice(0, e.start) + e.text + draft.slice(e.end);
    };
    assert.equal(fixedIn('The board approved it after an eight-week review.'), 'The board approved it after an 11-week review.');
    assert.equal(fixedIn('The review examined seven investors.'), 'The review examined five investors.');
  });

  it('a fraction under a bound is read to ten points ("less than half" for 44%), not to any distance ("less than half" for 30%)', () => {
    const src = 'The region has had only 44% of its usual rainfall since May, and reservoirs hold 31% of capacity.';
    const sheet = sheetOf([
      { id: 'rain', kind: 'share', value: 0.44, text: '44%', qualifier: 'exact', counts: 'share of usual rainfall since May', context: ['rainfall', 'usual'], source: src },
      { id: 'reservoirs', kind: 'share', value: 0.31, text: '31%', qualifier: 'exact', counts: 'share of reservoir capacity held', context: ['reservoirs', 'capacity'], source: src },
    ]);
    assert.deepEqual(found(sheet, 'Rainfall since May has been less than half the usual amount.'), []);
    assert.deepEqual(found(sheet, 'Reservoirs hold more than a quarter of their capacity.'), []);
    assert.deepEqual(found(sheet, 'Reservoirs hold less than a fifth of their capacity.').length, 1);
  });

  it('an article that gives one price twice: a slip for it is tied by the words of either sentence', () => {
    const sheet = sheetOf([
      { id: 'deal', kind: 'money', value: 42700000, currency: 'GBP', text: '£42.7m', qualifier: 'exact', counts: 'price of the deal', context: ['deal', 'consortium', 'buyers'], source: 'Brackley Rovers sold to a consortium in £42.7m deal.' },
      { id: 'paying', kind: 'money', value: 42700000, currency: 'GBP', text: '£42.7 million', qualifier: 'exact', counts: 'paying (Marta Quill)', context: ['paying'], source: 'Harwell Partners, the group Quill leads, is paying £42.7 million for the club.' },
      { id: 'debt', kind: 'money', value: 9100000, currency: 'GBP', text: '£9.1 million', qualifier: 'exact', counts: 'debts of the club', context: ['debts'], source: 'Its debts are £9.1 million.' },
    ], [
      { id: 'quill', type: 'person', name: 'Marta Quill', aliases: ['Quill'], source: 'Harwell Partners, the group Quill leads, is paying £42.7 million for the club.' },
      { id: 'harwell', type: 'organisation', name: 'Harwell Partners', source: 'Harwell Partners, the group Quill leads, is paying £42.7 million for the club.' },
    ]);
    assert.deepEqual(found(sheet, 'Brackley Rovers have new owners after Harwell Partners, the consortium chaired by Marta Quill, completed a £47.2 million takeover of the club.'), ['number-mismatch: £47.2 million']);
    assert.deepEqual(found(sheet, 'Brackley Rovers have new owners after Harwell Partners, the consortium chaired by Marta Quill, completed a £42.7 million takeover of the club.'), []);
  });

  it('a fraction of a scale is a round phrase, read to a twentieth of its scale: "almost a quarter of a million" for 241,000; digits keep their own precision', () => {
    const sheet = sheetOf([{ id: 'riders', kind: 'count', value: 241000, text: '241,000', qualifier: 'exact', counts: 'passengers on a typical weekday', context: ['passengers', 'weekday'], source: 'The line carries 241,000 passengers on a typical weekday.' }]);
    assert.deepEqual(found(sheet, 'The line carries almost a quarter of a million passengers on a typical weekday.'), []);
    assert.deepEqual(found(sheet, 'The line carries about a quarter of a million passengers on a typical weekday.'), []);
    assert.deepEqual(found(sheet, 'The line carries almost half a million passengers on a typical weekday.'), ['number-mismatch: almost half a million']);
    assert.deepEqual(found(sheet, 'The line carries nearly 250,000 passengers on a typical weekday.'), ['number-mismatch: nearly 250,000']);
    assert.deepEqual(found(sheet, 'The line carries almost 240,000 passengers on a typical weekday.'), ['number-mismatch: almost 240,000']);
  });

  it('a source is shown "according to" it, not by a "to" that gives it something ("the subsidy to the operator rises to …")', () => {
    const src = 'The state pays Linden Rail a €36.5 million subsidy this year, according to the minister, Ada Voss.';
    const sheet = sheetOf(
      [
        { id: 'subsidy', kind: 'money', value: 36500000, currency: 'EUR', text: '€36.5 million', qualifier: 'exact', counts: 'subsidy paid to the operator this year', reportedBy: 'voss', context: ['subsidy'], source: src },
        { id: 'cuts', kind: 'count', value: 212, text: '212', qualifier: 'exact', counts: 'daily trains cut', reportedBy: 'linden', context: ['trains', 'cut'], source: 'Linden Rail said it would cut 212 daily trains.' },
      ],
      [
        { id: 'voss', type: 'person', name: 'Ada Voss', aliases: ['Voss'], roles: [{ title: 'minister' }], source: src },
        { id: 'linden', type: 'organisation', name: 'Linden Rail', mentions: ['the operator'], source: src },
      ],
    );
    assert.deepEqual(found(sheet, "The state's subsidy to the operator rises to €36.5 million this year."), []);
    assert.deepEqual(found(sheet, 'The subsidy rises to €36.5 million this year, according to the operator.'), ['number-mismatch: €36.5 million this year, according to the operator']);
    // Nor does a possessive that says whose the subsidy is outweigh "according to".
    assert.deepEqual(found(sheet, "The state's subsidy rises to €36.5 million this year, according to the operator."), ['number-mismatch: €36.5 million this year, according to the operator']);
    assert.deepEqual(found(sheet, "The state's subsidy rises to €36.5 million this year, according to the minister."), []);
  });

  it('a possessive after a figure is the source of what follows it ("… and called the party\'s estimate of £90,000 …"), not of the figure before it', () => {
    const src = 'She put the league\'s spending at £61,500 and called the Unity Party\'s estimate of about £90,000 “pure invention”.';
    const sheet = sheetOf(
      [
        { id: 'spend', kind: 'money', value: 61500, currency: 'GBP', text: '£61,500', qualifier: 'exact', counts: 'campaign spending, by the league chair', reportedBy: 'quist', context: ['spending'], source: src },
        { id: 'claim', kind: 'money', value: 90000, currency: 'GBP', text: 'about £90,000', qualifier: 'about', counts: 'campaign spending, by the Unity Party', reportedBy: 'unity', context: ['estimate'], source: src },
      ],
      [
        { id: 'quist', type: 'person', name: 'Ada Quist', aliases: ['Quist'], roles: [{ title: 'chair' }], source: src },
        { id: 'unity', type: 'organisation', name: 'Unity Party', source: src },
      ],
    );
    assert.deepEqual(found(sheet, `Ada Quist, the league chair, spoke on Friday. ${src}`), []);
    assert.deepEqual(found(sheet, 'Ada Quist, the league chair, spoke on Friday. She put the league\'s spending at £90,000 and called the Unity Party\'s estimate of about £90,000 “pure invention”.').length, 1);
  });

  it('the rest of a verified count once the figure before it is taken away is worked out, not a slip ("Of those, 410 are at the plant, leaving 230 in offices")', () => {
    const sheet = sheetOf([
      { id: 'cuts', kind: 'count', value: 640, text: '640', qualifier: 'exact', counts: 'jobs to be cut', context: ['jobs', 'cut'], source: 'The group will cut 640 jobs.' },
      { id: 'plant', kind: 'count', value: 410, text: '410', qualifier: 'exact', counts: 'people working at the plant', context: ['plant', 'worked'], source: 'It said 410 people worked at the plant.' },
    ]);
    assert.deepEqual(found(sheet, 'The group will cut 640 jobs. Of those, 410 are at the plant, leaving 230 jobs in offices.'), []);
    assert.deepEqual(found(sheet, 'The group will cut 640 jobs. Of those, 410 are at the plant, leaving 260 jobs in offices.'), ['number-mismatch: 260']);
    // Without a word of what remains, a figure that happens to be the difference is no remainder.
    assert.deepEqual(found(sheet, 'It said 410 people worked at the plant and that 230 jobs would be cut.'), ['number-mismatch: 230']);
  });

  it('"290 deaths and more than 1,900 injuries" is two figures, not a difference ("more … than"); no one named inside a relative clause in commas reports the figure after it', () => {
    const src = 'The relief agency said it had recorded at least 290 deaths.';
    const sheet = sheetOf(
      [
        { id: 'agency-toll', kind: 'count', value: 290, text: 'at least 290', qualifier: 'at-least', counts: 'deaths recorded by the relief agency', reportedBy: 'agency', context: ['deaths'], source: src },
        { id: 'official-toll', kind: 'count', value: 217, text: '217', qualifier: 'exact', counts: 'people killed, according to the ministry', reportedBy: 'ministry', context: ['killed', 'dead', 'deaths', 'toll', 'died'], source: 'The ministry said 217 people were killed.' },
      ],
      [
        { id: 'agency', type: 'organisation', name: 'Upland Emergency Relief Agency', aliases: ['UERA'], mentions: ['relief agency', 'agency'], source: src },
        { id: 'ministry', type: 'body', name: 'Interior Ministry', mentions: ['the ministry', 'officials', 'the authorities'], source: 'The ministry said 217 people were killed.' },
      ],
    );
    const verified = (draft: string) => check(draft, sheet, { cache: false }).map((f) => `${draft.slice(f.start, f.end)} → ${f.verified}`);
    assert.deepEqual(verified('The relief agency counts nearly 290 deaths and more than 1,900 injuries.'), ['nearly 290 → at least 290']);
    assert.deepEqual(verified('The relief agency counts 920 deaths including more than 100 children.'), ['920 → at least 290']);
    assert.deepEqual(verified('The Upland Emergency Relief Agency (UERA), whose teams have reached villages that officials have not, counts nearly 290 deaths and more than 1,900 injuries.'), ['nearly 290 → at least 290']);
    assert.deepEqual(verified('The Upland Emergency Relief Agency (UERA), whose teams have reached villages that officials have not, counts at least 290 deaths.'), []);
  });

  it('a difference the sheet states is compared only with that difference: "26 more seats than in 2019" is another difference, left alone', () => {
    const source = 'The League won 27 of the 57 seats, two short of a majority, and the Farmers Party fell from 30 seats to 21.';
    const sheet = sheetOf([
      { id: 'league', kind: 'count', value: 27, text: '27', qualifier: 'exact', counts: 'seats won by the League', context: ['seats', 'won'], source },
      { id: 'short', kind: 'count', value: 2, text: 'two', qualifier: 'exact', counts: 'seats short of a majority', context: ['short', 'majority'], source },
    ]);
    assert.deepEqual(found(sheet, 'The League won 26 more seats than in 2019.'), []);
    assert.deepEqual(found(sheet, 'The League won 28 more seats than the Farmers Party.'), []);
    // The stated difference is still compared.
    assert.deepEqual(found(sheet, 'The League fell three short of a majority.'), ['number-mismatch: three']);
  });
  it('a signed figure is a change only in a table cell or a bracket; in prose ("won +72 seats") it is still read', () => {
    const source = 'The club won 27 of the 57 seats.';
    const sheet = sheetOf([{ id: 'seats', kind: 'count', value: 27, text: '27', qualifier: 'exact', counts: 'seats won', context: ['seats', 'won'], source }]);
    assert.deepEqual(found(sheet, 'The club won +72 seats.'), ['number-mismatch: 72']);
    assert.deepEqual(found(sheet, 'The club won 27 seats, +5 on 2019.'), []);
  });
  it('a preposition of a fact\'s context standing alone after a figure, before "and", says what it counts ("38 in favour, 29 against and four abstentions"); "by 38 votes to 29" gives the second the votes against', () => {
    const source = 'The budget was carried by 38 votes to 29, with four abstentions.';
    const sheet = sheetOf([
      { id: 'for', kind: 'count', value: 38, text: '38', qualifier: 'exact', counts: 'councillors who voted for the budget', context: ['votes', 'for', 'in favour', 'carried'], source },
      { id: 'against', kind: 'count', value: 29, text: '29', qualifier: 'exact', counts: 'councillors who voted against the budget', context: ['against', 'opposed', 'votes'], source },
      { id: 'abstentions', kind: 'count', value: 4, text: 'four', qualifier: 'exact', counts: 'councillors who abstained', context: ['abstentions', 'abstained'], source },
      { id: 'schools', kind: 'count', value: 3, text: 'three', qualifier: 'exact', counts: 'primary schools to close', context: ['schools', 'close', 'closing'], source: 'The budget will close three primary schools.' },
    ]);
    assert.deepEqual(found(sheet, 'The vote was taken with 38 in favour, 29 against and four abstentions.'), []);
    assert.deepEqual(found(sheet, 'The vote was taken with 38 in favour, 92 against and four abstentions.'), ['number-mismatch: 92']);
    assert.deepEqual(found(sheet, 'Councillors approved the budget by 38 votes to 29, closing three primary schools.'), []);
    assert.deepEqual(found(sheet, 'Councillors approved the budget by 38 votes to 92, closing three primary schools.'), ['number-mismatch: 92']);
  });
  it('a fact its own words date to a year ("lost in the 1981 frost") is not the one where the sentence names no such year and an undated fact fits as well', () => {
    const now = 'The cooperative put the share of the crop lost at 70%.';
    const then = 'The frost was the worst since April 1981, when about 80% of the crop was lost.';
    const sheet = sheetOf([
      { id: 'now', kind: 'share', value: 0.7, text: '70%', qualifier: 'exact', counts: 'share of the crop lost', context: ['crop', 'lost'], source: now },
      { id: 'then', kind: 'share', value: 0.8, text: 'about 80%', qualifier: 'about', counts: 'share of the crop lost in the 1981 frost', context: ['1981', 'crop', 'lost'], source: then },
    ]);
    assert.deepEqual(found(sheet, 'The cooperative says 80% of the crop was lost.'), ['number-mismatch: 80%']);
    assert.deepEqual(found(sheet, 'It was the worst frost since 1981, when 80% of the crop was lost.'), []);
    assert.deepEqual(found(sheet, 'The cooperative says 70% of the crop was lost.'), []);
  });
  it('the second of two figures after "between" and "and" is the second end of a verified range ("between £2.5 million and £3.5 million" for £2.5m to £3m); a figure\'s digits whole under another scale tie it to that fact ("£1.19 million" for last year\'s £1.19 billion)', () => {
    const rates = 'Spending on education falls to £436.2 million, from £449.8 million last year.';
    const sheet = sheetOf([
      { id: 'savings', kind: 'money', currency: 'GBP', range: { low: 2.5e6, high: 3e6 }, text: 'between £2.5 million and £3 million', qualifier: 'exact', counts: 'yearly saving expected from closing the schools', context: ['save', 'saving', 'closing'], source: 'Closing them is expected to save between £2.5 million and £3 million a year.' },
      { id: 'budget-now', kind: 'money', currency: 'GBP', value: 1.24e9, text: '£1.24 billion', qualifier: 'exact', counts: 'budget for the coming year', context: ['budget', 'totals'], source: 'The budget for the coming year totals £1.24 billion.' },
      { id: 'budget-then', kind: 'money', currency: 'GBP', value: 1.19e9, text: '£1.19 billion', qualifier: 'exact', counts: 'budget set last year', context: ['budget', 'last year', 'set'], source: 'Last year councillors set a budget of £1.19 billion.' },
      { id: 'education-now', kind: 'money', currency: 'GBP', value: 436.2e6, text: '£436.2 million', qualifier: 'exact', counts: 'spending on education', context: ['education', 'spending', 'falls'], source: rates },
      { id: 'education-then', kind: 'money', currency: 'GBP', value: 449.8e6, text: '£449.8 million', qualifier: 'exact', counts: 'spending on education last year', context: ['education', 'spending', 'last year', 'from'], source: rates },
    ]);
    assert.deepEqual(found(sheet, 'Officers expect the closures to save between £2.5 million and £3.5 million a year.'), ['number-mismatch: £3.5 million']);
    assert.deepEqual(found(sheet, 'Officers expect the closures to save between £2.5 million and £3 million a year.'), []);
    const draft = 'The budget totals £1.24 billion, up from £1.19 million last year.';
    const [f] = check(draft, sheet, { cache: false });
    assert.equal(f && draft.slice(f.start, f.end), '£1.19 million');
    assert.equal(applyFixes(draft, [f]).text, 'The budget totals £1.24 billion, up from £1.19 billion last year.');
  });
  it('days that hold the verified day ("the nights of 27 and 28 April" for Monday 27 April and Tuesday 28 April) say more than it, not another date; a day outside is still flagged', () => {
    const source = 'The frost struck on the nights of Monday 27 April and Tuesday 28 April.';
    const sheet = loadFactSheet(
      JSON.stringify({
        story: { id: 'frost', title: 'Frost', article: 'article.md' },
        entities: [],
        figures: [],
        dates: [
          { id: 'night-1', text: 'Monday 27 April', weekday: 'Monday', month: 'April', event: 'first night of frost', context: ['frost', 'night', 'struck'], source },
          { id: 'night-2', text: 'Tuesday 28 April', weekday: 'Tuesday', month: 'April', event: 'second night of frost', context: ['frost', 'night', 'struck'], source },
        ],
        quotes: [],
        settings: [],
      }),
    );
    assert.deepEqual(found(sheet, 'The frost struck on the nights of 27 and 28 April.'), []);
    assert.deepEqual(found(sheet, 'The frost struck on the nights of 26 and 27 April.').map((f) => f.split(':')[0]), ['date-mismatch']);
    // Only where each other day is a date of the story: an event of one day is not "6 and 7 October".
    const one = loadFactSheet(JSON.stringify({ story: { id: 'ferry', title: 'Ferry', article: 'article.md' }, entities: [], figures: [], quotes: [], settings: [], dates: [{ id: 'collision', text: 'Tuesday 7 October', weekday: 'Tuesday', month: 'October', event: 'the ferries collided', context: ['collided', 'collision'], source: 'The ferries collided on Tuesday 7 October.' }] }));
    assert.deepEqual(found(one, 'The ferries collided in fog on 6 and 7 October.').map((f) => f.split(':')[0]), ['date-mismatch']);
  });
  it('a place the article itself gives the event, with one of its words, is right ("collision off Saltmere" where its headline has the ferries "collide … off Saltmere"); only with the article at hand', () => {
    const source = 'Two ferries collided in fog off Vardle Head, outside the port of Saltmere.';
    const article = `# Two ferries collide in fog off Saltmere\n\n${source}\n`;
    const sheet = loadFactSheet(
      JSON.stringify({
        story: { id: 'ferry', title: 'Ferry', article: 'article.md' },
        entities: [
          { id: 'vardle', type: 'place', name: 'Vardle Head', source },
          { id: 'saltmere', type: 'place', name: 'Saltmere', source },
        ],
        figures: [],
        dates: [],
        quotes: [],
        settings: [{ id: 'collision', entity: 'vardle', triggers: ['collided', 'collide', 'collision'], prepositions: ['off', 'near', 'at'], what: 'where the ferries collided', source }],
      }),
    );
    const draft = "After Tuesday's collision off Saltmere, the figures still do not add up.";
    assert.deepEqual(found(sheet, draft, [article]), []);
    assert.deepEqual(found(sheet, draft), ['place-mismatch: Saltmere']);
    assert.deepEqual(found(sheet, "After Tuesday's collision off Orrinsay, the figures still do not add up.", [article]), ['place-mismatch: Orrinsay']);
    // The headline only: the body may tell of another collision.
    assert.deepEqual(found(sheet, "After Tuesday's collision off Orrinsay, the figures still do not add up.", [`${article}\nIn 2017 two of its ferries collided in a storm off Orrinsay.\n`]), ['place-mismatch: Orrinsay']);
    // Someone's event, only in a sentence naming them: the minister's briefing in Korshava is not the spokeswoman's.
    const told = 'Ljubica Marinkovic told reporters in Vrelno that 42 people were rescued.';
    const briefing = 'Anatol Szczepaniuk, speaking at a briefing in Korshava, defended the toll.';
    const quake = loadFactSheet(
      JSON.stringify({
        story: { id: 'quake', title: 'Quake', article: 'article.md' },
        entities: [
          { id: 'marinkovic', type: 'person', name: 'Ljubica Marinkovic', aliases: ['Marinkovic'], source: told },
          { id: 'szczepaniuk', type: 'person', name: 'Anatol Szczepaniuk', aliases: ['Szczepaniuk'], source: briefing },
          { id: 'vrelno', type: 'place', name: 'Vrelno', source: told },
          { id: 'korshava', type: 'place', name: 'Korshava', source: briefing },
        ],
        figures: [],
        dates: [],
        quotes: [],
        settings: [{ id: 'rescue-briefing', entity: 'vrelno', actor: 'marinkovic', triggers: ['told reporters', 'briefing'], prepositions: ['in'], what: 'where Marinkovic told reporters', source: told }],
      }),
    );
    assert.deepEqual(found(quake, 'Ljubica Marinkovic told reporters in Korshava that 42 people were rescued.', [`${told} ${briefing}`]), ['place-mismatch: Korshava']);
  });
  it('a figure that is the difference or the sum of two figures before it in its sentence is the draft\'s arithmetic, left alone ("14 knots and the operator 9, a gap of five")', () => {
    const sheet = sheetOf([
      { id: 'branch', kind: 'count', value: 14, text: '14', qualifier: 'exact', counts: 'speed in knots, according to the branch', context: ['speed', 'knots'], source: "The branch put the Aster's speed at 14 knots." },
      { id: 'line', kind: 'count', value: 9, text: '9', qualifier: 'exact', counts: 'speed in knots, according to Marrow Line', context: ['knots', 'doing'], source: 'Marrow Line said its ferry had been doing 9 knots.' },
    ]);
    assert.deepEqual(found(sheet, 'For the Aster, the branch says 14 knots and the operator 9, a gap of five knots.'), []);
    assert.deepEqual(found(sheet, 'The branch says 14 knots and the operator 9 knots, a total of 23 knots.'), []);
    // Only in such an apposition: a figure that merely equals a difference is still read ("was doing 5 knots").
    assert.deepEqual(found(sheet, 'The branch says 14 knots and the operator 9, while the Aster was doing 5 knots.'), ['number-mismatch: 5']);
    // Not a difference of figures before it: still the speed, and wrong.
    assert.deepEqual(found(sheet, 'Marrow Line said its ferry had been doing five knots.'), ['number-mismatch: five']);
  });
  it('a figure inside the bound a source gives, and short of the next round step, is consistent with it ("some five and a half hours" for "more than five hours")', () => {
    const source = 'The rescue was declared over at 1.15pm, more than five hours after the collision.';
    const sheet = sheetOf([{ id: 'rescue', kind: 'count', value: 5, text: 'more than five', qualifier: 'more-than', counts: 'hours from the collision to the end of the rescue', context: ['hours', 'rescue', 'collision'], source }]);
    assert.deepEqual(found(sheet, 'The rescue was declared over some five and a half hours after the collision.'), []);
    assert.deepEqual(found(sheet, 'The rescue was declared over about seven hours after the collision.'), ['number-mismatch: about seven']);
    assert.deepEqual(found(sheet, 'The rescue ended four hours after the collision.'), ['number-mismatch: four']);
    // Not a figure as coarse as the source's own: "about six hours" says no more than five and a bit.
    assert.deepEqual(found(sheet, 'The rescue was declared over about six hours after the collision.'), ['number-mismatch: about six']);
    // The same where the sheet gives it as a duration.
    const hours = sheetOf([{ id: 'rescue', kind: 'duration', value: 5, unit: 'hours', text: 'more than five hours', qualifier: 'more-than', counts: 'time from the collision to the end of the rescue', context: ['rescue', 'collision'], source }]);
    assert.deepEqual(found(hours, 'The rescue was declared over some five and a half hours after the collision.'), []);
    assert.deepEqual(found(hours, 'The rescue was declared over about seven hours after the collision.'), ['number-mismatch: about seven hours']);
  });
});

describe('titles in apposition, in Markdown emphasis', () => {
  // An invented story, written for these tests.
  const source = 'The Orrin Trust, whose chief executive is Dana Morrow, said through its spokesperson, Ivo Castell, that it was sorry.';
  const person = (id: string, name: string, title: string) => ({ id, type: 'person', name, aliases: [name.split(' ')[1]], roles: [{ title, qualifiers: ["the trust's", 'the trust’s', 'Orrin Trust'] }], source });
  const sheet = loadFactSheet(
    JSON.stringify({
      story: { id: 'orrin', title: 'Orrin Trust apology', article: 'article.md' },
      entities: [{ id: 'trust', type: 'organisation', name: 'Orrin Trust', source }, person('morrow', 'Dana Morrow', 'chief executive'), person('castell', 'Ivo Castell', 'spokesperson')],
      figures: [],
      dates: [],
      quotes: [],
      settings: [],
    }),
  );
  const fixed = (draft: string) => applyFixes(draft, check(draft, sheet, { cache: false })).text;

  it("a name in Markdown emphasis before a title in apposition is read as one without ('**Ivo Castell**, the trust's chief executive')", () => {
    // As in plain text, the name given another holder's title is what the fix replaces.
    assert.equal(fixed("Ivo Castell, the trust's chief executive, apologised."), "Dana Morrow, the trust's chief executive, apologised.");
    assert.equal(fixed("**Ivo Castell**, the trust's chief executive, apologised."), "**Dana Morrow**, the trust's chief executive, apologised.");
    assert.equal(fixed("**Dana Morrow**, the trust's chief executive, apologised."), "**Dana Morrow**, the trust's chief executive, apologised.");
  });

  it("a title that introduces a name in commas is that name's, not an apposition to the name before it ('…, Ivo Castell, the trust's chief executive, Dana Morrow, said')", () => {
    assert.deepEqual(check("The apology was read out after a letter from Ivo Castell, the trust's chief executive, Dana Morrow, said.", sheet, { cache: false }), []);
    // Without the second name, the title is Ivo Castell's, and wrong.
    assert.equal(fixed("The apology was read out after a letter from Ivo Castell, the trust's chief executive, said."), "The apology was read out after a letter from Dana Morrow, the trust's chief executive, said.");
  });

  it("in a list of names each with its title, each title is its own name's ('Ivo Castell, the trust's spokesperson, Dana Morrow, the trust's chief executive, …')", () => {
    assert.deepEqual(check("The apology was signed by Ivo Castell, the trust's spokesperson, Dana Morrow, the trust's chief executive, and two others.", sheet, { cache: false }), []);
  });

  it("a sheet person given another's title before the name ('Chief Executive Ivo Castell'): the name is flagged, and a second fix gives the title back", () => {
    const draft = 'Chief Executive Ivo Castell apologised.';
    const [f] = check(draft, sheet, { cache: false });
    assert.equal(draft.slice(f.start, f.end), 'Ivo Castell');
    assert.deepEqual(
      f.fixes.map((x) => applyFixes(draft, [{ ...f, fixes: [x] }]).text),
      ['Chief Executive Dana Morrow apologised.', 'Spokesperson Ivo Castell apologised.'],
    );
  });

  it("a title inside a longer title of the story is part of it: 'the opposition leader, X' is the opposition leader's, not the council leader's 'leader'", () => {
    const src = 'Council leader Ana Penn and the opposition leader, Bo Wells, clashed.';
    const council = loadFactSheet(JSON.stringify({
      story: { id: 'council', title: 'Council', article: 'article.md' },
      entities: [
        { id: 'penn', type: 'person', name: 'Ana Penn', aliases: ['Penn'], roles: [{ title: 'council leader' }, { title: 'leader', qualifiers: ['the council'] }], source: src },
        { id: 'wells', type: 'person', name: 'Bo Wells', aliases: ['Wells'], roles: [{ title: 'opposition leader' }], source: src },
      ],
      figures: [], dates: [], quotes: [], settings: [],
    }));
    const titles = (draft: string) => check(draft, council, { cache: false }).map((f) => `${f.ruleId}: ${draft.slice(f.start, f.end)}`);
    assert.deepEqual(titles('The opposition leader, Bo Wells, argued that the gap was wider.'), []);
    assert.deepEqual(titles('The council leader, Bo Wells, argued that the gap was wider.').map((f) => f.split(':')[0]), ['role-mismatch']);
  });

  it("a sheet person given their own title short of its word of office ('Governor Anselm Kreuzwald', the deputy governor) has the title flagged and given back whole", () => {
    const src = 'Governor Mara Lind and Deputy Governor Anselm Kreuzwald spoke.';
    const bank = loadFactSheet(JSON.stringify({
      story: { id: 'bank', title: 'Bank', article: 'article.md' },
      entities: [
        { id: 'lind', type: 'person', name: 'Mara Lind', aliases: ['Lind'], roles: [{ title: 'governor' }], source: src },
        { id: 'kreuzwald', type: 'person', name: 'Anselm Kreuzwald', aliases: ['Kreuzwald'], roles: [{ title: 'deputy governor' }], source: src },
      ],
      figures: [], dates: [], quotes: [], settings: [],
    }));
    const draft = 'Governor Anselm Kreuzwald said the slide had done the harm.';
    const found = check(draft, bank, { cache: false });
    assert.deepEqual(found.map((f) => draft.slice(f.start, f.end)), ['Governor']);
    assert.equal(applyFixes(draft, found).text, 'Deputy Governor Anselm Kreuzwald said the slide had done the harm.');
    // Their own title whole is right.
    assert.deepEqual(check('Deputy Governor Anselm Kreuzwald said so.', bank, { cache: false }), []);
  });

  it("a sheet person given another's title in apposition: the finding covers name and title, and a second fix gives the title back", () => {
    const draft = "Ivo Castell, the trust's chief executive, apologised.";
    const [f] = check(draft, sheet, { cache: false });
    assert.equal(draft.slice(f.start, f.end), "Ivo Castell, the trust's chief executive");
    assert.deepEqual(
      f.fixes.map((x) => applyFixes(draft, [{ ...f, fixes: [x] }]).text),
      ["Dana Morrow, the trust's chief executive, apologised.", "Ivo Castell, the trust's spokesperson, apologised."],
    );
    // A title the story does not know, owned by the person's own organisation, is theirs to correct.
    assert.equal(fixed("Ivo Castell, the trust's head of finance, apologised."), "Ivo Castell, the trust's spokesperson, apologised.");
    assert.equal(fixed("Ivo Castell, the trust's former spokesperson, apologised."), "Ivo Castell, the trust's former spokesperson, apologised.");
    assert.equal(fixed("Ivo Castell, the trust's longest-serving employee, apologised."), "Ivo Castell, the trust's longest-serving employee, apologised.");
    // At a sentence's end, the verb after a title without its closing comma is no part of it.
    assert.equal(fixed("Ivo Castell, the trust's finance head said it was sorry."), "Ivo Castell, the trust's finance head said it was sorry.");
    assert.equal(fixed("It was sorry, said Ivo Castell, the trust's head of finance."), "It was sorry, said Ivo Castell, the trust's spokesperson.");
    // A name outside the sheet has no title of its own to give back.
    assert.deepEqual(check("Ana Ruiz, the trust's chief executive, apologised.", sheet, { cache: false }).map((x) => x.fixes.length), [1]);
  });

  it("a title of the story given to a person of another organisation, owned by their own ('the hospital's chief executive' where the story's chief executive is the water company's), is their wrong title", () => {
    const src = 'Mara Lind, chief executive of Tarn Water, apologised. Anand Rao, the medical director of St Anne\'s Hospital, said wards were full.';
    const two = loadFactSheet(JSON.stringify({
      story: { id: 'water', title: 'Water', article: 'article.md' },
      entities: [
        { id: 'tarn', type: 'organisation', name: 'Tarn Water', source: src },
        { id: 'anne', type: 'organisation', name: "St Anne's Hospital", mentions: ['the hospital'], source: src },
        { id: 'lind', type: 'person', name: 'Mara Lind', aliases: ['Lind'], speaksFor: 'tarn', roles: [{ title: 'chief executive', qualifiers: ["Tarn Water's"] }], source: src },
        { id: 'rao', type: 'person', name: 'Anand Rao', aliases: ['Rao'], speaksFor: 'anne', roles: [{ title: 'medical director', qualifiers: ["the hospital's"] }], source: src },
      ],
      figures: [], dates: [], quotes: [], settings: [],
    }));
    const titles = (draft: string) => check(draft, two, { cache: false }).map((f) => `${f.ruleId}: ${draft.slice(f.start, f.end)}`);
    assert.deepEqual(titles("Anand Rao, the hospital's chief executive, said wards were full."), ['role-mismatch: chief executive']);
    assert.deepEqual(titles("Anand Rao, the hospital's medical director, said wards were full."), []);
    assert.deepEqual(titles("Mara Lind, Tarn Water's chief executive, apologised."), []);
  });

  it("a title in apposition owned by the person's organisation under any of its names ('the Orrin Trust's', 'chief executive of the Orrin Trust') is checked against their own; dropping 'deputy' is a wrong title", () => {
    const roles = (title: string) => [{ title, qualifiers: ["the trust's", 'the trust’s', 'Orrin Trust'] }];
    const own = loadFactSheet(
      JSON.stringify({
        story: { id: 'orrin', title: 'Orrin Trust apology', article: 'article.md' },
        entities: [
          { id: 'trust', type: 'organisation', name: 'Orrin Trust', mentions: ['the trust'], source },
          { id: 'castell', type: 'person', name: 'Ivo Castell', aliases: ['Castell'], roles: roles('chief operating officer'), speaksFor: 'trust', source },
          { id: 'hart', type: 'person', name: 'Lena Hart', aliases: ['Hart'], roles: roles('deputy chair'), source },
        ],
        figures: [], dates: [], quotes: [], settings: [],
      }),
    );
    const fix = (draft: string) => applyFixes(draft, check(draft, own, { cache: false })).text;
    // A word shared with their own title does not make another title theirs.
    assert.equal(fix("Ivo Castell, the trust's chief executive, apologised."), "Ivo Castell, the trust's chief operating officer, apologised.");
    assert.equal(fix("Ivo Castell, the Orrin Trust's chief executive, apologised."), "Ivo Castell, the Orrin Trust's chief operating officer, apologised.");
    assert.equal(fix('Ivo Castell, chief executive of the Orrin Trust, apologised.'), 'Ivo Castell, chief operating officer of the Orrin Trust, apologised.');
    assert.equal(fix("Lena Hart, the trust's chair, apologised."), "Lena Hart, the trust's deputy chair, apologised.");
    // Their own title, whole or with a word more, or in part without an office word, stays.
    for (const ok of ['Ivo Castell, a member of the Orrin Trust, apologised.', 'Ivo Castell, an employee of the trust, apologised.', 'Ivo Castell, a spokesman for the trust, apologised.', 'Ivo Castell, a longtime critic of the trust, apologised.', "Ivo Castell, the Orrin Trust's chief operating officer, apologised.", 'Ivo Castell, chief operating officer of the Orrin Trust, apologised.', "Lena Hart, the trust's former deputy chair, apologised.", "Ivo Castell, the trust's operating chief, apologised.", 'Ivo Castell, who runs the trust, apologised.', 'Ivo Castell, one of the trust’s founders, apologised.']) {
      assert.deepEqual(check(ok, own, { cache: false }).map((f) => f.message), [], ok);
    }
  });
});


describe('settings: the event a trigger names', () => {
  // An invented story, written for these tests.
  const source = 'An aftershock brought down a school in Lunevo on Wednesday.';
  const sheet = loadFactSheet(
    JSON.stringify({
      story: { id: 'quake', title: 'Quake', article: 'article.md' },
      entities: [
        { id: 'lunevo', type: 'place', name: 'Lunevo', source },
        { id: 'karsta', type: 'place', name: 'Karsta', source: 'Karsta province was worst hit.' },
      ],
      figures: [],
      dates: [],
      quotes: [],
      settings: [{ id: 'school', entity: 'lunevo', triggers: ['school'], prepositions: ['in', 'at'], what: 'where the aftershock brought down a school', source }],
    }),
  );
  const found = (draft: string) => check(draft, sheet, { cache: false }).map((f) => `${f.ruleId}: ${draft.slice(f.start, f.end)}`);

  it('a ratio compares two figures of one thing, not two that share a year or a name', () => {
    const src = 'In 1979 a magnitude 7.1 quake near Brenik killed about 3,600 people.';
    const quake = loadFactSheet(
      JSON.stringify({
        story: { id: 'quake', title: 'Quake', article: 'article.md' },
        entities: [{ id: 'brenik', type: 'place', name: 'Brenik', source: src }],
        figures: [
          { id: 'magnitude', kind: 'count', value: 7.1, text: '7.1', qualifier: 'exact', counts: 'magnitude of the 1979 quake', context: ['magnitude', '1979', 'Brenik'], source: src },
          { id: 'deaths', kind: 'count', value: 3600, text: 'about 3,600', qualifier: 'about', counts: 'people killed in 1979', context: ['killed', 'deaths', '1979', 'Brenik'], source: src },
        ],
        dates: [],
        quotes: [],
        settings: [],
      }),
    );
    assert.deepEqual(check('A magnitude 7.1 quake near Brenik killed about 3,600 people, twice as many as in the capital.', quake, { cache: false }).map((f) => f.ruleId), []);
  });

  it('a plural of a one-word event is other things of its kind, not the event', () => {
    assert.deepEqual(found('The aftershock brought down a school in Karsta.'), ['place-mismatch: Karsta']);
    assert.deepEqual(found('Schools in Karsta stay closed until Monday.'), []);
  });
});

describe('a draft sentence restating an article sentence: its date and place are that sentence’s', () => {
  // An invented story, written for these tests.
  const burnt = 'The fire had burnt 3,840 hectares by Tuesday, the fire service said.';
  const crews = 'Up to 600 firefighters would be deployed by Thursday, the agency said.';
  const largest = 'It is the largest fire in the Brannoch Hills since July 2011, when 2,100 hectares burnt.';
  const start = 'The fire broke out in Kell Gorge on Sunday.';
  const sheet = loadFactSheet(
    JSON.stringify({
      story: { id: 'fire', title: 'Hill fire', article: 'article.md' },
      entities: [
        { id: 'kell', type: 'place', name: 'Kell Gorge', source: start },
        { id: 'brannoch', type: 'place', name: 'Brannoch Hills', source: largest },
      ],
      figures: [
        { id: 'area', kind: 'count', value: 3840, text: '3,840', qualifier: 'exact', counts: 'hectares burnt', context: ['hectares', 'burnt'], source: burnt },
        { id: 'crews', kind: 'count', value: 600, text: 'Up to 600', qualifier: 'up-to', counts: 'firefighters to be deployed', context: ['firefighters', 'deployed'], source: crews },
        { id: 'area-2011', kind: 'count', value: 2100, text: '2,100', qualifier: 'exact', counts: 'hectares burnt in 2011', context: ['hectares', '2011'], source: largest },
      ],
      dates: [
        { id: 'area-by', text: 'Tuesday', weekday: 'Tuesday', event: 'the date of the area figure', context: ['burnt', 'by'], source: burnt },
        { id: 'reinforce', text: 'Thursday', weekday: 'Thursday', event: 'the firefighters are deployed', context: ['deployed', 'firefighters'], source: crews },
        { id: 'start', text: 'Sunday', weekday: 'Sunday', event: 'the fire broke out', context: ['broke out', 'started'], source: start },
        { id: 'fire-2011', text: 'July 2011', event: 'the previous largest fire', context: ['largest', 'since'], source: largest },
      ],
      quotes: [],
      settings: [{ id: 'origin', entity: 'kell', triggers: ['broke out', 'fire'], prepositions: ['in'], what: 'where the fire broke out', source: start }],
    }),
  );
  const found = (draft: string) => check(draft, sheet, { cache: false }).map((f) => `${f.ruleId}: ${draft.slice(f.start, f.end)}`);

  it('a date the restated sentence says is right, though a word of another event is in the sentence', () => {
    assert.deepEqual(found('Firefighters were struggling on Tuesday to hold a fire that has scorched 3,840 hectares.'), []);
    // Not where a word of another event stands right by the date.
    assert.deepEqual(found('The fire broke out on Tuesday and has scorched 3,840 hectares.'), ['date-mismatch: Tuesday']);
    // Nor a date in a clause of its own, apart from the figure: the relative clause is the fire's start.
    assert.deepEqual(found('The fire, which broke out in the gorge on Tuesday, has scorched 3,840 hectares.'), ['date-mismatch: Tuesday']);
  });

  it('a place the restated sentence gives the event is right, though the sheet places the event elsewhere', () => {
    assert.deepEqual(found('It is the biggest fire in the Brannoch Hills since July 2011, when about 2,100 hectares burnt.'), []);
    assert.deepEqual(found('The fire broke out in the Brannoch Hills.'), ['place-mismatch: Brannoch Hills']);
    // Not where the restated sentence has no word of the event ("broke out"), nor through a figure the draft gets wrong.
    assert.deepEqual(found('The fire broke out in the Brannoch Hills, the largest since July 2011.'), ['place-mismatch: Brannoch Hills']);
    assert.ok(found('It is the biggest fire in the Brannoch Hills since July 2011, when about 2,400 hectares burnt.').length >= 1);
  });
});
