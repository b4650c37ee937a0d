/**
 * Reads what a span of a sentence is about: how strongly context words and entity mentions
 * nearby tie it to a fact, weighing distance and clause boundaries.
 */
import type { CompiledSheet } from './compile';
import { findPhrase, type Sentence } from './text';

const STRONG = new Set(['while', 'whereas', 'but', 'though', 'although', 'however', 'meanwhile', 'unlike']);
const BY = new Set(['by', 'from', 'per', 'according']);
const SAYS = new Set(['said', 'says', 'say', 'reported', 'reports', 'report', 'estimated', 'estimates', 'counted', 'counts', 'recorded', 'records', 'documented', 'acknowledged', 'acknowledges', 'puts', 'put', 'confirmed', 'confirms', 'published', 'verified']);

/** A sentence prepared for context look-ups. */
export class SentenceContext {
  /** Strong clause boundaries and commas before each token. */
  private readonly strong: number[] = [];
  private readonly commas: number[] = [];
  private mentionCache?: { id: string; at: number; len: number }[];

  constructor(
    readonly sentence: Sentence,
    masked: string,
  ) {
    let strong = 0;
    let commas = 0;
    let prevEnd = sentence.start;
    for (const t of sentence.tokens) {
      // The marks counted are single UTF-16 units, so the gap is read unit by unit.
      for (let i = prevEnd; i < t.start; i++) {
        const ch = masked.charCodeAt(i);
        if (ch === 0x2c) commas++; // ,
        else if (ch === 0x3b || ch === 0x2014 || ch === 0x2013) strong++; // ; — –
      }
      if (STRONG.has(t.norm)) strong++;
      else if (t.norm === 'and') commas++; // "... and that 15,000 were detained" starts another clause
      this.strong.push(strong);
      this.commas.push(commas);
      prevEnd = t.end;
    }
  }

  private commasBetween(a: number, b: number): number {
    const n = this.commas.length - 1;
    return Math.abs(this.commas[Math.min(a, n)] - this.commas[Math.min(b, n)]);
  }

  /** Whether no strong clause boundary (; — while, but …) separates tokens `a` and `b`. */
  sameClause(a: number, b: number): boolean {
    const n = this.strong.length - 1;
    if (n < 0) return true;
    return this.strong[Math.min(a, n)] === this.strong[Math.min(b, n)];
  }

  /** Index of the first token at or after `offset`. */
  tokenAt(offset: number): number {
    const toks = this.sentence.tokens;
    let lo = 0;
    let hi = toks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (toks[mid].end <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Weight in (0, 1] of a link between tokens `a` and `b`: near and in one clause is strong. */
  weight(a: number, b: number): number {
    const n = this.strong.length;
    const ia = Math.min(a, n - 1);
    const ib = Math.min(b, n - 1);
    if (ia < 0 || ib < 0) return 0;
    const dist = Math.abs(a - b);
    const strong = Math.abs(this.strong[ia] - this.strong[ib]);
    const commas = Math.abs(this.commas[ia] - this.commas[ib]);
    return (1 / (1 + dist / 6)) * Math.pow(0.3, strong) * Math.pow(0.75, commas);
  }

  /**
   * Strength with which any of `phrases` ties to the span of tokens [from, to): the best
   * weight over their occurrences in the sentence, 0 if none occurs.
   */
  phraseWeight(phrases: string[][], from: number, to: number): number {
    let best = 0;
    for (const words of phrases) {
      for (const at of findPhrase(this.sentence.tokens, words)) {
        if (at >= from && at < to) continue;
        // What a figure counts usually follows it ("3,117 deaths"); a word before it ties less.
        const w = at < from ? 0.8 * this.weight(at + words.length - 1, from) : this.weight(at, to - 1);
        if (w > best) best = w;
      }
    }
    return best;
  }

  /** Entity mentions in the sentence (longest phrase wins where phrases overlap). */
  mentions(sheet: CompiledSheet): { id: string; at: number; len: number }[] {
    if (this.mentionCache) return this.mentionCache;
    const found: { id: string; at: number; len: number }[] = [];
    const used = new Set<number>();
    for (const p of sheet.entityPhrases) {
      for (const at of findPhrase(this.sentence.tokens, p.words)) {
        let free = true;
        for (let i = at; i < at + p.words.length; i++) if (used.has(i)) free = false;
        if (!free) continue;
        for (let i = at; i < at + p.words.length; i++) used.add(i);
        found.push({ id: p.id, at, len: p.words.length });
      }
    }
    this.mentionCache = found.sort((a, b) => a.at - b.at);
    return this.mentionCache;
  }

  /**
   * Who the sentence says reported the span [from, to): the reporter entity with the
   * strongest link, if it clearly beats the others. A mention after the span counts fully
   * only as "by X", "according to X" or "X said".
   */
  reporter(sheet: CompiledSheet, from: number, to: number): string | undefined {
    const toks = this.sentence.tokens;
    const score = new Map<string, number>();
    for (const m of this.mentions(sheet)) {
      if ((m.at >= from && m.at < to) || !sheet.reporters.has(m.id)) continue;
      let w: number;
      if (m.at < from) {
        w = this.weight(m.at + m.len - 1, from);
        // The subject of the clause reports everything in it, however long the clause.
        if (this.strong[Math.min(m.at, this.strong.length - 1)] === this.strong[Math.min(from, this.strong.length - 1)]) w = Math.max(w, 0.5 * Math.pow(0.75, this.commasBetween(m.at, from)));
        // "according to X, N ..." reads across the comma.
        if (m.at >= 2 && toks[m.at - 2]?.norm === 'according') w = Math.max(w, this.weight(m.at, from) / 0.75);
      } else {
        w = this.weight(to - 1, m.at);
        const before = toks.slice(Math.max(0, m.at - 2), m.at).map((t) => t.norm);
        const after = toks[m.at + m.len]?.norm;
        if (!before.some((b) => BY.has(b)) && !(after && SAYS.has(after))) w *= 0.3;
      }
      score.set(m.id, Math.max(score.get(m.id) ?? 0, w));
    }
    const ranked = [...score].sort((a, b) => b[1] - a[1]);
    if (!ranked.length || ranked[0][1] < 0.25) return undefined;
    if (ranked.length > 1 && ranked[1][1] * 1.3 > ranked[0][1]) return undefined;
    return ranked[0][0];
  }

  /** Extra context for a table cell: the header text of its column. */
  headerOf(offset: number): string | undefined {
    return this.sentence.tableHeaders?.find(([s, e]) => offset >= s && offset < e)?.[2];
  }
}
