import assert from 'node:assert/strict';
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { check, loadFactSheet } from '../src/core';
import { codeSpans } from '../src/core/text/codeSpans';
import { endsListLike, splitSentences } from '../src/core/text/sentences';
import { maskText } from '../src/core/text/mask';

const root = path.resolve(__dirname, '..', '..');
const sheet = loadFactSheet(fs.readFileSync(path.join(root, 'reference', 'facts.json'), 'utf8'));

const WRONG = '3,171'; // the verified toll is 3,117

/** Number findings that sit on the (last) occurrence of `figure` in `text`. */
function flagsOn(text: string, figure = WRONG, options = {}) {
  const at = text.lastIndexOf(figure);
  assert.ok(at >= 0, `test text must contain ${figure}`);
  return check(text, sheet, options).filter((f) => f.start < at + figure.length && at < f.end);
}

/** Asserts that maskText keeps length and line breaks and changes characters only to spaces. */
function assertMaskShape(text: string, masked: string) {
  assert.equal(masked.length, text.length, 'length kept');
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n' || text[i] === '\r') assert.equal(masked[i], text[i], `line break kept at ${i}`);
    else assert.ok(masked[i] === text[i] || masked[i] === ' ', `offset ${i}: ${JSON.stringify(text[i])} became ${JSON.stringify(masked[i])}`);
  }
}

// Each case: text where the figure is in a region that must never be checked, and a control that
// differs only by the syntax that makes it such a region, where the figure must be flagged.
const masked: { where: string; text: string; control: string }[] = [
  {
    where: 'YAML front matter',
    text: '---\ntitle: Iranian authorities acknowledged 3,171 deaths.\n---\n\nBody text.\n',
    control: 'Title: Iranian authorities acknowledged 3,171 deaths.\n\nBody text.\n',
  },
  {
    where: 'a ``` fenced code block',
    text: 'Intro.\n\n```\nIranian authorities acknowledged 3,171 deaths.\n```\n',
    control: 'Intro.\n\n\nIranian authorities acknowledged 3,171 deaths.\n\n',
  },
  {
    where: 'a ~~~ fenced code block',
    text: 'Intro.\n\n~~~text\nIranian authorities acknowledged 3,171 deaths.\n~~~\n',
    control: 'Intro.\n\ntext\nIranian authorities acknowledged 3,171 deaths.\n\n',
  },
  {
    where: 'an unclosed fence (runs to the end)',
    text: 'Intro.\n\n```\nIranian authorities acknowledged 3,171 deaths.\n',
    control: 'Intro.\n\n\nIranian authorities acknowledged 3,171 deaths.\n',
  },
  {
    where: 'inline code',
    text: 'Iranian authorities acknowledged `3,171` deaths.\n',
    control: 'Iranian authorities acknowledged 3,171 deaths.\n',
  },
  {
    where: 'double-backtick inline code',
    text: 'Iranian authorities acknowledged ``3,171 ` `` deaths.\n',
    control: 'Iranian authorities acknowledged 3,171 deaths.\n',
  },
  {
    where: 'an HTML comment',
    text: 'Iranian authorities acknowledged <!-- 3,171 --> deaths.\n',
    control: 'Iranian authorities acknowledged 3,171 deaths.\n',
  },
  {
    where: 'a multi-line HTML comment',
    text: '<!--\nIranian authorities acknowledged 3,171 deaths.\n-->\n',
    control: '\nIranian authorities acknowledged 3,171 deaths.\n\n',
  },
  {
    where: 'an HTML tag attribute',
    text: 'Iranian authorities acknowledged <abbr title="3,171">many</abbr> deaths.\n',
    control: 'Iranian authorities acknowledged title="3,171" many deaths.\n',
  },
  {
    where: 'a link target',
    text: 'Iranian authorities acknowledged [deaths](3,171).\n',
    control: 'Iranian authorities acknowledged [deaths] (3,171).\n',
  },
  {
    where: 'a link title',
    text: 'Iranian authorities acknowledged deaths [toll](https://example.org "3,171").\n',
    control: 'Iranian authorities acknowledged deaths [toll](https://example.org) "3,171".\n',
  },
  {
    where: 'an image target',
    text: 'Iranian authorities acknowledged ![deaths](3,171).\n',
    control: 'Iranian authorities acknowledged ![deaths] (3,171).\n',
  },
  {
    where: 'a reference-link definition',
    text: 'The toll is disputed [toll].\n\n[toll]: https://example.org "Iranian authorities acknowledged 3,171 deaths"\n',
    control: 'The toll is disputed [toll].\n\ntoll: https://example.org "Iranian authorities acknowledged 3,171 deaths"\n',
  },
  {
    where: 'an autolink',
    text: 'Iranian authorities acknowledged deaths <https://example.org/?n=3,171>.\n',
    control: 'Iranian authorities acknowledged deaths <https://example.org/?n= 3,171>.\n',
  },
  {
    where: 'a bare URL',
    text: 'Iranian authorities acknowledged deaths at https://example.org/?n=3,171 today.\n',
    control: 'Iranian authorities acknowledged deaths at example.org/?n=3,171 today.\n',
  },
  {
    where: 'a bare www URL',
    text: 'Iranian authorities acknowledged deaths at www.example.org/?n=3,171 today.\n',
    control: 'Iranian authorities acknowledged deaths at example.org/?n=3,171 today.\n',
  },
];

