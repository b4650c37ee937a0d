/**
 * Compares a proposed fact sheet (from `extractFactSheet`) with a hand-curated one. A curated fact
 * counts as proposed when the proposal has a fact of the same category that agrees on:
 *   entity  — a name or alias in common (case, apostrophe style and possessive ignored) and the same type
 *   figure  — the same value, kind and source sentence
 *   date    — the same text and source sentence
 *   quote   — the same text (case and spacing ignored), the same source sentence, and a speaker that
 *             is the curated speaker (the proposed speaker entity matches the curated one as above)
 *   setting — the same place/outlet/channel entity (matched as above) and source sentence
 * A proposal that matches no curated fact this way is counted as "not in the curated sheet".
 */
import type { Entity, FactSheet } from '../../src/core';

export type Category = 'entities' | 'figures' | 'dates' | 'quotes' | 'settings';
export const CATEGORIES: Category[] = ['entities', 'figures', 'dates', 'quotes', 'settings'];

export interface Score {
  /** Per category: curated facts, how many were proposed, proposals not in the curated sheet. */
  byCategory: Record<Category, { curated: number; found: number; extra: number; missed: string[]; extras: string[] }>;
  curated: number;
  found: number;
  extra: number;
  /** found / curated. */
  coverage: number;
  /** Of the matched figures with a curated reporter: how many got the same reporter. */
  reporters: { agree: number; of: number };
  /**
   * Proposed whatever the type or speaker: curated entities with a proposal sharing a name, and of
   * those how many have the same type; curated quotes with a proposal of the same text and source,
   * and of those how many have the same speaker.
   */
  named: { entities: number; rightType: number; quotes: number; rightSpeaker: number };
}

const norm = (s: string) => s.toLowerCase().replace(/[’‘]/g, "'").replace(/'s?$/, '').replace(/\s+/g, ' ').trim();
const names = (e: Entity) => new Set([e.name, ...(e.aliases ?? [])].map(norm));
const entityMatch = (p: Entity, c: Entity) => p.type === c.type && [...names(p)].some((n) => names(c).has(n));
const sameValue = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

export function scoreExtraction(proposed: FactSheet, curated: FactSheet): Score {
  // Proposed entity id → curated entity id it matches (first match).
  const map = new Map<string, string>();
  for (const p of proposed.entities) {
    const c = curated.entities.find((c) => entityMatch(p, c));
    if (c) map.set(p.id, c.id);
  }
  const same = (pid: string | undefined, cid: string | undefined) => pid !== undefined && cid !== undefined && map.get(pid) === cid;
  const pairs: { [K in Category]: (p: FactSheet[K][number], c: FactSheet[K][number]) => boolean } = {
    entities: (p, c) => entityMatch(p, c),
    figures: (p, c) => p.kind === c.kind && sameValue(p.value, c.value) && p.source === c.source,
    dates: (p, c) => norm(p.text) === norm(c.text) && p.source === c.source,
    quotes: (p, c) => norm(p.text) === norm(c.text) && p.source === c.source && same(p.speaker, c.speaker),
    settings: (p, c) => same(p.entity, c.entity) && p.source === c.source,
  };
  const byCategory = {} as Score['byCategory'];
  let curatedN = 0;
  let found = 0;
  let extra = 0;
  for (const cat of CATEGORIES) {
    const match = pairs[cat] as (p: unknown, c: unknown) => boolean;
    const ps = proposed[cat] as { id: string }[];
    const cs = curated[cat] as { id: string }[];
    const missed = cs.filter((c) => !ps.some((p) => match(p, c))).map((c) => c.id);
    const extras = ps.filter((p) => !cs.some((c) => match(p, c))).map((p) => p.id);
    byCategory[cat] = { curated: cs.length, found: cs.length - missed.length, extra: extras.length, missed, extras };
    curatedN += cs.length;
    found += cs.length - missed.length;
    extra += extras.length;
  }
  let agree = 0;
  let of = 0;
  for (const c of curated.figures) {
    if (!c.reportedBy) continue;
    const p = proposed.figures.find((p) => pairs.figures(p, c));
    if (!p) continue;
    of++;
    if (same(p.reportedBy, c.reportedBy)) agree++;
  }
  const named = { entities: 0, rightType: 0, quotes: 0, rightSpeaker: 0 };
  for (const c of curated.entities) {
    const ps = proposed.entities.filter((p) => [...names(p)].some((n) => names(c).has(n)));
    if (!ps.length) continue;
    named.entities++;
    if (ps.some((p) => p.type === c.type)) named.rightType++;
  }
  for (const c of curated.quotes) {
    const ps = proposed.quotes.filter((p) => norm(p.text) === norm(c.text) && p.source === c.source);
    if (!ps.length) continue;
    named.quotes++;
    if (ps.some((p) => same(p.speaker, c.speaker))) named.rightSpeaker++;
  }
  return { byCategory, curated: curatedN, found, extra, coverage: curatedN ? found / curatedN : 1, reporters: { agree, of }, named };
}
