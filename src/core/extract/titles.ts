/**
 * Titles as names: receives the titles the article gives its people, and makes the title one
 * person alone holds a mention of theirs ("the foreign minister said").
 */
import { initials, lastWord } from './lexicon';
import type { Draft, Src } from './model';

/**
 * A title held by one person alone identifies them ("the foreign minister said"): it becomes a
 * mention of theirs (with its plural, where they lead people of that title, and its initials,
 * where the article writes them); a title several people hold is no one's alone, and without a
 * qualifier no role.
 */
export function titlesOfOne(titleHolders: readonly { title: string; draft: Draft }[], merged: ReadonlySet<Draft>, multi: readonly Draft[], srcs: readonly Src[], text: string): void {
  const holders = new Map<string, Set<Draft>>();
  for (const t of titleHolders) {
    const owner = merged.has(t.draft) ? multi.find((m) => m.entity.aliases?.includes(t.draft.entity.name)) : t.draft;
    if (!owner) continue;
    const k = t.title.toLowerCase();
    if (!holders.has(k)) holders.set(k, new Set());
    holders.get(k)!.add(owner);
  }
  for (const [title, set] of holders) {
    if (set.size !== 1) {
      // A title several people hold ("Professor") is no one's alone: without a qualifier it is no role.
      for (const d of set) {
        d.entity.roles = d.entity.roles?.filter((r) => r.title.toLowerCase() !== title || r.qualifiers?.length);
        for (const r of d.entity.roles ?? []) if (r.title.toLowerCase() === title) r.requireQualifier = true;
        if (!d.entity.roles?.length) delete d.entity.roles;
      }
      continue;
    }
    const d = [...set][0];
    const mentions = (d.entity.mentions ??= []);
    if (!mentions.includes(title)) mentions.push(title);
    // "Chief prosecutor Ana Ruiz" … "Prosecutors had asked for …": the one who leads them speaks for them.
    const plural = `${lastWord(title)}s`;
    if (!/\s/.test(title) && new RegExp(`\\b(?:chief|lead|head|senior)\\s+${title}\\b`, 'i').test(text) && srcs.some((x) => x.sentence.tokens.some((t, i) => t.norm === plural && !(i > 0 && /^\p{Lu}/u.test(x.sentence.tokens[i - 1].text))))) {
      if (!mentions.includes(plural)) mentions.push(plural);
    }
    // "Foreign Minister" is also written "FM", where the article does so.
    const role = d.entity.roles?.find((r) => r.title.toLowerCase() === title);
    const ws = (role?.title ?? title).split(/\s+/);
    const acro = initials(ws).toUpperCase();
    if (ws.length > 1 && ws.every((w) => /^\p{Lu}/u.test(w)) && srcs.some((s) => s.sentence.tokens.some((t) => t.text === acro))) {
      if (role && !d.entity.roles!.some((r) => r.title === acro)) d.entity.roles!.push({ ...role, title: acro });
    }
  }
}