describe('maskText through check(): regions that are never checked', () => {
  for (const c of masked) {
    it(`a figure in ${c.where} is not checked`, () => {
      const m = maskText(c.text);
      assertMaskShape(c.text, m);
      const at = c.text.lastIndexOf(WRONG);
      assert.equal(m.slice(at, at + WRONG.length), ' '.repeat(WRONG.length), 'the figure is blanked');
      assert.deepEqual(flagsOn(c.text).map((f) => f.ruleId), []);
    });
    it(`control: the same figure outside ${c.where} is flagged`, () => {
      const f = flagsOn(c.control);
      assert.ok(f.some((x) => x.ruleId === 'number-mismatch'), `expected number-mismatch in ${JSON.stringify(c.control)}`);
    });
  }

  it('names and quotes in masked regions are not checked either', () => {
    // Misspelt name and an altered quote: flagged in prose, silent in code and comments.
    const prose = 'Foreign Minister Abbas Araghchy said the missile program was “always negotiable”.\n';
    const inProse = check(prose, sheet);
    assert.ok(inProse.some((f) => f.ruleId === 'name-mismatch'), JSON.stringify(inProse.map((f) => f.ruleId)));
    assert.ok(inProse.some((f) => f.ruleId.startsWith('quote-')), JSON.stringify(inProse.map((f) => f.ruleId)));
    for (const text of ['```\n' + prose + '```\n', '<!--\n' + prose + '-->\n', `---\ntitle: ${prose}---\n\nBody.\n`, '`' + prose.trim() + '`\n']) {
      assert.deepEqual(check(text, sheet), [], JSON.stringify(text));
    }
  });

  it('front matter only counts at the very top of the document', () => {
    const text = 'Intro.\n\n---\ntitle: x\n---\n\nIranian authorities acknowledged 3,171 deaths.\n';
    assert.ok(flagsOn(text).some((f) => f.ruleId === 'number-mismatch'));
    // A front matter block followed by prose: the prose is still checked.
    const top = '---\ntitle: x\n---\n\nIranian authorities acknowledged 3,171 deaths.\n';
    assert.ok(flagsOn(top).some((f) => f.ruleId === 'number-mismatch'));
  });

  it('link text is checked, only the target is not', () => {
    const text = '[Iranian authorities acknowledged 3,171 deaths](https://example.org/report).\n';
    const f = flagsOn(text);
    assert.equal(f.length, 1);
    assert.equal(text.slice(f[0].start, f[0].end), WRONG);
  });

  it('an e-mail address is blanked', () => {
    const text = 'Write to toll-3171@example.org for the list.';
    const m = maskText(text);
    assertMaskShape(text, m);
    assert.ok(!m.includes('3171') && !m.includes('example'), m);
  });
});

