/**
 * Settings: receives the cited sentences and the drafted entities, and proposes where things
 * happened ("talks in Town", "a court in Town"), where a person works ("a physician at St Anne's
 * Hospital"), and the outlet or channel someone spoke to, posted on or was published in.
 */
import { compile } from '../sheet/compile';
import type { Setting } from '../types';
import { words, ROLE_NOUNS, OUTLET_CUES, PUBLISH_CUES, isVerbOfSaying } from './lexicon';
import { slug, type IdMaker } from './ids';
import type { Src, Draft } from './model';

/** Events that happen somewhere ("talks in …", "a fire at …"). */
const EVENTS = words(`talks meeting meetings summit negotiations vote voting fire blaze explosion crash attack protest protests rally match
  game debut conference hearing hearings trial election ceremony session concert launch visit strike festival inquiry court
  courthouse offices office headquarters founded based headquartered study sentenced opened`);

export function findSettings(text: string, srcs: Src[], entities: Draft[], nextId: IdMaker): Setting[] {
  const out: Setting[] = [];
  const byId = new Map(entities.map((d) => [d.entity.id, d.entity]));
  const sheet = compile({ story: { id: 'x', title: 'x', article: 'x' }, entities: entities.map((d) => d.entity), figures: [], dates: [], quotes: [], settings: [] });
  const seen = new Set<string>();
  for (const src of srcs) {
    if (src.headline) continue;
    const toks = src.sentence.tokens;
    const ms = src.ctx.mentions(sheet);
    const actor = ms.find((mm) => byId.get(mm.id)?.type === 'person')?.id;
    const gap = (a: number, b: number) => text.slice(toks[a].end, toks[b].start);
    /** Places joined to the mention by "and" or a comma ("in Town and City", "in Town, Country"). */
    const joined = (mm: { at: number; len: number }) =>
      ms.filter((o) => o.at === mm.at + mm.len + 1 && toks[mm.at + mm.len]?.norm === 'and' && byId.get(o.id)?.type === 'place').map((o) => o.id)
        .concat(ms.filter((o) => o.at === mm.at + mm.len && byId.get(o.id)?.type === 'place' && /^\s*,\s*$/.test(gap(mm.at + mm.len - 1, o.at))).map((o) => o.id));
    // Where something happened: "talks in Town", "a court in Town", "offices in Town and City", merged per place and sentence.
    const places = new Map<string, Setting>();
    for (const mm of ms) {
      const e = byId.get(mm.id)!;
      const prep = toks[mm.at - 1]?.norm === 'the' ? toks[mm.at - 2] : toks[mm.at - 1];
      if (e.type !== 'place' || !prep || (prep.norm !== 'in' && prep.norm !== 'at')) continue;
      const pi = toks.indexOf(prep);
      // "…, said the fire officer, at a briefing in Town": a place after a noun phrase that a
      // preposition of place governs, in a sentence of saying, locates where it was said, not an
      // event before it ("A fire broke out at a warehouse in Town" is the fire's).
      let head = pi - 1;
      while (head > 0 && pi - head < 3 && !/^(?:a|an|the|this|that|its|their|his|her)$/.test(toks[head - 1].norm)) head--;
      const said = toks.slice(0, Math.max(0, head - 2)).some((t) => isVerbOfSaying(t.norm));
      if (said && head > 1 && /^(?:a|an|the|this|that|its|their|his|her)$/.test(toks[head - 1].norm) && /^(?:at|in|on|near|inside|outside)$/.test(toks[head - 2].norm) && !EVENTS.has(toks[pi - 1].norm)) continue;
      const triggers: string[] = [];
      for (let i = pi - 1; i >= Math.max(0, pi - 12) && triggers.length < 3; i--) {
        if (!src.ctx.sameClause(i, pi) && triggers.length) break;
        if (EVENTS.has(toks[i].norm) && !triggers.includes(toks[i].norm)) triggers.push(toks[i].norm);
      }
      if (!triggers.length) continue;
      // "A court in Town on Friday sentenced …": the verb of the clause the place's phrase opens
      // happened there too (a time phrase may stand between; punctuation ends the clause's reach).
      for (let i = mm.at + mm.len; i < Math.min(toks.length, mm.at + mm.len + 5) && triggers.length < 4; i++) {
        if (/[^\s]/.test(gap(i - 1, i)) || !src.ctx.sameClause(pi, i)) break;
        if (EVENTS.has(toks[i].norm) && !triggers.includes(toks[i].norm)) triggers.push(toks[i].norm);
      }
      const also = joined(mm).filter((id) => id !== e.id);
      const had = places.get(e.id);
      if (had) {
        for (const t of triggers) if (!had.triggers.includes(t)) had.triggers.push(t);
        if (!had.prepositions.includes(prep.norm)) had.prepositions.push(prep.norm);
        if (also.length) had.alsoRight = [...new Set([...(had.alsoRight ?? []), ...also])];
        continue;
      }
      const s: Setting = {
        id: nextId(`${triggers[0]}-${e.id}`),
        entity: e.id,
        ...(also.length ? { alsoRight: also } : {}),
        triggers,
        prepositions: [prep.norm],
        what: `where the ${triggers[0]} took place`,
        source: src.text,
      };
      places.set(e.id, s);
      seen.add(`${e.id}|${src.index}`);
      out.push(s);
    }
    for (const mm of ms) {
      const e = byId.get(mm.id)!;
      const key = `${e.id}|${src.index}`;
      if (seen.has(key)) continue;
      const prep = toks[mm.at - 1]?.norm === 'the' ? toks[mm.at - 2] : toks[mm.at - 1];
      // Where someone works: "Ana Ruiz, a stroke physician at St Anne's Hospital".
      if ((e.type === 'place' || e.type === 'organisation') && prep?.norm === 'at') {
        const pi = toks.indexOf(prep);
        let r = pi - 1;
        if (r >= 0 && ROLE_NOUNS.has(toks[r].norm)) {
          let det = r - 1;
          while (det > 0 && r - det < 3 && !/^(?:a|an|the)$/.test(toks[det].norm) && /^\p{Ll}/u.test(toks[det].text)) det--;
          const person = ms.find((o) => byId.get(o.id)?.type === 'person' && o.at + o.len === det && /^\s*,\s*$/.test(gap(det - 1, det)));
          if (person && /^(?:a|an|the)$/.test(toks[det].norm)) {
            const role = toks.slice(det + 1, r + 1).map((t) => t.text).join(' ');
            seen.add(key);
            out.push({
              id: nextId(`${slug(toks[r].text, 1)}-${e.id}`),
              entity: e.id,
              triggers: [...new Set([toks[r].norm, role.toLowerCase(), 'works'])],
              prepositions: ['at', 'of', 'from'],
              actor: person.id,
              what: `where ${byId.get(person.id)!.name} works`,
              source: src.text,
            });
            continue;
          }
        }
      }
      if (e.type === 'outlet' || e.type === 'channel') {
        const cue = toks.slice(Math.max(0, mm.at - 4), mm.at).find((t) => OUTLET_CUES.has(t.norm)) ?? toks.slice(Math.max(0, mm.at - 6), mm.at).find((t) => PUBLISH_CUES.has(t.norm));
        if (e.type === 'outlet' && !cue) continue;
        seen.add(key);
        const published = !!cue && PUBLISH_CUES.has(cue.norm);
        const triggers = e.type === 'channel' ? ['posted', 'post', 'wrote', 'channel', 'account'] : published ? [cue!.norm, 'published', 'publication', 'appeared'] : [cue!.norm, 'interview', 'told', 'spoke'];
        out.push({
          id: nextId(`${e.type === 'channel' ? 'post' : published ? 'published' : 'interview'}-${e.id}`),
          entity: e.id,
          triggers: [...new Set(triggers)],
          prepositions: e.type === 'outlet' ? (published ? ['in', 'by'] : ['to', 'with', 'on']) : ['on', 'in', 'to'],
          ...(actor && !published ? { actor } : {}),
          what: e.type === 'channel' ? `the channel ${actor ? byId.get(actor)!.name : 'the speaker'} posted on` : published ? `where it was published` : `the outlet ${actor ? byId.get(actor)!.name : 'the speaker'} spoke to`,
          source: src.text,
        });
      }
    }
  }
  // An event the article places in two places ("the fire … in Morvedra", "the fire … in Altavera")
  // tells no draft where it was: that trigger is dropped from both, and a setting left with none.
  const placed = out.filter((x) => x.what.startsWith('where the '));
  const placesOf = new Map<string, Set<string>>();
  for (const x of placed) for (const t of x.triggers) placesOf.set(t, new Set([...(placesOf.get(t) ?? []), x.entity]));
  for (const x of placed) x.triggers = x.triggers.filter((t) => placesOf.get(t)!.size === 1);
  return out.filter((x) => x.triggers.length);
}
