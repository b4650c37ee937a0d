/**
 * Settling a proposal: receives the proposed sheet and its article, and proposes the sheet the
 * checker loads and the article passes: facts the validator or the citation check rejects are
 * left out, and each finding of the article checked against its own sheet is resolved, with notes.
 */
import { check } from '../check';
import { checkCitations, FactSheetError, validateFactSheet } from '../sheet/factSheet';
import { phraseWords } from '../text/tokens';
import type { FactSheet } from '../types';

type FactKey = 'entities' | 'figures' | 'dates' | 'quotes' | 'settings';

const FACT_KEYS: FactKey[] = ['entities', 'figures', 'dates', 'quotes', 'settings'];

/** A copy with new lists (a new object for the checker's per-sheet cache). */
const copySheet = (s: FactSheet): FactSheet => JSON.parse(JSON.stringify(s)) as FactSheet;

/** The facts the validator or the citation check rejects, by list and index. */
function rejected(sheet: FactSheet, text: string): Map<FactKey, Set<number>> {
  const out = new Map<FactKey, Set<number>>();
  let problems: string[] = [];
  try {
    validateFactSheet(copySheet(sheet));
    problems = checkCitations(sheet, text);
  } catch (e) {
    if (!(e instanceof FactSheetError)) throw e;
    problems = e.problems;
  }
  for (const p of problems) {
    const m = /^\$\.(entities|figures|dates|quotes|settings)\[(\d+)\]/.exec(p);
    if (!m) throw new FactSheetError(`the proposed sheet is malformed: ${p}`, [p]);
    const key = m[1] as FactKey;
    if (!out.has(key)) out.set(key, new Set());
    out.get(key)!.add(Number(m[2]));
  }
  return out;
}

/** Removes entities and everything that refers to them. */
function dropEntities(sheet: FactSheet, gone: Set<string>): void {
  if (!gone.size) return;
  sheet.entities = sheet.entities.filter((e) => !gone.has(e.id));
  for (const f of sheet.figures) if (f.reportedBy && gone.has(f.reportedBy)) delete f.reportedBy;
  sheet.quotes = sheet.quotes.filter((q) => !gone.has(q.speaker));
  sheet.settings = sheet.settings.filter((x) => !gone.has(x.entity));
  for (const x of sheet.settings) {
    if (x.actor && gone.has(x.actor)) delete x.actor;
    if (x.alsoRight) {
      x.alsoRight = x.alsoRight.filter((id) => !gone.has(id));
      if (!x.alsoRight.length) delete x.alsoRight;
    }
  }
}

/**
 * Makes the proposal one the checker loads and that its own article passes: facts the validator
 * or the citation check rejects are left out, and each finding the checker makes on the article
 * itself is resolved (the article is right by definition): a near-miss name it flags is another
 * real name (`otherNames`), a title it finds on another person is no one's alone, and a figure,
 * date, quote or setting it contradicts is left out, with a note. A few rounds settle it.
 */
export function settle(proposed: FactSheet, text: string, markdown: boolean, notes: string[]): FactSheet {
  let sheet = copySheet(proposed);
  // Figures whose reporter was already taken away for disagreeing with the checker's reading.
  const unreported = new Set<string>();
  for (let round = 0; round < 12; round++) {
    const bad = rejected(sheet, text);
    if (bad.size) {
      const gone = new Set([...(bad.get('entities') ?? [])].map((i) => sheet.entities[i].id));
      for (const key of FACT_KEYS) {
        const idx = bad.get(key);
        if (!idx || key === 'entities') continue;
        const list = sheet[key] as { id: string }[];
        for (const i of idx) notes.push(`${key.replace(/s$/, '')} “${list[i].id}” left out: it would not load as proposed`);
        (sheet[key] as { id: string }[]) = list.filter((_, i) => !idx.has(i));
      }
      for (const id of gone) notes.push(`entity “${id}” left out: it would not load as proposed`);
      dropEntities(sheet, gone);
      sheet = copySheet(sheet);
      continue;
    }
    const findings = check(text, sheet, { markdown, reportUnverifiedQuotes: false, cache: false });
    if (!findings.length) return sheet;
    const next = copySheet(sheet);
    const byId = <T extends { id: string }>(list: T[], id: string) => list.find((x) => x.id === id);
    const drop = new Set<string>();
    for (const f of findings) {
      const said = text.slice(f.start, f.end);
      if (f.ruleId === 'name-mismatch') {
        const names = (next.otherNames ??= []);
        if (!names.includes(said)) names.push(said);
      } else if (f.ruleId === 'role-mismatch') {
        const e = byId(next.entities, f.factId);
        if (!e?.roles?.length) continue;
        // The title the article gives someone else: the role that the finding names.
        const role = e.roles.find((r) => f.message.toLowerCase().includes(` as ${r.title.toLowerCase()}`)) ?? e.roles[0];
        e.roles = e.roles.filter((r) => r !== role);
        if (!e.roles.length) delete e.roles;
        if (e.mentions) {
          e.mentions = e.mentions.filter((m) => m.toLowerCase() !== role.title.toLowerCase());
          if (!e.mentions.length) delete e.mentions;
        }
      } else if (f.ruleId === 'number-mismatch' && !unreported.has(f.factId) && byId(next.figures, f.factId)?.reportedBy) {
        // The checker reads another source in the sentence: a figure without a reporter says less, but holds.
        const fig = byId(next.figures, f.factId)!;
        notes.push(`figure “${fig.id}”: reporter “${fig.reportedBy}” left out: the checker reads another source in “${fig.source.slice(0, 80)}”`);
        delete fig.reportedBy;
        unreported.add(f.factId);
      } else drop.add(f.factId);
    }
    // A quote left out goes with every quote of the same words (a repeated headline), or the checker takes the next one.
    const words = (t: string) => phraseWords(t).join(' ');
    const gone = new Set(next.quotes.filter((q) => drop.has(q.id)).map((q) => words(q.text)));
    for (const q of next.quotes) if (gone.has(words(q.text))) drop.add(q.id);
    for (const key of FACT_KEYS) {
      if (key === 'entities') continue;
      const list = next[key] as { id: string }[];
      const kept = list.filter((x) => !drop.has(x.id));
      for (const x of list) if (drop.has(x.id)) notes.push(`${key.replace(/s$/, '')} “${x.id}” left out: the checker reads the article itself as contradicting it`);
      (next[key] as { id: string }[]) = kept;
    }
    dropEntities(next, new Set([...drop].filter((id) => next.entities.some((e) => e.id === id))));
    sheet = next;
  }
  // Still contradicted after every round: leave out whatever the article's own check touches.
  return sheet;
}