describe('maskText through check(): prose, list items and table cells are checked', () => {
  const cases: [string, string][] = [
    ['normal prose', 'Iranian authorities acknowledged 3,171 deaths.\n'],
    ['prose after a single line break', 'Iranian authorities acknowledged\n3,171 deaths.\n'],
    ['a bullet list item', 'Key figures:\n\n- Iranian authorities acknowledged 3,171 deaths\n- Talks resumed\n'],
    ['a numbered list item', '1. Iranian authorities acknowledged 3,171 deaths\n2. Talks resumed\n'],
    ['a heading', '## Iranian authorities acknowledged 3,171 deaths\n'],
    ['a block quote', '> Iranian authorities acknowledged 3,171 deaths.\n'],
    ['a table cell', '| Source | Deaths |\n| :--- | ---: |\n| Iranian authorities | 3,171 |\n'],
    ['a table cell without outer pipes', 'Source | Deaths\n--- | ---\nIranian authorities | 3,171\n'],
  ];
  for (const [where, text] of cases) {
    it(`a figure in ${where} is flagged, with a fix to the verified figure`, () => {
      const f = flagsOn(text);
      assert.equal(f.length, 1, JSON.stringify(f));
      assert.equal(f[0].ruleId, 'number-mismatch');
      assert.equal(text.slice(f[0].start, f[0].end), WRONG);
      assert.equal(f[0].fixes[0]?.edits[0]?.text, '3,117');
    });
  }

  it('a table alignment row is blanked, and the cells below still map to their headers', () => {
    const text = '| Source | Deaths |\n| :--- | ---: |\n| Iranian authorities | 3,171 |\n';
    const m = maskText(text);
    assertMaskShape(text, m);
    const lines = m.split('\n');
    assert.equal(lines[1].trim(), '', 'alignment row blanked');
    assert.equal(lines[0], '| Source | Deaths |');
    assert.equal(lines[2], '| Iranian authorities | 3,171 |');
    const row = splitSentences(m).find((s) => s.text.includes('3,171'));
    assert.ok(row?.tableHeaders, 'the data row knows its headers');
    const cell = row.tableHeaders.find(([s, e]) => m.slice(s, e).includes('3,171'));
    assert.ok(cell && /Deaths/.test(cell[2]), JSON.stringify(row.tableHeaders));
  });

  it('plain text (markdown: false) checks code-like spans but still skips URLs', () => {
    assert.equal(flagsOn('Iranian authorities acknowledged `3,171` deaths.\n', WRONG, { markdown: false }).length, 1);
    assert.equal(flagsOn('Iranian authorities acknowledged deaths at https://example.org/?n=3,171 today.\n', WRONG, { markdown: false }).length, 0);
    const text = 'See <!-- 3,171 --> and https://example.org/3,171.\n';
    const m = maskText(text, false);
    assertMaskShape(text, m);
    assert.ok(m.includes('<!-- 3,171 -->'), 'comments are not Markdown syntax in plain text');
    assert.ok(!m.includes('example.org'), 'URLs are blanked');
  });
});

describe('maskText keeps length and line breaks', () => {
  it('on a document that uses every masked construct, with CRLF and astral characters', () => {
    const doc = [
      '---',
      'title: "3,171 😀"',
      '---',
      '',
      '# Heading 𝒳 with `code 3,171`',
      '',
      'Prose with <!-- a\ncomment --> and [link](https://example.org/a_(b)/3,171 "t 3,171") and ![img](i.png).',
      '',
      '```js',
      'const x = "3,171";',
      '```',
      '',
      '~~~~',
      'tilde 😀',
      '~~~~',
      '',
      '[ref]: https://example.org/ref "Ref"',
      '<https://example.org/auto> and http://example.org/bare, mail me@example.org.',
      '',
      '| a | b |',
      '|:-:|--:|',
      '| 1 | 2 |',
      '',
    ].join('\r\n');
    const m = maskText(doc);
    assertMaskShape(doc, m);
    assert.equal(m.split('\n').length, doc.split('\n').length);
    assert.ok(!m.includes('3,171'), 'no figure survives masking here');
    assert.ok(m.includes('Prose with') && m.includes('[link]') && m.includes('| 1 | 2 |'), 'prose, link text and table cells are kept');
  });
});

