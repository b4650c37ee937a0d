/**
 * Entities: receives the article's cited sentences and proposes its people, organisations,
 * bodies, outlets, channels and places, with their type (from the evidence of every mention),
 * aliases (surnames, acronyms, short forms), mentions ("the union") and roles with qualifiers.
 * Ids are made here, unique across the sheet.
 */
import { firmsReferredBack } from './firms';
import { titlesOfOne } from './titles';
import { standIns } from './standIns';
import { SPEECH } from '../claims/attribution';
import type { EntityType, Role } from '../types';
import { wordClasses } from '../language/lexicon';
import { escapeRegExp } from '../text/tokens';
import { STOP_CAPS, TITLE_HEADS, TITLE_MODIFIERS, ROLE_NOUNS, ORG_WORDS, PUBLIC_BODY_WORDS, JURISDICTION_WORDS, OUTLET_WORDS, PLACE_WORDS, CHANNEL_AFTER, OUTLET_CUES, BODY_HEADS, BODY_MODIFIERS, REPORT_VERBS, MORE_SPEECH, LOCATIVE, nounAfter, DEMONYM_SUFFIX, CALENDAR, bare, isPossessive, lower, isAcronym, initials, lastWord, isVerbOfSaying } from './lexicon';
import { slug, type IdMaker } from './ids';
import { type Src, type NameRun, type Draft, TYPED_EVIDENCE } from './model';
import { CONNECTORS, capRuns, ORG_NOUNS, PLACE_NOUNS, nouns, nounApposition, isSentenceStart, wordsStandingAlone, roleBefore, appositiveRole } from './names';
import { RESEARCHERS, ownerOf } from './speakers';
import { PAST_OFFICE } from '../rules/titles';

