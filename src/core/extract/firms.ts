/**
 * Firms an article names by a common noun: receives the cited sentences and the drafted entities
 * (before their types are settled) and marks the name "the firm's …" refers back to.
 */
import { ORG_NOUNS } from './names';
import { type Draft, type Src, TYPED_EVIDENCE } from './model';

/**
 * "The firm's research director, …": an organisation's common noun in a possessive refers back
 * to the last name before it (in this sentence or the two before) with no sign of a person or a
 * place, standing where a firm does: that name gets the evidence of a firm, and the sentence that
 * calls it so is kept (`calledIn`), for whom the role speaks (proposeSpeaksFor).
 */
export function firmsReferredBack(srcs: readonly Src[], drafts: readonly Draft[], text: string): void {
  for (const src of srcs) {
    const toks = src.sentence.tokens;
    const at = toks.findIndex((t, i) => i > 0 && toks[i - 1].norm === 'the' && /^\p{Ll}+['’]s?$/u.test(t.text) && ORG_NOUNS.has(t.norm));
    if (at < 0) continue;
    const before = [srcs[src.index - 2], srcs[src.index - 1]].filter((x): x is Src => !!x).map((x) => x.text).join(' ') + ' ' + text.slice(src.sentence.start, toks[at].start);
    let last: { d: Draft; at: number } | undefined;
    for (const d of drafts) {
      if (!/\s/.test(d.entity.name) || TYPED_EVIDENCE.some((x) => d.evidence.has(x))) continue;
      // Where it stands as a thing's maker or owner, or as "the X" ("the final poll by Tarrow
      // Insight"), not as a person may ("Tamsin Greer took over"); not where it owns something
      // itself ("to the Civic League's 34%").
      const fits = (k: number) => !/^['’]s?\b/.test(before.slice(k + d.entity.name.length)) && (/\b(?:by|from|of|at|for|with|against|the)\s+$/i.test(before.slice(0, k)) || /^,\s*which\b/.test(before.slice(k + d.entity.name.length)));
      let k = before.lastIndexOf(d.entity.name);
      while (k >= 0 && !fits(k)) k = k > 0 ? before.lastIndexOf(d.entity.name, k - 1) : -1;
      if (k >= 0 && (!last || k > last.at)) last = { d, at: k };
    }
    if (!last) continue;
    last.d.evidence.add('firm');
    (last.d.calledIn ??= []).push({ noun: toks[at].norm, src });
  }
}