describe('splitSentences', () => {
  const texts = (t: string) => splitSentences(maskText(t)).map((s) => s.text);

  it('splits at sentence ends (. ! ?) followed by a capital, a digit or an opening quote', () => {
    assert.deepEqual(texts('Talks resumed. Iran agreed! Will they meet? 2,000 people marched. “Soon,” he said.'), [
      'Talks resumed.',
      'Iran agreed!',
      'Will they meet?',
      '2,000 people marched.',
      '“Soon,” he said.',
    ]);
  });

  it('does not split after U.S., Mr., Dr. or initials, nor inside decimals', () => {
    assert.deepEqual(texts('The U.S. Treasury imposed sanctions on Tuesday. Mr. Smith and Dr. Jones met J. R. Doe. Trade was $32.5 billion.'), [
      'The U.S. Treasury imposed sanctions on Tuesday.',
      'Mr. Smith and Dr. Jones met J. R. Doe.',
      'Trade was $32.5 billion.',
    ]);
  });

  it('does not split at a full stop followed by a lower-case word', () => {
    assert.deepEqual(texts('Figures rose approx. three-fold in the period. Officials agreed.'), ['Figures rose approx. three-fold in the period.', 'Officials agreed.']);
  });

  it('a single newline inside a paragraph does not end a sentence; a blank line does', () => {
    assert.deepEqual(texts('Talks resumed in\nMuscat on Friday\n\nOfficials agreed'), ['Talks resumed in\nMuscat on Friday', 'Officials agreed']);
  });

  it('headings, list items and table rows are units of their own', () => {
    const doc = '# Talks resume\nOfficials agreed\n\n- first item\n- second item\n  wraps here\n* third\n1. numbered\n\n| a | b |\n| --- | --- |\n| 1 | 2 |\n| 3 | 4 |\n';
    assert.deepEqual(texts(doc), ['# Talks resume', 'Officials agreed', '- first item', '- second item\n  wraps here', '* third', '1. numbered', '| a | b |', '| 1 | 2 |', '| 3 | 4 |']);
  });

  it('a thread\'s numbered posts ("4/ ") and bullets ("• ") are units of their own; a fraction or a date is not', () => {
    assert.deepEqual(texts('3/ Debt of £41.3m. Trust says closer to £48m\n4/ Adult season tickets: £495'), ['3/ Debt of £41.3m.', 'Trust says closer to £48m', '4/ Adult season tickets: £495']);
    assert.deepEqual(texts('It was set up after the\n9/11 Commission reported'), ['It was set up after the\n9/11 Commission reported']);
    assert.deepEqual(texts('• first\n• second'), ['• first', '• second']);
    assert.deepEqual(texts('Turnout was about\n3/4 of members'), ['Turnout was about\n3/4 of members']);
  });

  it('sentence offsets point into the original text and tokens lie inside their sentence', () => {
    const text = 'Intro 😀 here. Second 𝒳 one!\r\n\r\n- item\r\n';
    const m = maskText(text);
    for (const s of splitSentences(m)) {
      assert.equal(text.slice(s.start, s.end), s.text);
      for (const t of s.tokens) {
        assert.ok(s.start <= t.start && t.end <= s.end);
        assert.equal(text.slice(t.start, t.end), t.text);
      }
    }
  });
});

describe('inline code spans (linear scan)', () => {
  it('a run of backticks is closed by the next run of the same length; an unmatched run is literal', () => {
    assert.deepEqual(codeSpans('a `b` c'), [[2, 5]]);
    assert.deepEqual(codeSpans('``x ` y`` z'), [[0, 9]]);
    assert.deepEqual(codeSpans('` a ``'), []);
    // A span never crosses a blank line: the first run is literal, the next ones pair up.
    assert.deepEqual(codeSpans('`a\n\nb` `c`'), [[5, 8]]);
    // …whatever the line ends: CRLF, or spaces on the blank line.
    assert.deepEqual(codeSpans('`a\r\n\r\nb` `c`'), [[7, 10]]);
    assert.deepEqual(codeSpans('`a\n  \nb` `c`'), [[7, 10]]);
    assert.deepEqual(codeSpans('`'.repeat(5000)), []);
    assert.deepEqual(codeSpans('`` `` ``'), [[0, 5]]);
  });
});

describe('endsListLike (a line ending in a figure, a colon or closing punctuation)', () => {
  it('answers what /[\\d.!?:%)]\\s*$/ answers, on random lines', () => {
    const pieces = ['a', 'Z', '7', '.', '!', '?', ':', '%', ')', '(', ' ', '\t', '\u00a0', '\u2003', '\r', '”', 'é', '٣', '\ud83d\ude00'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
        const line = parts.join('');
        assert.equal(endsListLike(line), /[\d.!?:%)]\s*$/.test(line), JSON.stringify(line));
      }),
      { numRuns: 3000, seed: 11 },
    );
  });
});