export function findEntities(text: string, srcs: Src[], nextId: IdMaker): Draft[] {
  // Every capitalised run, and the words seen capitalised away from a sentence's start.
  const runsBySrc: NameRun[][] = [];
  const midSentence = new Set<string>();
  const lowerSeen = new Set<string>();
  for (const src of srcs) for (const t of src.sentence.tokens) if (/^\p{Ll}/u.test(t.text)) lowerSeen.add(t.norm);
  const common = (w: string) => lowerSeen.has(w);
  for (const src of srcs) {
    const s = src.sentence;
    const body = text.slice(s.start, s.end);
    const runs = capRuns(body, s.start, common).map((words) => ({ src, words }) as NameRun);
    for (const r of runs) for (const w of r.words) if (!isSentenceStart(text, s.start, w.start)) midSentence.add(lower(w.text));
    runsBySrc.push(runs);
  }
  const drafts: Draft[] = [];
  const byKey = new Map<string, Draft>();
  const titleHolders: { title: string; draft: Draft }[] = [];
  let order = 0;
  let standsAlone: Set<string> | undefined;

  const add = (name: string, src: Src, evidence: string[]): Draft => {
    const key = name.toLowerCase();
    let d = byKey.get(key);
    if (!d) {
      d = { entity: { id: '', type: 'place', name, source: src.text }, evidence: new Set(), first: src, order: order++ };
      byKey.set(key, d);
      drafts.push(d);
    }
    // A name first seen in capitals (a dateline's "HALDEN —") is named as the body writes it,
    // and cited there.
    const caps = (n: string) => n === n.toUpperCase() && /\p{Lu}{2}/u.test(n);
    if (caps(d.entity.name) && !caps(name)) {
      d.entity.name = name;
      d.first = src;
      d.entity.source = src.text;
    }
    // Cite the first body sentence that names it (the headline only if nothing else does).
    if (d.first.headline && !src.headline) {
      d.first = src;
      d.entity.source = src.text;
    }
    for (const e of evidence) d.evidence.add(e);
    return d;
  };
  const addMention = (d: Draft, m: string) => {
    const mentions = (d.entity.mentions ??= []);
    if (!mentions.some((x) => x.toLowerCase() === m.toLowerCase())) mentions.push(m);
  };
  // Lower-case nouns the article uses after "the", "its" or "their" ("the union said").
  const theNouns = new Set<string>();
  for (const src of srcs) {
    const toks = src.sentence.tokens;
    for (let i = 1; i < toks.length; i++) if (/^(?:the|its|their)$/.test(toks[i - 1].norm) && /^\p{Ll}/u.test(toks[i].text)) theNouns.add(toks[i].norm);
  }
  const addRole = (d: Draft, role: Role) => {
    const roles = (d.entity.roles ??= []);
    if (!roles.some((r) => r.title.toLowerCase() === role.title.toLowerCase())) roles.push(role);
  };

  /** Whether `word` stands in the article somewhere without `lead` before it ("in Pellham" beside "Tonight Pellham"). */
  const standsWithout = (lead: string, word: string) => new RegExp(`(?<!${escapeRegExp(lead)}[ \\t]+)(?<![\\p{L}\\p{N}])${escapeRegExp(word)}(?![\\p{L}\\p{N}])`, 'u').test(text);
  for (const runs of runsBySrc) {
    for (const run of runs) {
      const { src } = run;
      const toks = src.sentence.tokens;
      let ws = run.words.slice();
      // Sentence-initial function words ("The", "However") are not part of a name; nor is a word
      // commonest as an adverb (wink-lexicon) that opens the sentence, never capitalised inside
      // one, before a name that stands without it elsewhere ("“Tonight Pellham and Ardlow stopped …”"
      // beside "in Pellham"; not "Just Eat", nor the given names "Will Hutton", "Per Lindqvist").
      while (ws.length && STOP_CAPS.has(lower(ws[0].text))) ws = ws.slice(1);
      if (ws.length > 1 && isSentenceStart(text, src.sentence.start, ws[0].start) && !midSentence.has(lower(ws[0].text)) && wordClasses(lower(ws[0].text))[0] === 'r' && standsWithout(ws[0].text, ws[1].text)) ws = ws.slice(1);
      if (!ws.length) continue;
      // "Customers of Brightwater Bank": a common noun that opens the sentence before "of" (never
      // capitalised elsewhere, no word of a name's kind) is no part of the name after it.
      if (ws.length > 1 && isSentenceStart(text, src.sentence.start, ws[0].start) && /^\s+(?:of|for)\s+$/i.test(text.slice(ws[0].end, ws[1].start))) {
        const w0 = lower(ws[0].text);
        if (!midSentence.has(w0) && !isAcronym(ws[0].text) && ![ORG_WORDS, PLACE_WORDS, OUTLET_WORDS, TITLE_HEADS, TITLE_MODIFIERS].some((l) => l.has(w0))) ws = ws.slice(1);
      }
      // A lone sentence-initial word is a name only if it is capitalised elsewhere too.
      if (ws.length === 1 && isSentenceStart(text, src.sentence.start, ws[0].start) && !isAcronym(ws[0].text) && (!midSentence.has(lower(ws[0].text)) || lowerSeen.has(lower(ws[0].text)))) continue;
      // Title before the name: [demonym] [modifiers] head ("Iranian Foreign Minister", "Mayor").
      let k = 0;
      let qualifier: string | undefined;
      if (ws.length > 1 && DEMONYM_SUFFIX.test(lower(ws[0].text)) && (TITLE_MODIFIERS.has(lower(ws[1].text)) || TITLE_HEADS.has(lower(ws[1].text)))) {
        qualifier = ws[0].text;
        k = 1;
      }
      // The head may follow other capitalised words of the title ("Zoo Director", "Harbour Master").
      let head = -1;
      for (let j = k; j < Math.min(ws.length, k + 4); j++) {
        const w = lower(ws[j].text);
        if (CONNECTORS.has(w) || isPossessive(ws[j].text)) break;
        if (TITLE_HEADS.has(w)) {
          head = j;
          // "Chief Fire Officer", "Chief Executive Officer": past modifiers, a later head is the title's.
          for (;;) {
            let n = head + 1;
            while (n < ws.length && n - head <= 2 && TITLE_MODIFIERS.has(lower(ws[n].text)) && !TITLE_HEADS.has(lower(ws[n].text))) n++;
            if (n < ws.length && TITLE_HEADS.has(lower(ws[n].text))) head = n;
            else break;
          }
          break;
        }
      }
      if (head >= 0) {
        const rest = ws.slice(head + 1).map((w) => lower(w.text));
        const allModifiers = ws.slice(k, head).every((w) => TITLE_MODIFIERS.has(lower(w.text)));
        // "General Motors", "Wildlife Trust Director": an organisation or a title alone, not a titled person.
        // (What follows "of" is whose the person is: "Superintendent Owain Prestwich of Tarnshire Police".)
        let own = head + 2;
        while (own < ws.length && !/^\s+of\s+$/i.test(text.slice(ws[own - 1].end, ws[own].start))) own++;
        const restLast = rest[own - head - 2];
        if (restLast && (ORG_WORDS.has(restLast) || PLACE_WORDS.has(restLast) || OUTLET_WORDS.has(restLast))) head = -1;
        else if (!rest.length && !allModifiers) head = -1;
        else if (own < ws.length) {
          // The titled person's name ends there; whose they are is a name of its own, read next.
          runs.push({ src, words: ws.slice(own) } as NameRun);
          ws = ws.slice(0, own);
        }
      }
      let title: string | undefined;
      if (head >= 0) {
        title = ws.slice(k, head + 1).map((w) => w.text).join(' ');
        ws = ws.slice(head + 1);
      } else qualifier = undefined;
      // A trailing acronym of a known title ("… FM") is that title, not part of the name.
      if (ws.length > 1 && isAcronym(ws[ws.length - 1].text) && titleHolders.some((t) => initials(t.title.split(' ')) === ws[ws.length - 1].text)) ws = ws.slice(0, -1);
      if (!ws.length) {
        if (title) run.title = title;
        continue;
      }
      let nameText = text.slice(ws[0].start, ws[ws.length - 1].end);
      // "the TIDELINE trial", "the Ashby study": a named study is the name and its noun.
      const study = ws.length <= 2 && !title ? /^[ \t]+(trial|study|survey|programme|program|project|inquiry|review)\b/.exec(text.slice(ws[ws.length - 1].end, ws[ws.length - 1].end + 12)) : null;
      const lastLower = lower(ws[ws.length - 1].text);
      const namedStudy = !!study && !ORG_WORDS.has(lastLower) && !PLACE_WORDS.has(lastLower) && !OUTLET_WORDS.has(lastLower) && !isPossessive(ws[ws.length - 1].text);
      if (namedStudy) nameText = text.slice(ws[0].start, ws[ws.length - 1].end + study![0].length);
      const name = bare(nameText);
      const lw = ws.map((w) => lower(w.text));
      const last = lw[lw.length - 1];
      const firstTok = src.ctx.tokenAt(ws[0].start);
      const lastTok = src.ctx.tokenAt(ws[ws.length - 1].start);
      const prevWord = toks[firstTok - 1]?.norm;
      const nextWord = toks[lastTok + 1];
      const gapAfter = text.slice(ws[ws.length - 1].end, nextWord?.start ?? ws[ws.length - 1].end);
      const evidence: string[] = [];
      // Demonyms and other adjectives used before a lower-case noun are not names ("Martian rovers").
      if (ws.length === 1 && CALENDAR.has(last)) continue;
      if (ws.length === 1 && DEMONYM_SUFFIX.test(last) && !/^\p{Lu}{2,}$/u.test(ws[0].text) && nounAfter(nextWord, gapAfter) && !title) {
        if (!(standsAlone ??= wordsStandingAlone(runsBySrc)).has(last)) continue;
      }
      if (title) evidence.push('person');
      if (namedStudy) evidence.push('study');
      // "the researchers from the University of Eastholm": the institution whose research the story reports.
      if (firstTok >= 2 && /^(?:from|at|of)$/.test(toks[firstTok - (prevWord === 'the' ? 2 : 1)]?.norm ?? '') && RESEARCHERS.has(toks[firstTok - (prevWord === 'the' ? 3 : 2)]?.norm ?? '')) evidence.push('research');
      // A name used before a noun ("her Ruiz Foundation account") takes no role from the word before it.
      const role = title ?? (nounAfter(nextWord, gapAfter) ? undefined : roleBefore(text, src, firstTok));
      if (role && !title) evidence.push('person');
      const appositive = appositiveRole(text, src, firstTok, lastTok);
      if (appositive) evidence.push('person');
      // The head of "Journal of Medicine", "University of Eastholm": the word before "of".
      const nameWords = name.toLowerCase().split(/\s+/);
      const ofAt = nameWords.indexOf('of');
      const nameHead = ofAt > 0 ? nameWords[ofAt - 1] : last;
      if (ORG_WORDS.has(nameHead) || (lw.length > 1 && ORG_WORDS.has(lw[0]) && lw[0] !== 'united')) evidence.push('organisation');
      if (OUTLET_WORDS.has(nameHead) || (lw.length > 1 && OUTLET_WORDS.has(lw[0]))) evidence.push('outlet');
      if (PLACE_WORDS.has(nameHead) || (lw.length > 1 && PLACE_WORDS.has(lw[0]))) evidence.push('place');
      // "Vermeer & Oost" is a firm; so is a name that goes with an acronym in parentheses, "Kestrel Rail (KR)".
      if (nameWords.includes('&')) evidence.push('organisation');
      // "consumer group Fairlend", "the lender Acme": a common noun for an organisation right before the name.
      if (prevWord && ORG_NOUNS.has(prevWord) && /^\p{Ll}/u.test(toks[firstTok - 1].text) && /^[ \t]+$/.test(text.slice(toks[firstTok - 1].end, ws[0].start))) evidence.push('organisation');
      if (ws.length > 1 && /^\s*\((?:\p{Lu}\.?){2,8}\)/u.test(text.slice(ws[ws.length - 1].end, ws[ws.length - 1].end + 14))) evidence.push('firm');
      const apposed = nounApposition(text, src, firstTok, lastTok);
      if (apposed) evidence.push(`noun:${apposed}`);
      // "Camp Hollis, the army base,": a thing the article defines with "the" after its name.
      if (apposed && new RegExp(`^\\s*(?:\\(\\S+\\)\\s*)?,\\s*the\\s+${escapeRegExp(apposed)}`, 'iu').test(text.slice(ws[ws.length - 1].end, ws[ws.length - 1].end + 80))) evidence.push('defined');
      // "Ilse Marrowind, a senior forecaster at the Kell Weather Bureau": one who is a thing "at" a named body is a person.
      if (apposed && ![PLACE_WORDS, ORG_WORDS].some((l) => l.has(last)) && new RegExp(`^\\s*(?:\\(\\S+\\)\\s*)?,\\s*(?:a|an|the)\\s+${escapeRegExp(apposed)}\\s+at\\s+(?:the\\s+)?\\p{Lu}`, 'u').test(text.slice(ws[ws.length - 1].end, ws[ws.length - 1].end + 120))) evidence.push('person');
      if (nextWord && CHANNEL_AFTER.has(nextWord.norm) && /^\s+$/.test(gapAfter)) evidence.push('channel');
      const before = toks.slice(Math.max(0, firstTok - 3), firstTok).map((t) => t.norm);
      if (before.some((w) => OUTLET_CUES.has(w)) && /^(?:to|with|on|the)$/.test(prevWord ?? '')) evidence.push('outlet-cue');
      else if (before.includes('told') && firstTok > 0 && toks[firstTok - 1].norm === 'told') evidence.push('outlet-cue');
      if (prevWord && LOCATIVE.has(prevWord)) evidence.push('locative');
      if (prevWord === 'against') evidence.push('organisation');
      // "X, which …" and "X said it …" are things; "X, who …" is a person.
      const after1 = toks[lastTok + 1];
      const after2 = toks[lastTok + 2];
      if (after1 && /^\s*,\s*$/.test(gapAfter) && after1.norm === 'which') evidence.push('firm');
      if (after1 && /^\s*,\s*$/.test(gapAfter) && after1.norm === 'who' && ws.length > 1) evidence.push('person');
      // The subject that opens a sentence is who the next one's personal pronoun is ("Ana Ruiz,
      // a former pharmacist, won … . Her majority …"); a firm is "it".
      if (ws.length > 1 && isSentenceStart(text, src.sentence.start, ws[0].start) && /^\s*[“"‘']?(?:she|he|her|his)\b/i.test(text.slice(src.sentence.end, src.sentence.end + 12))) evidence.push('person');
      // So is the personal pronoun right after its verb of saying ("Ida Pennock-Rowe, a
      // retired pharmacist …, said she had learned …").
      if (ws.length > 1 && isSentenceStart(text, src.sentence.start, ws[0].start)) {
        const verb = toks.findIndex((t, k) => k > lastTok && isVerbOfSaying(t.norm));
        const next = verb > 0 ? toks[verb + (toks[verb + 1]?.norm === 'that' ? 2 : 1)] : undefined;
        if (next && /^(?:she|he)$/.test(next.norm)) evidence.push('person');
      }
      if (after1 && after2 && /^\s+$/.test(gapAfter) && isVerbOfSaying(after1.norm) && after2.norm === 'it') evidence.push('firm');
      // (Not a place things are in: "Businesses in Arlen say …".)
      if (after1 && /^[ \t]+$/.test(gapAfter) && isVerbOfSaying(after1.norm) && !(prevWord && LOCATIVE.has(prevWord))) evidence.push('speaks');
      if (prevWord === 'the' || (firstTok >= 2 && toks[firstTok - 1].norm === 'the')) evidence.push('the');
      if (/^\s*,\s*\p{Lu}/u.test(gapAfter) && prevWord && LOCATIVE.has(prevWord)) evidence.push('place');
      const d = add(name, src, evidence);
      d.uses = (d.uses ?? 0) + 1;
      if (namedStudy) {
        const short = text.slice(ws[0].start, ws[ws.length - 1].end);
        const aliases = (d.entity.aliases ??= []);
        if (!aliases.includes(short)) aliases.push(short);
      }
      // "Ana Ruiz, a stroke physician at St Anne's Hospital": where she works.
      if (prevWord === 'at' && firstTok >= 2 && ROLE_NOUNS.has(toks[firstTok - 2].norm)) d.workplaces = (d.workplaces ?? 0) + 1;
      if (role) {
        addRole(d, qualifier ? { title: role, qualifiers: [qualifier] } : { title: role });
        titleHolders.push({ title: role, draft: d });
      }
      if (appositive) {
        addRole(d, { title: appositive });
        titleHolders.push({ title: appositive, draft: d });
      }
      // (A common noun in apposition may be a person's role too, "a senior forecaster at the
      // National Weather Bureau": whose it is counts if the name turns out a person's.)
      for (const r of [role, appositive, apposed]) {
        if (!r) continue;
        const owner = ownerOf(text, src, firstTok, lastTok, r);
        if (!owner) continue;
        // Whoever holds a role of an organisation speaks for it ("a senior forecaster at the
        // National Weather Bureau", "its spokesman"); proposeSpeaksFor keeps only organisations.
        // (Not one who held it: "a former forecaster at …".)
        if (!PAST_OFFICE.has(r.toLowerCase().split(/\s+/)[0])) (d.owners ??= []).push({ phrase: owner, src });
        // "Ruiz's lawyer", "the union's organiser": whose the role is qualifies it (and tells two lawyers apart).
        if (/['’]s?$/.test(owner)) {
          const own = owner.replace(/^The\b/, 'the');
          const forms = [own, own.replace(/’/g, "'"), own.replace(/'/g, '’'), own.replace(/^the /, '')];
          const held = d.entity.roles?.find((x) => x.title.toLowerCase() === r.toLowerCase());
          if (held) for (const f of [...forms, ...forms.map((x) => x.replace(/^the /, ''))]) if (!(held.qualifiers ??= []).includes(f)) held.qualifiers.push(f);
        }
      }
      // "Desmond Okafor, who chairs the Ollerby Patients' Forum,": the one who leads a body speaks for it.
      const leads = /^\s*,\s*who\s+(?:chairs|leads|heads|runs|directs)\s+(?:the\s+)?(\p{Lu}[^,;.]*?)\s*[,;.]/u.exec(text.slice(ws[ws.length - 1].end, ws[ws.length - 1].end + 120));
      if (leads && ws.length > 1) (d.owners ??= []).push({ phrase: leads[1], src });
      // "Long Name (LN)": the acronym in parentheses is an alias.
      const paren = /^\s*\(((?:\p{Lu}\.?){2,8})\)/u.exec(text.slice(ws[ws.length - 1].end, ws[ws.length - 1].end + 14));
      if (paren) (d.entity.aliases ??= []).push(paren[1]);
      // "Town, Country": the second name is a place too.
      run.title = title;
      run.qualifier = qualifier;
    }
  }

  // Bodies: collective nouns that report or speak ("state media said", "according to county records").
  for (const src of srcs) {
    const toks = src.sentence.tokens;
    for (let i = 0; i < toks.length; i++) {
      if (!BODY_HEADS.has(toks[i].norm) || !/^\p{Ll}/u.test(toks[i].text)) continue;
      const speaks = (toks[i + 1] && (REPORT_VERBS.has(toks[i + 1].norm) || SPEECH.has(toks[i + 1].norm) || MORE_SPEECH.has(toks[i + 1].norm))) || (toks[i + 1]?.norm === 'characterized' || toks[i + 1]?.norm === 'characterised');
      let j = i;
      while (j > 0 && j > i - 3 && (BODY_MODIFIERS.has(toks[j - 1].norm) || BODY_HEADS.has(toks[j - 1].norm) || (/^\p{Lu}/u.test(toks[j - 1].text) && DEMONYM_SUFFIX.test(toks[j - 1].norm)))) j--;
      const according = j >= 2 && toks[j - 2].norm === 'according' && toks[j - 1].norm === 'to';
      if (!speaks && !according) continue;
      if (j === i && !according) continue; // a bare "officials said" names no one in particular
      const name = text.slice(toks[j].start, toks[i].end);
      add(name, src, ['body']);
    }
  }

  // "Country FM": a name ending in the initials of a title is the rest of the name, plus that title.
  const titleInitials = new Set(titleHolders.map((t) => t.title.split(/\s+/)).filter((t) => t.length > 1 && t.every((w) => /^\p{Lu}/u.test(w))).map((t) => initials(t).toUpperCase()));
  for (const d of [...drafts]) {
    const parts = d.entity.name.split(/\s+/);
    if (parts.length < 2 || !titleInitials.has(parts[parts.length - 1])) continue;
    drafts.splice(drafts.indexOf(d), 1);
    byKey.delete(d.entity.name.toLowerCase());
    const rest = add(parts.slice(0, -1).join(' '), d.first, []);
    rest.order = Math.min(rest.order, d.order);
  }

  firmsReferredBack(srcs, drafts, text);

  // Types, from the evidence gathered over every mention.
  // A person is named alone by the last word of their name, not the first: a name of two or three
  // words whose first word the article also uses alone ("Greyhaven Ferries" … "Greyhaven had cut")
  // and whose last word it never does is a firm's.
  // (Not a place's name: "Halloran General Hospital" is of the town "in Halloran".)
  const alone = new Set(drafts.filter((d) => !/\s/.test(d.entity.name) && !d.evidence.has('locative') && !d.evidence.has('place')).map((d) => d.entity.name.toLowerCase()));
  const persons: Draft[] = [];
  /** A word of a firm's, place's or outlet's kind ("camp", "base", "holdings"). */
  const placeOrFirm = (w: string) => [ORG_WORDS, PLACE_WORDS, OUTLET_WORDS].some((l) => l.has(w)) || PLACE_NOUNS.has(w) || ORG_NOUNS.has(w);
  for (const d of drafts) {
    const ev = d.evidence;
    const n = d.entity.name.split(/\s+/);
    const typed = TYPED_EVIDENCE.some((x) => ev.has(x));
    if (!typed && n.length >= 2 && n.length <= 3 && alone.has(n[0].toLowerCase()) && !alone.has(n[n.length - 1].toLowerCase())) ev.add('firm');
    // And back: "Oda Marsh" … "Marsh said", a name whose last word the article uses
    // alone and its first never, is a person's, whatever noun stands in apposition ("Its senior
    // forecaster, Oda Marsh,"), unless a word of a firm, place or outlet is one of its
    // words or the noun's ("Camp Hollis, the army base": camp).
    const final = n[n.length - 1].toLowerCase();
    if (!typed && !ev.has('organisation') && !ev.has('firm') && n.length >= 2 && n.length <= 3 && alone.has(final) && !alone.has(n[0].toLowerCase()) && !placeOrFirm(final) && !placeOrFirm(n[0].toLowerCase()) && !nouns(ev).some((x) => placeOrFirm(lastWord(x))) && !ev.has('defined')) ev.add('person');
    let type: EntityType;
    // A named study reports its findings as a body does ("the TIDELINE trial found").
    if (ev.has('body') || ev.has('study')) type = 'body';
    else if (ev.has('channel')) type = 'channel';
    else if (ev.has('person') && !ev.has('organisation') && !ev.has('place')) type = 'person';
    else if (ev.has('outlet') && !ev.has('organisation')) type = 'outlet';
    else if (ev.has('organisation')) type = PUBLIC_BODY_WORDS.has(n[n.length - 1].toLowerCase()) ? 'body' : 'organisation';
    else if (ev.has('firm') && !ev.has('person')) type = 'organisation';
    else if (nouns(ev).some((x) => PLACE_NOUNS.has(lastWord(x)))) type = 'place';
    // (A noun in apposition that names no organisation leaves a name of a place's kind a place: "Old Quarry Road, the only direct route".)
    else if (nouns(ev).length && !ev.has('person') && !(ev.has('place') && !nouns(ev).some((x) => ORG_NOUNS.has(lastWord(x))))) type = 'organisation';
    else if (ev.has('place')) type = 'place';
    else if (ev.has('outlet-cue')) type = 'outlet';
    else if (ev.has('locative')) type = 'place';
    else if (n.length > 1 && ev.has('the')) type = 'organisation';
    else if (n.length > 1 && n.length <= 3 && !isAcronym(n[0])) type = 'person';
    else type = 'place';
    // An institution the article names only as where someone works is, to a draft, where they are
    // ("a physician at St Anne's Hospital"): a place, so that it is never read as the speaker.
    if (type === 'organisation' && d.uses && d.workplaces === d.uses && !nouns(ev).length && !ev.has('firm')) type = 'place';
    d.entity.type = type;
    if (type === 'person') persons.push(d);
    // "the regional operator", "the liquidator": what the article calls an organisation is how drafts name it.
    if (type === 'organisation' || type === 'body') for (const x of nouns(ev)) addMention(d, x), addMention(d, lastWord(x));
    // "Its senior forecaster, Oda Marsh,": a person's noun in apposition is their role.
    if (type === 'person') for (const x of nouns(ev)) addRole(d, { title: x }), addMention(d, x);
  }
  // "the researchers", "the authors": the one institution whose researchers the article names.
  const research = drafts.filter((d) => d.evidence.has('research') && d.entity.type === 'organisation');
  if (research.length === 1) for (const m of ['researchers', 'the researchers', 'authors', 'the authors', 'scientists', 'study authors']) addMention(research[0], m);
  // "the union", "the court": the head word of one organisation's name, used as a common noun in the article.
  const heads = new Map<string, Draft[]>();
  for (const d of drafts) {
    if (d.entity.type !== 'organisation' && d.entity.type !== 'body') continue;
    const lw = d.entity.name.toLowerCase().split(/\s+/);
    const ofAt = lw.indexOf('of');
    const head = ofAt > 0 ? lw[ofAt - 1] : lw[lw.length - 1];
    if (lw.length < 2 || !(ORG_WORDS.has(head) || PUBLIC_BODY_WORDS.has(head))) continue;
    heads.set(head, [...(heads.get(head) ?? []), d]);
  }
  for (const [head, ds] of heads) if (ds.length === 1 && theNouns.has(head)) addMention(ds[0], head);
  for (const [d, m] of standIns(srcs, drafts, text)) addMention(d, m);
  // "Northbrook City Council": the body serves a place, named by the words before "City".
  for (const d of [...drafts]) {
    if (d.entity.type !== 'organisation' && d.entity.type !== 'body') continue;
    const parts = d.entity.name.split(/\s+/);
    const i = parts.findIndex((w, k) => k > 0 && k < parts.length - 1 && /^\p{Lu}/u.test(w) && JURISDICTION_WORDS.has(w.toLowerCase()));
    if (i < 0 || !parts.slice(0, i).every((w) => /^\p{Lu}/u.test(w))) continue;
    const place = add(parts.slice(0, i).join(' '), d.first, ['jurisdiction']);
    place.entity.type = 'place';
    if (place.order > d.order) place.order = d.order + 0.5;
  }
  // A place whose adjective the article uses ("Mars" and "Martian") is a place whatever else.
  const capsSeen = new Set<string>();
  for (const src of srcs) for (const t of src.sentence.tokens) if (/^\p{Lu}/u.test(t.text)) capsSeen.add(t.norm);
  for (const d of drafts) {
    const w = d.entity.name.toLowerCase();
    if (d.entity.type === 'person' || /\s/.test(w)) continue;
    const stem = w.replace(/[aeiouy]$/, '');
    if (['ian', 'ean', 'ese', 'an', 'i', 'ish'].some((suf) => capsSeen.has(w + suf) || capsSeen.has(stem + suf))) d.entity.type = 'place';
  }

  // Single words that are part of a longer name become its alias ("Ruiz" of "Ana Ruiz"), not entities.
  const multi = drafts.filter((d) => /\s/.test(d.entity.name));
  const merged = new Set<Draft>();
  for (const d of drafts) {
    const name = d.entity.name;
    if (/\s/.test(name) || d.evidence.has('jurisdiction')) continue;
    const key = name.toLowerCase();
    let owner: Draft | undefined;
    if (isAcronym(name)) {
      const letters = name.replace(/\./g, '');
      owner = multi.find((m) => {
        const caps = m.entity.name.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w));
        return caps.length === letters.length && initials(caps) === letters;
      });
      owner ??= drafts.find((m) => m !== d && m.entity.aliases?.some((a) => a.replace(/\./g, '') === letters));
    }
    owner ??= multi.find((m) => m.entity.type === 'person' && m.entity.name.toLowerCase().split(/\s+/).pop() === key);
    // Of the names that contain the word, one it heads ("United" of "Ruiz United") before one it qualifies;
    // a word the article also uses as a common noun ("agency") stands for no name.
    if (!lowerSeen.has(key)) {
      const others = multi.filter((m) => m.entity.type !== 'person' && m.entity.type !== 'body' && m.entity.name.toLowerCase().split(/\s+/).includes(key));
      owner ??= others.find((m) => m.entity.name.toLowerCase().split(/\s+/).pop() === key) ?? others[0];
    }
    if (!owner || owner === d) continue;
    // "in Leeds" names a place of its own, not a part of "Radio Leeds" — unless the word is shown
    // speaking and heads a firm's name of it and one word of a firm's kind ("Carrock said 410
    // people worked at the plant", of Carrock Holdings, beside "Shares in Carrock").
    const ownerWords = owner.entity.name.toLowerCase().split(/\s+/);
    const firmOf = d.evidence.has('speaks') && owner.entity.type === 'organisation' && ownerWords.length === 2 && ownerWords[0] === key && ORG_WORDS.has(ownerWords[1]);
    if (d.entity.type === 'place' && d.evidence.has('locative') && owner.entity.type !== 'place' && !firmOf) continue;
    const aliases = (owner.entity.aliases ??= []);
    if (!aliases.includes(name)) aliases.push(name);
    for (const r of d.entity.roles ?? []) addRole(owner, r);
    merged.add(d);
  }
  // "the fire service said": a body whose words all stand, in order, in the name of one
  // organisation ("Altavera Fire and Rescue Service") is that organisation, named in common nouns.
  for (const d of drafts) {
    if (merged.has(d) || d.entity.type !== 'body' || /\p{Lu}/u.test(d.entity.name)) continue;
    const words = d.entity.name.toLowerCase().split(/\s+/);
    const within = (name: string) => {
      const ws = name.toLowerCase().split(/\s+/);
      let k = 0;
      for (const w of ws) if (w === words[k]) k++;
      return k === words.length;
    };
    const owners = drafts.filter((o) => o !== d && !merged.has(o) && (o.entity.type === 'organisation' || o.entity.type === 'body') && /\p{Lu}/u.test(o.entity.name) && within(o.entity.name));
    if (owners.length !== 1) continue;
    addMention(owners[0], d.entity.name);
    merged.add(d);
  }
  // "Northgate Journal of Medicine" is also "Northgate Journal": the words before "of", when two or more.
  for (const d of drafts) {
    if (merged.has(d) || d.entity.type === 'person') continue;
    const parts = d.entity.name.split(/\s+/);
    const of = parts.indexOf('of');
    if (of < 2 || !/^\p{Lu}/u.test(parts[0])) continue;
    const short = parts.slice(0, of).join(' ');
    if (drafts.some((o) => o !== d && o.entity.name.toLowerCase() === short.toLowerCase())) continue;
    const aliases = (d.entity.aliases ??= []);
    if (!aliases.includes(short)) aliases.push(short);
  }
  // "St Anne's Hospital" is also "St Anne's" (either apostrophe), unless that names something else too.
  for (const d of drafts) {
    if (merged.has(d) || d.entity.type === 'person') continue;
    const m = /^(.+?)['’]s\s+\S/u.exec(d.entity.name);
    if (!m) continue;
    const prefix = m[1];
    const clash = drafts.some((o) => o !== d && !merged.has(o) && o.entity.name.toLowerCase().split(/\s+/).some((w) => prefix.toLowerCase().split(/\s+/).includes(w)));
    if (clash) continue;
    const aliases = (d.entity.aliases ??= []);
    for (const a of [`${prefix}'s`, `${prefix}’s`]) if (!aliases.includes(a)) aliases.push(a);
  }
  // A person's surname alone is an alias even when it only ever appears with the full name.
  for (const p of persons) {
    const parts = p.entity.name.split(/\s+/);
    if (parts.length > 1) {
      const aliases = (p.entity.aliases ??= []);
      const sur = parts[parts.length - 1];
      if (!aliases.includes(sur)) aliases.unshift(sur);
    }
  }
  titlesOfOne(titleHolders, merged, multi, srcs, text);

  const out = drafts.filter((d) => !merged.has(d)).sort((a, b) => a.order - b.order);
  for (const d of out) {
    const e = d.entity;
    const parts = e.name.split(/\s+/);
    e.id = nextId(slug(e.type === 'person' && parts.length > 1 ? parts[parts.length - 1] : e.name, 4));
    if (e.aliases && !e.aliases.length) delete e.aliases;
    if (e.mentions && !e.mentions.length) delete e.mentions;
  }
  return out;
}
