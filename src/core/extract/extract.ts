/**
 * Proposes a fact sheet from a reference article: every figure with what it counts and who
 * reported it, every named person, organisation, body, outlet, channel and place with the roles
 * the text gives them, every quoted phrase with its speaker, date phrases, and where events
 * happened. Each fact cites its source sentence verbatim. The proposal is a draft for an editor
 * to review and trim; nothing in it is verified until a person saves it.
 *
 * The rules are general (capitalisation, titles, appositives, prepositions, speech verbs): the
 * examples in comments are made up.
 */
import { check } from '../check';
import { compile, type CompiledSheet } from '../sheet/compile';
import { checkCitations, FactSheetError, validateFactSheet } from '../sheet/factSheet';
import { SentenceContext } from '../claims/context';
import { findMentions, isRangeEnd, type Mention } from '../mentions/numbers';
import { attribute, SPEECH } from '../claims/attribution';
import { findQuotes } from '../mentions/quotes';
import { speakersByFirstWord } from '../rules/quoteIndex';
import { maskText } from '../text/mask';
import { phraseWords } from '../text/tokens';
import { splitSentences, type Sentence } from '../text/sentences';
import type { DateFact, Entity, EntityType, FactSheet, Figure, Qualifier, Quote, Role, Setting } from '../types';

/** Options of {@link extractFactSheet}. */
export interface ExtractOptions {
  /** `story.article` of the sheet: the article's path relative to where the sheet will be saved. */
  articlePath: string;
  /** `story.id`; default: made from the title. */
  storyId?: string;
  /** `story.title`; default: the article's first line. */
  title?: string;
  /** Treat the article as Markdown (default false: plain text). */
  markdown?: boolean;
}

/** A proposed sheet, and notes on what could not be proposed (e.g. a quote with no speaker). */
export interface Extraction {
  sheet: FactSheet;
  notes: string[];
}

// ---------------------------------------------------------------------------
// Vocabulary: general English news words, never names of a story.
// ---------------------------------------------------------------------------

const words = (s: string) => new Set(s.split(/\s+/).filter(Boolean));

/** Capitalised words that start sentences but name nothing. */
const STOP_CAPS = words(`a an the this that these those there here it its he she they we i you his her their our my your
  in on at by for from with without into onto over under after before during since until while when where whereas as if
  but and or nor so yet though although however despite meanwhile moreover furthermore also still then thus instead
  according speaking asked contradicting simultaneously overall nonetheless nevertheless today yesterday tomorrow
  some many most several few all both each every no not none one two three mr ms mrs`);

/** Head words of titles ("Foreign Minister", "Fire Chief", "President"). */
const TITLE_HEADS = words(`president minister mayor governor senator secretary chancellor councillor councilor chief director
  commissioner chairman chairwoman chair chairperson spokesman spokeswoman spokesperson judge justice general colonel captain
  coach manager sheriff inspector superintendent professor dr mr mrs ms sir dame lord lady king queen prince princess pope
  bishop rabbi imam ambassador envoy prosecutor attorney representative rep sen gov premier officer executive speaker leader
  sergeant lieutenant admiral marshal commander treasurer auditor clerk trustee editor ceo cfo founder owner`);

/** Words that may stand inside a title before its head ("Foreign", "Deputy", "Fire"). */
const TITLE_MODIFIERS = words(`foreign finance defence defense prime deputy vice interior health education fire police chief
  executive home trade energy environment labour labor culture transport economy agriculture sports assistant acting former
  first supreme head senior general managing regional attorney press communications state associate interim district
  county city national lord grand high`);

/** Lower-case role nouns that may stand before a name ("envoy Ana Ruiz", "striker Ana Ruiz"). */
const ROLE_NOUNS = words(`envoy son-in-law daughter-in-law father-in-law brother-in-law sister-in-law wife husband son daughter
  brother sister mother father widow manager striker midfielder defender goalkeeper forward winger player coach captain
  spokesman spokeswoman spokesperson director executive chair chairman chairwoman minister secretary president mayor adviser
  advisor lawyer attorney chief owner founder analyst economist investor professor officer official leader editor
  correspondent reporter author researcher scientist doctor nurse teacher pilot driver councillor councilor senator governor
  ambassador negotiator deputy treasurer prosecutor judge candidate activist campaigner singer actor artist architect engineer
  investigator inspector commissioner superintendent cofounder co-founder chairperson head resident witness survivor
  organiser organizer physician surgeon cardiologist epidemiologist psychologist psychiatrist consultant specialist expert
  academic historian lecturer economist strategist accountant banker trader broker entrepreneur developer designer
  photographer journalist columnist presenter host producer director-general secretary-general general-secretary
  solicitor barrister magistrate detective constable sergeant firefighter paramedic farmer fisherman miner worker
  pensioner student parent spokesman`);

/** Last words that make a name an organisation. */
const ORG_WORDS = words(`agency association council ministry department committee commission party union bank company corporation
  corp inc ltd llc plc group holdings trust foundation institute university college school court service authority board
  office bureau fund club fc afc united rovers athletic wanderers rangers albion society federation league organisation
  organization network coalition alliance assembly parliament congress senate army navy police forces guard chemicals
  industries airlines airways motors systems technologies labs laboratories partners capital energy pharmaceuticals foods
  brands media railways railway railroad rail transit buses pharma pharmaceutical biotech therapeutics insurance investments
  securities ventures solutions software telecom electric power utilities mining oil gas steel construction logistics
  shipping studios publishing hotels resorts stores supermarkets brewery co llp grid networks`);

/** Last words that make an organisation a public body ("City Council", "Supreme Court"). */
const PUBLIC_BODY_WORDS = words('council parliament assembly senate congress ministry department court police government cabinet legislature board commission tribunal inspectorate regulator');
/** Place words that, inside a body's name, follow the place it serves ("Ashford City Council"). */
const JURISDICTION_WORDS = words('city county town borough state province district region municipality');

/** Words that make a name an outlet. */
const OUTLET_WORDS = words(`news times post courier herald gazette journal tribune telegraph chronicle observer standard mirror
  express radio tv television broadcasting broadcaster magazine daily weekly review press wire fm`);

/** Words that make a name a place. */
const PLACE_WORDS = words(`street road lane avenue square park bridge airport station stadium arena port bay river lake mount
  mountains island islands city county province state states republic kingdom valley harbour harbor east west north south
  gulf sea ocean hospital district region territory peninsula coast heights hills village town borough junction depot
  terminal quay pier wharf plaza mall market crescent close drive way row place gardens green common estate`);

/** Lower-case words after a name that make it a channel ("her Telegram channel"). */
const CHANNEL_AFTER = words('channel account feed page profile handle');

/** Words before an outlet's name ("told", "an interview with", "speaking to", "an appearance on"). */
const OUTLET_CUES = words('told appearance appeared interview interviewed speaking spoke speaks broadcast aired tells telling published publishes publication');
/** Outlet cues that say where something was published, not who spoke to it. */
const PUBLISH_CUES = words('published publishes publication');

/** Collective nouns that report or speak as a body ("state media", "the authorities"). */
const BODY_HEADS = words('authorities officials police government media service records figures data statistics prosecutors investigators regulators inspectors ministry');
/** Words that may qualify a body ("county health service", "state media"). */
const BODY_MODIFIERS = words('state federal local county city regional national provincial municipal fire official government league public');

/** Verbs by which a subject reports a figure or a statement. */
const REPORT_VERBS = words(`said says say reported reports report acknowledged acknowledges announced announces estimated estimates
  counted counts recorded records documented documents confirmed confirms published publishes verified found finds showed shows
  put puts listed lists logged claimed claims stated states`);
/** Further verbs of speech, beyond the checker's. */
const MORE_SPEECH = words('emphasized emphasised stressed explained announced acknowledged warned urged asked replied answered admitted conceded suggested');

/** Events that happen somewhere ("talks in …", "a fire at …"). */
const EVENTS = words(`talks meeting meetings summit negotiations vote voting fire blaze explosion crash attack protest protests rally match
  game debut conference hearing hearings trial election ceremony session concert launch visit strike festival inquiry court
  courthouse offices office headquarters founded based headquartered study sentenced opened`);

const LOCATIVE = words('in at near outside inside across');
/** Words after a capitalised word that show it is a noun, not an adjective before one ("Ruiz is", "Ruiz and"). */
const NOT_NOUN = words(`is are was were has have had will would could should can may might must did does do and or but nor of to
  in on at by for from with as than that which who whom whose while when where because if after before since until said says`);
/** Whether token `t` after a capitalised word reads as the noun it qualifies ("Martian rovers", "official Ruiz channel"). */
const nounAfter = (t: { text: string; norm: string } | undefined, gap: string) =>
  !!t && /^\p{Ll}/u.test(t.text) && /^[ \t]+$/.test(gap) && !NOT_NOUN.has(t.norm) && !SPEECH.has(t.norm) && !REPORT_VERBS.has(t.norm) && !/ed$/.test(t.norm);
const DEMONYM_SUFFIX = /(?:ian|ean|ese|ish|an|i)$/;

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
const WEEKDAYS = 'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday';
const CALENDAR = new Set(`${MONTHS}|${WEEKDAYS}`.toLowerCase().split('|'));
const DAY = '\\d{1,2}(?:st|nd|rd|th)?';
/** Dates: a weekday, a day and month (or a range of days: "14 to 16 March"), a month and year, a year range, "last year". */
const DATE_RE = new RegExp(
  [
    `(?:(?:by|until|before|since) )?(?:(?:early|late|mid)[ -](?:on )?)?(?:${WEEKDAYS})(?: (?:morning|afternoon|evening|night))?`,
    `${DAY}(?: ?(?:-|–|to|and|until) ?${DAY})? (?:${MONTHS})(?: \\d{4})?`,
    `(?:${MONTHS}) ${DAY}(?: ?(?:-|–|to|and|until) ?${DAY})?(?:,? \\d{4})?`,
    `(?:(?:early|late|mid)[ -])?(?:${MONTHS})(?: \\d{4})?`,
    `between (?:1[89]|20)\\d\\d and (?:1[89]|20)\\d\\d`,
    `(?:last|next|this|the past|the previous|earlier this|later this) (?:year|month|week|weekend|season|spring|summer|autumn|fall|winter|decade)`,
  ].map((p) => `(?:${p})(?![A-Za-z0-9])`).join('|'),
  'g',
);

const CURRENCIES: Record<string, string> = {
  $: 'USD', US$: 'USD', A$: 'AUD', C$: 'CAD', NZ$: 'NZD', HK$: 'HKD', S$: 'SGD',
  '£': 'GBP', '€': 'EUR', '¥': 'JPY', dollars: 'USD', 'us dollars': 'USD', usd: 'USD',
  euro: 'EUR', euros: 'EUR', eur: 'EUR', pound: 'GBP', pounds: 'GBP', gbp: 'GBP',
};

/** A few news nouns and the words a draft may use for the same thing. */
const SYNONYMS: string[][] = [
  ['deaths', 'death', 'fatalities', 'killed', 'dead', 'toll', 'died', 'lives', 'casualties', 'mortality'],
  ['arrests', 'arrested', 'detained', 'detentions', 'detainees', 'arrest'],
  ['injured', 'injuries', 'wounded', 'hurt'],
  ['votes', 'vote', 'voted', 'ballots', 'balloted', 'ballot'],
  ['asked', 'sought', 'seek', 'demanded', 'requested', 'wanted'],
  ['fined', 'fine', 'penalty', 'penalties'],
  ['jailed', 'jail', 'prison', 'imprisoned', 'sentenced', 'sentence'],
  ['employs', 'employed', 'employees', 'staff', 'workers', 'workforce', 'jobs'],
  ['salary', 'salaries', 'pay', 'paid', 'earns', 'earn', 'wage', 'wages'],
  ['revenue', 'sales', 'income', 'turnover'],
  ['cancelled', 'canceled', 'cancelling', 'cancellations', 'scrapped', 'axed'],
  ['recovered', 'recover', 'recovery'],
  ['repay', 'repaid', 'repayment', 'compensation', 'restitution'],
  ['funded', 'funding', 'grant', 'financed', 'funds'],
  ['founded', 'established', 'launched', 'created'],
  ['backed', 'supported', 'support', 'favour', 'favor'],
  ['passengers', 'commuters', 'travellers', 'riders'],
  ['patients', 'participants'],
  ['countries', 'nations'],
  ['clinics', 'centres', 'centers', 'sites'],
  ['evacuated', 'evacuation', 'evacuate', 'evacuees'],
  ['trade', 'trading', 'commerce', 'business'],
  ['cases', 'case'],
  ['members', 'membership'],
];

// ---------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------

const slug = (s: string, max = 5) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .slice(0, max)
    .join('-') || 'fact';

/** Strips a possessive ending: `Ruiz’s` → `Ruiz`, `Jones’` → `Jones`. */
const bare = (w: string) => w.replace(/['’]s$/, '').replace(/(?<=s)['’]$/, '');
const isPossessive = (w: string) => /['’]s$/.test(w) || /s['’]$/.test(w);
const lower = (w: string) => bare(w).toLowerCase();
const isAcronym = (w: string) => /^(?:\p{Lu}\.){2,}$|^\p{Lu}{2,6}$/u.test(w);
const initials = (ws: string[]) => ws.map((w) => w[0]).join('');

/** Makes ids unique across the whole sheet: `base`, else `base-2`, `base-3`… (whatever kind took it). */
type IdMaker = (base: string) => string;
function ids(): IdMaker {
  const taken = new Set<string>();
  return (base) => {
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    return id;
  };
}

interface Src {
  index: number;
  sentence: Sentence;
  /** The sentence as cited: the article's own characters, block markers left out. */
  text: string;
  ctx: SentenceContext;
  /** Whether the sentence is the headline. */
  headline: boolean;
  paragraph: number;
}

/** A capitalised word of a sentence. */
interface Cap {
  text: string;
  start: number;
  end: number;
}

/** A run of capitalised words read as one name (with the title and qualifier found before it). */
interface NameRun {
  src: Src;
  words: Cap[];
  title?: string;
  qualifier?: string;
}

interface Draft {
  entity: Entity;
  evidence: Set<string>;
  first: Src;
  order: number;
  /** Names of it the runs read, and how many of them name it as where someone works ("a physician at St Anne's Hospital"). */
  uses?: number;
  workplaces?: number;
  /** Whose role the person holds, as the article words it ("KVR's", "its", "of the union"), where the role speaks for it. */
  owners?: { phrase: string; src: Src }[];
}

const CAP_WORD = /(?:\p{Lu}\.){2,}(?!\p{L})|\p{Lu}[\p{L}\p{M}]*(?:['’-][\p{L}\p{M}]+)*['’]?/gu;
const CONNECTORS = words('of for de da di du del van von der den bin ibn al el la le &');

/** Capitalised runs of a sentence: "Ana Ruiz", "Bank of Mars", each split at a possessive. */
function capRuns(text: string, base: number): Cap[][] {
  const runs: Cap[][] = [];
  let run: Cap[] = [];
  let lastEnd = -1;
  CAP_WORD.lastIndex = 0;
  for (let m = CAP_WORD.exec(text); m; m = CAP_WORD.exec(text)) {
    const w: Cap = { text: m[0], start: base + m.index, end: base + m.index + m[0].length };
    // A word glued to a hyphen ("U.S.-based", "Ruiz-led") is an adjective, not a name here.
    if (text[m.index + m[0].length] === '-' || (m.index > 0 && /[\p{L}\p{N}-]/u.test(text[m.index - 1]))) {
      if (run.length) runs.push(run);
      run = [];
      lastEnd = -1;
      continue;
    }
    const gap = lastEnd >= 0 ? text.slice(lastEnd, m.index) : '';
    const joined = lastEnd >= 0 && (/^[ \t]+$|^\r?\n$/.test(gap) || (/^\s+(\S+)\s+$/.test(gap) && CONNECTORS.has(gap.trim().toLowerCase())));
    const prev = run[run.length - 1];
    // A possessive ends a name ("Ruiz’s Ministry"), except before a place or organisation word ("St Anne’s Hospital").
    const prevPossessive = prev && isPossessive(prev.text) && !PLACE_WORDS.has(m[0].toLowerCase()) && !ORG_WORDS.has(m[0].toLowerCase());
    if (run.length && (!joined || prevPossessive)) {
      runs.push(run);
      run = [];
    }
    run.push(w);
    lastEnd = m.index + m[0].length;
  }
  if (run.length) runs.push(run);
  // "Arbitration and Conciliation Board": "and" inside the name of an organisation (its last word says so).
  for (let i = runs.length - 2; i >= 0; i--) {
    const a = runs[i];
    const b = runs[i + 1];
    const own = a.filter((w, k) => k > 0 || !STOP_CAPS.has(w.text.toLowerCase()));
    if (!own.length || own.length > 2 || !/^\s+and\s+$/.test(text.slice(a[a.length - 1].end - base, b[0].start - base))) continue;
    const last = b[b.length - 1].text.toLowerCase();
    // Not after a whole name of its own ("Fennick Road and …", "Ruiz's and …").
    if (!ORG_WORDS.has(last) || (own.length > 1 && PLACE_WORDS.has(own[own.length - 1].text.toLowerCase())) || own.some((w) => isPossessive(w.text) || STOP_CAPS.has(w.text.toLowerCase()))) continue;
    runs.splice(i, 2, [...a, ...b]);
  }
  return runs;
}

// ---------------------------------------------------------------------------
// The extractor
// ---------------------------------------------------------------------------

/** Proposes a fact sheet for `articleText`; see {@link extractFacts} for the notes as well. */
export function extractFactSheet(articleText: string, opts: ExtractOptions): FactSheet {
  return extractFacts(articleText, opts).sheet;
}

/**
 * Proposes a fact sheet for `articleText`, with notes on what it left out. The sheet passes
 * `validateFactSheet`; every fact's `source` occurs verbatim in the article.
 */
export function extractFacts(articleText: string, opts: ExtractOptions): Extraction {
  const text = articleText.charCodeAt(0) === 0xfeff ? articleText.slice(1) : articleText;
  const masked = maskText(text, opts.markdown ?? false);
  const notes: string[] = [];
  const sentences = splitSentences(masked);
  const srcs: Src[] = [];
  let paragraph = 0;
  let prevEnd = 0;
  for (const s of sentences) {
    if (/\n[ \t]*\r?\n/.test(masked.slice(prevEnd, s.start))) paragraph++;
    prevEnd = s.end;
    // Cite the article's characters, without a heading's or list item's marker.
    const lead = /^(?:[ \t]*(?:#{1,6}|[-*+]|\d{1,3}[.)]|>)[ \t]+)+/.exec(text.slice(s.start, s.end));
    const start = s.start + (lead ? lead[0].length : 0);
    const cited = text.slice(start, s.end).trim();
    if (!/\p{L}/u.test(cited)) continue;
    srcs.push({ index: srcs.length, sentence: s, text: cited, ctx: new SentenceContext(s, masked), headline: false, paragraph });
  }
  // The first line is the headline when it stands alone and reads like one.
  const first = srcs[0];
  if (first && srcs.length > 1 && (srcs[1].paragraph > first.paragraph || /^#/.test(text.slice(first.sentence.start).trimStart())) && !/\n/.test(first.text)) first.headline = true;
  const title = opts.title ?? (first?.headline ? first.text : (first?.text.slice(0, 120) ?? 'Untitled story'));

  // One id maker for every kind: a figure about "Ruiz" must not take the id of the entity Ruiz.
  const nextId = ids();
  const entities = findEntities(text, srcs, nextId);
  const entityList = entities.map((d) => d.entity);
  const sheet0: FactSheet = { story: { id: 'x', title: 'x', article: 'x' }, entities: entityList, figures: [], dates: [], quotes: [], settings: [] };
  const compiled0 = compile(sheet0);
  // Reporters are those the article shows saying or reporting something (not places).
  const speaking = new Set<string>();
  for (const src of srcs) for (const mm of src.ctx.mentions(compiled0)) if (speaksAt(text, src, mm)) speaking.add(mm.id);
  const compiled: CompiledSheet = { ...compiled0, reporters: new Set(entityList.filter((e) => e.type !== 'place' && speaking.has(e.id)).map((e) => e.id)) };
  proposeSpeaksFor(entities, srcs, compiled0);

  const dates: DateFact[] = [];
  const dateSpans: [number, number][] = [];
  for (const src of srcs) {
    const s = src.sentence;
    const body = masked.slice(s.start, s.end);
    DATE_RE.lastIndex = 0;
    for (let m = DATE_RE.exec(body); m; m = DATE_RE.exec(body)) {
      if (m.index > 0 && /[\p{L}\p{N}]/u.test(body[m.index - 1])) continue;
      const at = s.start + m.index;
      const dtext = text.slice(at, at + m[0].length);
      if (!src.text.includes(dtext)) continue;
      dateSpans.push([at, at + m[0].length]);
      const before = s.tokens.filter((t) => t.end <= at).slice(-8).map((t) => t.text);
      while (before.length && /^(?:in|on|at|by|the|of|since|until|before|for)$/i.test(before[before.length - 1])) before.pop();
      const event = before.join(' ') || `what the sentence dates`;
      const context = [...new Set(before.map((w) => lower(w)).filter((w) => w.length > 3 && !STOP_CAPS.has(w)))].slice(-6);
      dates.push({ id: nextId(`date-${slug(dtext)}`), text: dtext, event, context: context.length ? context : [slug(dtext, 2)], source: src.text });
    }
  }

  const quoted: QuotedSpan[] = [];
  const quotes = findQuoteFacts(text, masked, srcs, compiled, entities, notes, nextId, quoted);
  const figures = findFigures(text, masked, srcs, compiled, dateSpans, nextId, quoted);
  // A chief executive's or spokesperson's figures are their organisation's.
  for (const f of figures) {
    const e = f.reportedBy ? compiled0.entities.get(f.reportedBy) : undefined;
    if (e?.speaksFor && e.roles?.some((r) => REPORTS_FOR_ROLES.has(lastWord(r.title)))) f.reportedBy = e.speaksFor;
  }
  const settings = findSettings(text, srcs, entities, nextId);

  const storyId = opts.storyId ?? slug(title, 6);
  const sheet: FactSheet = {
    story: { id: storyId, title, article: opts.articlePath },
    entities: entityList,
    figures,
    dates,
    quotes,
    settings,
    otherNames: [],
  };
  return { sheet: settle(sheet, text, opts.markdown ?? false, notes), notes };
}

// ---------------------------------------------------------------------------
// The proposal must load, and its own article must pass it
// ---------------------------------------------------------------------------

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
function settle(proposed: FactSheet, text: string, markdown: boolean, notes: string[]): FactSheet {
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

// ---------------------------------------------------------------------------
// Entities
// ---------------------------------------------------------------------------

function findEntities(text: string, srcs: Src[], nextId: IdMaker): Draft[] {
  // Every capitalised run, and the words seen capitalised away from a sentence's start.
  const runsBySrc: NameRun[][] = [];
  const midSentence = new Set<string>();
  const lowerSeen = new Set<string>();
  for (const src of srcs) {
    const s = src.sentence;
    const body = text.slice(s.start, s.end);
    for (const t of s.tokens) if (/^\p{Ll}/u.test(t.text)) lowerSeen.add(t.norm);
    const runs = capRuns(body, s.start).map((words) => ({ src, words }) as NameRun);
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

  for (const runs of runsBySrc) {
    for (const run of runs) {
      const { src } = run;
      const toks = src.sentence.tokens;
      let ws = run.words.slice();
      // Sentence-initial function words ("The", "However") are not part of a name.
      while (ws.length && STOP_CAPS.has(lower(ws[0].text))) ws = ws.slice(1);
      if (!ws.length) continue;
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
          while (head + 1 < ws.length && TITLE_HEADS.has(lower(ws[head + 1].text))) head++;
          break;
        }
      }
      if (head >= 0) {
        const rest = ws.slice(head + 1).map((w) => lower(w.text));
        const allModifiers = ws.slice(k, head).every((w) => TITLE_MODIFIERS.has(lower(w.text)));
        // "General Motors", "Wildlife Trust Director": an organisation or a title alone, not a titled person.
        const restLast = rest[rest.length - 1];
        if (restLast && (ORG_WORDS.has(restLast) || PLACE_WORDS.has(restLast) || OUTLET_WORDS.has(restLast))) head = -1;
        else if (!rest.length && !allModifiers) head = -1;
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
      if (after1 && after2 && /^\s+$/.test(gapAfter) && isVerbOfSaying(after1.norm) && after2.norm === 'it') evidence.push('firm');
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
      for (const r of [role, appositive]) {
        if (!r) continue;
        const owner = ownerOf(text, src, firstTok, lastTok, r);
        if (!owner) continue;
        if (SPEAKS_FOR_ROLES.has(lastWord(r)) || SPEAKS_FOR_ROLES.has(r.toLowerCase())) (d.owners ??= []).push({ phrase: owner, src });
        // "Ruiz's lawyer", "the union's organiser": whose the role is qualifies it (and tells two lawyers apart).
        if (/['’]s?$/.test(owner)) {
          const own = owner.replace(/^The\b/, 'the');
          const forms = [own, own.replace(/’/g, "'"), own.replace(/'/g, '’'), own.replace(/^the /, '')];
          const held = d.entity.roles?.find((x) => x.title.toLowerCase() === r.toLowerCase());
          if (held) for (const f of [...forms, ...forms.map((x) => x.replace(/^the /, ''))]) if (!(held.qualifiers ??= []).includes(f)) held.qualifiers.push(f);
        }
      }
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

  // Types, from the evidence gathered over every mention.
  const persons: Draft[] = [];
  for (const d of drafts) {
    const ev = d.evidence;
    const n = d.entity.name.split(/\s+/);
    let type: EntityType;
    // A named study reports its findings as a body does ("the TIDELINE trial found").
    if (ev.has('body') || ev.has('study')) type = 'body';
    else if (ev.has('channel')) type = 'channel';
    else if (ev.has('person') && !ev.has('organisation') && !ev.has('place')) type = 'person';
    else if (ev.has('outlet') && !ev.has('organisation')) type = 'outlet';
    else if (ev.has('organisation')) type = PUBLIC_BODY_WORDS.has(n[n.length - 1].toLowerCase()) ? 'body' : 'organisation';
    else if (ev.has('firm') && !ev.has('person')) type = 'organisation';
    else if (nouns(ev).some((x) => PLACE_NOUNS.has(lastWord(x)))) type = 'place';
    else if (nouns(ev).length && !ev.has('person')) type = 'organisation';
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
    // "in Leeds" names a place of its own, not a part of "Radio Leeds".
    if (d.entity.type === 'place' && d.evidence.has('locative') && owner.entity.type !== 'place') continue;
    const aliases = (owner.entity.aliases ??= []);
    if (!aliases.includes(name)) aliases.push(name);
    for (const r of d.entity.roles ?? []) addRole(owner, r);
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
  // A title held by one person alone identifies them ("the foreign minister said").
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

/** Those who report a study's findings for their institution. */
const RESEARCHERS = words('researchers scientists authors investigators team');
/** Roles whose holder speaks for an organisation (speaksFor); the first few also report for it. */
const SPEAKS_FOR_ROLES = words(`executive ceo spokesman spokeswoman spokesperson chair chairman chairwoman chairperson secretary
  president director head leader chief officer`);
/** Roles whose figures are the organisation's own ("the company had lost …, its chief executive said"). */
const REPORTS_FOR_ROLES = words('executive ceo spokesman spokeswoman spokesperson');

/** Sets `speaksFor` of each person whose speaking role the article gives to an organisation it names. */
function proposeSpeaksFor(drafts: Draft[], srcs: Src[], sheet: CompiledSheet): void {
  const isOrg = (id: string | undefined) => !!id && ['organisation', 'body', 'outlet'].includes(sheet.entities.get(id)?.type ?? '');
  for (const d of drafts) {
    if (d.entity.type !== 'person' || !d.owners) continue;
    for (const { phrase, src } of d.owners) {
      let id: string | undefined;
      if (/^(?:its|their)$/.test(phrase)) {
        // "Its spokesman": the organisation the previous sentence is about (the first it names).
        for (let i = src.index - 1; i >= 0 && i >= src.index - 2 && !id; i--) id = srcs[i].ctx.mentions(sheet).find((mm) => isOrg(mm.id))?.id;
      } else {
        const want = phraseWords(bare(phrase)).filter((w, k) => k > 0 || w !== 'the').join(' ');
        id = sheet.entityPhrases.find((p) => p.words.join(' ') === want && isOrg(p.id))?.id;
      }
      if (id && id !== d.entity.id) {
        d.entity.speaksFor = id;
        break;
      }
    }
  }
}

/**
 * Whose role a person holds, as the sentence words it: "KVR's chief executive, Ana Ruiz" (KVR's),
 * "Its spokesman, Ana Ruiz" (its), "Ana Ruiz, the chief executive of Acme" (Acme), "Acme chief
 * executive Ana Ruiz" (Acme).
 */
function ownerOf(text: string, src: Src, first: number, last: number, role: string): string | undefined {
  const toks = src.sentence.tokens;
  const n = role.split(/\s+/).length;
  const gap = (a: number, b: number) => text.slice(toks[a].end, toks[b]?.start ?? src.sentence.end);
  const roleAt = (at: number) => at >= 0 && toks.slice(at, at + n).map((t) => t.text).join(' ').toLowerCase() === role.toLowerCase();
  const run = (end: number) => {
    // The capitalised words (or "the" + noun) that end at token `end`.
    let k = end;
    while (k > 0 && /^[ \t]+$/.test(gap(k - 1, k)) && (/^\p{Lu}/u.test(toks[k - 1].text) || CONNECTORS.has(toks[k - 1].norm)) && !STOP_CAPS.has(toks[k - 1].norm)) k--;
    if (k > 0 && /^(?:the)$/.test(toks[k - 1].norm) && /^[ \t]+$/.test(gap(k - 1, k))) k--;
    return text.slice(toks[k].start, toks[end].end);
  };
  // Before the name: "[owner] role, NAME" or "[owner] role NAME" or "[owner] role for …, NAME".
  const further: number[] = [];
  for (let r = first - n - 2; r >= Math.max(0, first - n - 6); r--) if (roleAt(r) && /^(?:for|of|at)$/.test(toks[r + n]?.norm ?? '')) further.push(r);
  for (const r0 of [first - n, ...further]) {
    if (!roleAt(r0) || r0 < 1 || !/^[ \t]+$/.test(gap(r0 - 1, r0))) continue;
    const p = toks[r0 - 1];
    if (/^(?:its|their)$/.test(p.norm)) return p.norm;
    if (/['’]s?$/.test(p.text) && (/^\p{Lu}/u.test(p.text) || (r0 >= 2 && toks[r0 - 2].norm === 'the'))) return run(r0 - 1);
    if (/^\p{Lu}/u.test(p.text) && !STOP_CAPS.has(p.norm) && !TITLE_MODIFIERS.has(p.norm)) return run(r0 - 1);
  }
  // After the name: "NAME, the role of|at Owner" / "NAME, Owner's role".
  if (/^\s*,\s*$/.test(gap(last, last + 1))) {
    for (let r0 = last + 1; r0 < Math.min(toks.length, last + 6); r0++) {
      if (!roleAt(r0)) continue;
      const after = toks[r0 + n];
      if (after && /^(?:of|at)$/.test(after.norm) && toks[r0 + n + 1]) {
        let e = r0 + n + 1;
        if (toks[e].norm === 'the') e++;
        while (e + 1 < toks.length && /^[ \t]+$/.test(gap(e, e + 1)) && (/^\p{Lu}/u.test(toks[e + 1].text) || CONNECTORS.has(toks[e + 1].norm))) e++;
        if (/^\p{Lu}/u.test(toks[e].text) || toks[e - 1]?.norm === 'the') return text.slice(toks[r0 + n + 1].start, toks[e].end);
      }
      const p = toks[r0 - 1];
      if (r0 > last + 1 && /['’]s?$/.test(p.text)) return p.norm === 'its' ? 'its' : run(r0 - 1);
      if (r0 > last + 1 && /^(?:its|their)$/.test(p.norm)) return p.norm;
    }
  }
  return undefined;
}

/** Common nouns that, right before a name, make it an organisation ("consumer group Fairlend"). */
const ORG_NOUNS = words(`group firm company charity organisation organization agency regulator watchdog union lender insurer
  airline carrier operator retailer supermarket chain bank broker manufacturer maker supplier developer producer publisher
  party club team foundation trust association campaign coalition startup`);

/** Place nouns in apposition that make a name a place ("Northgate, the county town,"). */
const PLACE_NOUNS = words('city town village capital country region province state island port district county suburb neighbourhood neighborhood area');
const lastWord = (s: string) => s.split(/\s+/).pop()!.toLowerCase();
/** The common nouns seen in apposition to a name (evidence "noun:…"). */
const nouns = (ev: Set<string>) => [...ev].filter((e) => e.startsWith('noun:')).map((e) => e.slice(5));

/**
 * A common noun in apposition to a name, not a role of a person: "Kestrel Rail (KR), the regional
 * operator," or "The liquidator, Ruiz & Co, said" or "The pill's maker, Acme Pharma,".
 */
function nounApposition(text: string, src: Src, first: number, last: number): string | undefined {
  const toks = src.sentence.tokens;
  const gap = (a: number, b: number) => text.slice(toks[a].end, toks[b]?.start ?? src.sentence.end);
  const plainNoun = (i: number) => /^\p{Ll}/u.test(toks[i].text) && !/['’]/.test(toks[i].text) && !AFTER_STOP.has(toks[i].norm) && !STOP_CAPS.has(toks[i].norm);
  const accept = (phrase: number[]) => {
    const head = toks[phrase[phrase.length - 1]];
    if (ROLE_NOUNS.has(head.norm) || /(?:ed|ing|ly)$/.test(head.norm) || REPORT_VERBS.has(head.norm) || SPEECH.has(head.norm)) return undefined;
    return phrase.map((i) => toks[i].text).join(' ');
  };
  // After: "NAME (ACR), the regional operator,"
  let j = last;
  if (/^\s*\(\s*$/.test(gap(j, j + 1)) && toks[j + 2] && /^\s*\)/.test(gap(j + 1, j + 2))) j++;
  if (/^\s*\)?\s*,\s*$/.test(gap(j, j + 1)) && toks[j + 1] && /^(?:the|a|an|its|their)$/.test(toks[j + 1].norm)) {
    const phrase: number[] = [];
    for (let k = j + 2; k < Math.min(toks.length, j + 6) && plainNoun(k); k++) {
      phrase.push(k);
      const after = gap(k, k + 1);
      if (/^\s*[,.;]/.test(after) || k + 1 >= toks.length) return accept(phrase);
      if (!/^[ \t]+$/.test(after)) break;
    }
  }
  // Before: "The liquidator, NAME," / "The pill's maker, NAME," (no role: "The firm's director of operations, NAME" is a person)
  const bareNoun = (i: number) => plainNoun(i) && !ROLE_NOUNS.has(toks[i].norm) && !/^(?:of|in|at|for|with|on)$/.test(toks[i].norm);
  if (first >= 2 && /^\s*,\s*$/.test(gap(first - 1, first)) && /^\s*,/.test(gap(last, last + 1)) && bareNoun(first - 1)) {
    let k = first - 1;
    while (k > 0 && first - k < 4 && /^[ \t]+$/.test(gap(k - 1, k)) && (bareNoun(k - 1) || /['’]s?$/.test(toks[k - 1].text))) k--;
    const det = toks[k - 1];
    // At the start of the sentence: "for the northern depots, Ana Ruiz" is no apposition.
    const opens = (i: number) => /^[\s“"‘'(*#>-]*$/.test(text.slice(src.sentence.start, toks[i].start));
    if ((det && /^(?:the|its|their)$/.test(det.norm) && opens(k - 1) && /^[ \t]+$/.test(gap(k - 1, k))) || (/['’]s?$/.test(toks[k].text) && opens(k))) {
      const phrase = [];
      for (let i = k; i < first; i++) if (!/['’]/.test(toks[i].text)) phrase.push(i);
      if (phrase.length) return accept(phrase);
    }
  }
  return undefined;
}

/** Forms of speech verbs beyond the checker's: participles ("telling", "saying") and verbs of forecasting. */
const SPEECH_FORMS = words(`saying telling adding insisting claiming arguing warning noting stating writing explaining reporting
  estimating predicting predicted predicts forecast forecasts expects expected believes believed argued insisted added noted
  suggested says`);
const isVerbOfSaying = (n: string | undefined) => !!n && (SPEECH.has(n) || MORE_SPEECH.has(n) || REPORT_VERBS.has(n) || SPEECH_FORMS.has(n));

/** The person a sentence shows speaking ("Ruiz's lawyer, Ana Okoye, said": Okoye), else its first person not in a possessive. */
function speakingPerson(text: string, src: Src, sheet: CompiledSheet, personIds: Set<string>): string | undefined {
  const ms = src.ctx.mentions(sheet).filter((mm) => personIds.has(mm.id));
  const toks = src.sentence.tokens;
  return (ms.find((mm) => speaksAt(text, src, mm)) ?? ms.find((mm) => !/['’]s?$/.test(toks[mm.at + mm.len - 1].text)) ?? ms[0])?.id;
}

/**
 * Whether the mention is shown saying or reporting: "Ruiz said", "Ruiz, who …, said",
 * "Ruiz (RZ) reported", "according to Ruiz", "the figure, Ruiz said".
 */
function speaksAt(text: string, src: Src, mm: { id: string; at: number; len: number }): boolean {
  const toks = src.sentence.tokens;
  if (mm.at >= 2 && toks[mm.at - 2].norm === 'according' && toks[mm.at - 1].norm === 'to') return true;
  let end = mm.at + mm.len;
  if (/^\s*\(/.test(text.slice(toks[end - 1].end, toks[end]?.start ?? toks[end - 1].end)) && toks[end + 1] && /^\s*\)/.test(text.slice(toks[end].end))) end++;
  if (isVerbOfSaying(toks[end]?.norm)) return true;
  // "has said", "later told"
  if (toks[end] && /^(?:has|have|had|also|later|then|earlier|will|would)$/.test(toks[end].norm) && isVerbOfSaying(toks[end + 1]?.norm)) return true;
  // A parenthetical clause between the name and its verb: "Ruiz, who chairs the board, said".
  if (toks[end] && /^\s*,/.test(text.slice(toks[end - 1].end, toks[end].start))) {
    // "Ruiz, which says it …" / "Ruiz, who said …"
    if (/^(?:which|who)$/.test(toks[end].norm) && isVerbOfSaying(toks[end + 1]?.norm)) return true;
    for (let j = end + 1; j < Math.min(toks.length, end + 16); j++) {
      if (/,\s*$/.test(text.slice(toks[j - 1].end, toks[j].start)) && isVerbOfSaying(toks[j].norm)) return true;
    }
  }
  return false;
}

function isSentenceStart(text: string, sentenceStart: number, at: number): boolean {
  return /^[\s“"‘'(*#>\-]*$/.test(text.slice(sentenceStart, at));
}

/** Words (lower case) that stand capitalised on their own somewhere, not before a lower-case noun. */
function wordsStandingAlone(runsBySrc: NameRun[][]): Set<string> {
  const out = new Set<string>();
  for (const runs of runsBySrc) {
    for (const r of runs) {
      if (r.words.length !== 1) continue;
      const toks = r.src.sentence.tokens;
      const at = r.src.ctx.tokenAt(r.words[0].start);
      const next = toks[at + 1];
      if (!next || !/^\p{Ll}/u.test(next.text) || SPEECH.has(next.norm) || REPORT_VERBS.has(next.norm)) out.add(lower(r.words[0].text));
    }
  }
  return out;
}

/** A lower-case role right before a name ("envoy", "sporting director", "son-in-law"). */
function roleBefore(text: string, src: Src, at: number): string | undefined {
  const toks = src.sentence.tokens;
  const prev = toks[at - 1];
  if (!prev || !/^\p{Ll}/u.test(prev.text) || !ROLE_NOUNS.has(prev.norm)) return undefined;
  if (!/^\s+$/.test(text.slice(prev.end, toks[at].start))) return undefined;
  // Take the lower-case words of the role and a capitalised modifier right before it ("Middle East envoy").
  let s = at - 1;
  while (s > 0 && at - s < 3 && /^\p{Ll}/u.test(toks[s - 1].text) && !STOP_CAPS.has(toks[s - 1].norm) && (TITLE_MODIFIERS.has(toks[s - 1].norm) || ROLE_NOUNS.has(toks[s - 1].norm) || /(?:ing|al|ive|ic)$/.test(toks[s - 1].norm))) s--;
  return text.slice(toks[s].start, prev.end);
}

/** A role in apposition: "its chief executive, Ana Ruiz," or "Ana Ruiz, the chief executive,". */
function appositiveRole(text: string, src: Src, first: number, last: number): string | undefined {
  const toks = src.sentence.tokens;
  // Before: "… director, Ana Ruiz", "… director of operations, Ana Ruiz"
  const p = toks[first - 1];
  const ofRole = first >= 3 && toks[first - 2].norm === 'of' && ROLE_NOUNS.has(toks[first - 3].norm) && /^\p{Ll}/u.test(p?.text ?? '');
  if (p && (ROLE_NOUNS.has(p.norm) || ofRole) && /^\s*,\s*$/.test(text.slice(p.end, toks[first].start))) {
    let s = ofRole ? first - 3 : first - 1;
    const top = s;
    while (s > 0 && top - s < 2 && /^\p{Ll}/u.test(toks[s - 1].text) && !STOP_CAPS.has(toks[s - 1].norm) && !/['’]/.test(toks[s - 1].text)) s--;
    return text.slice(toks[s].start, p.end);
  }
  // Before, with what the role is of: "the union's organiser for the northern depots, Ana Ruiz".
  if (p && /^\s*,\s*$/.test(text.slice(p.end, toks[first].start)) && /^\p{Ll}/u.test(p.text)) {
    for (let r = first - 3; r >= Math.max(0, first - 7); r--) {
      const t = toks[r];
      if (!/^\p{Ll}/u.test(t.text) || /[^\s]/.test(text.slice(t.end, toks[r + 1].start))) break;
      if (ROLE_NOUNS.has(t.norm) && /^(?:for|of|at)$/.test(toks[r + 1].norm) && (r === 0 || /['’]s?$/.test(toks[r - 1].text) || /^(?:the|its|their)$/.test(toks[r - 1].norm))) return t.text;
    }
  }
  // After: "Ana Ruiz, the chief executive," / "Ana Ruiz, a director at …"
  const n0 = toks[last + 1];
  if (n0 && /^\s*,\s*$/.test(text.slice(toks[last].end, n0.start)) && /^(?:the|a|an|its|their|his|her)$/.test(n0.norm)) {
    let j = last + 2;
    let role = -1;
    for (; j < Math.min(toks.length, last + 6); j++) {
      const t = toks[j];
      if (!/^\p{Ll}/u.test(t.text) || AFTER_STOP.has(t.norm) || /['’]/.test(t.text)) break;
      if (ROLE_NOUNS.has(t.norm)) role = j;
      if (j > last + 2 && /[^\s]/.test(text.slice(toks[j - 1].end, t.start))) break;
      if (/[^\s]/.test(text.slice(t.end, toks[j + 1]?.start ?? t.end))) {
        j++;
        break;
      }
    }
    if (role < 0) return undefined;
    // "the founder of the collapsed firm Acme": the title ends at its noun; the rest names whose it is.
    if (role < j - 1 && /^(?:of|at|for)$/.test(toks[role + 1].norm)) j = role + 1;
    const endTok = toks[j - 1];
    // "Radio X, the city’s mayor, Ana Ruiz": the apposition is the next name's.
    const next = toks[j];
    if (next && /^\p{Lu}/u.test(next.text) && /^\s*,\s*$/.test(text.slice(endTok.end, next.start))) return undefined;
    return text.slice(toks[last + 2].start, endTok.end);
  }
  return undefined;
}

// ---------------------------------------------------------------------------
// Figures
// ---------------------------------------------------------------------------

const LINKING = words('totaling totalling totalled totaled of at to reached reaching was were is are numbering by stood stands about around some nearly almost over more than');
const AFTER_STOP = words('came went got made took gave saw left fell grew won lost ran met held brought bought sold became began hit cut set under over about into across per each them it they this these those last next while and but as with which who that after before when where because since until for from on at by to than is was were are has have had been be will would could');

function qualifierOf(m: Mention, text: string): Qualifier {
  const q = text.slice(m.qualStart, m.qualEnd).toLowerCase();
  if (m.qualifier === 'lower') return /least|no fewer|no less|\+/.test(q) || (m.qualStart === m.qualEnd && text[m.end - 1] === '+') ? 'at-least' : 'more-than';
  if (m.qualifier === 'approx' || m.qualifier === 'approx-below') return 'about';
  if (m.qualifier === 'upper') return 'fewer-than';
  return 'exact';
}

/** Where a quote with a known speaker stands in the article. */
interface QuotedSpan {
  start: number;
  end: number;
  speaker: string;
}

/** Units of time: "over 25 years" is a span of time, not "more than 25". */
const TIME_UNITS = words('years year months month days day weeks week hours hour decades decade minutes seconds nights night sessions');
/** Words after a fraction that keep it a share ("a third more", "a quarter of"). */
const FRACTION_GOES_ON = words('of more less fewer higher lower larger smaller bigger up down again as');

/**
 * The figure's wording and qualifier as the sentence reads it, or undefined for a figure that is
 * not one: "over 25 years" and "over €5 million fraud" are exact (a span of time, the amount of a
 * thing), "as much as $5 million" and "up to 40" are upper bounds, "60 and over" is at least 60,
 * "closer to 90" is about 90, and "a third defendant" is an ordinal, no share.
 */
function qualified(m: Mention, text: string, toks: Sentence['tokens'], to: number, sentenceStart: number): { text: string; qualifier: Qualifier } | undefined {
  const whole = text.slice(m.start, m.end).trim();
  const q = text.slice(m.qualStart, m.qualEnd).toLowerCase().trim();
  const next = toks[to];
  const nextPlain = !!next && /^[ \t]+$/.test(text.slice(m.end, next.start)) && /^\p{Ll}/u.test(next.text);
  if (m.kind === 'share' && /^(?:an? |one )?(?:third|quarter|fifth|sixth|seventh|eighth|ninth|tenth)$/i.test(whole) && nextPlain && !FRACTION_GOES_ON.has(next.norm) && !/(?:er|ly)$/.test(next.norm)) return undefined;
  const bare = text.slice(m.qualEnd, m.end).trim();
  if (q === 'over' && nextPlain && (TIME_UNITS.has(next.norm) || (m.kind === 'money' && !AFTER_STOP.has(next.norm) && !LINKING.has(next.norm) && !isVerbOfSaying(next.norm)))) return { text: bare, qualifier: 'exact' };
  if (m.qualStart === m.qualEnd) {
    const before = text.slice(Math.max(sentenceStart, m.start - 16), m.start);
    const upper = /(?:^|\s)(as (?:much|many|high|large|long) as|up to|at most|no more than)\s+$/i.exec(before);
    if (upper) return { text: text.slice(m.start - upper[0].length + upper[0].indexOf(upper[1]), m.end).trim(), qualifier: 'fewer-than' };
    const closer = /(?:^|\s)(closer to)\s+$/i.exec(before);
    if (closer) return { text: text.slice(m.start - closer[0].length + closer[0].indexOf(closer[1]), m.end).trim(), qualifier: 'about' };
    if (/^[ \t]+(?:and|or) (?:over|above|more|older)\b/i.test(text.slice(m.end, m.end + 14))) return { text: whole, qualifier: 'at-least' };
  }
  return { text: whole, qualifier: qualifierOf(m, text) };
}

function findFigures(text: string, masked: string, srcs: Src[], sheet: CompiledSheet, dateSpans: [number, number][], nextId: IdMaker, quoted: QuotedSpan[]): Figure[] {
  const out: Figure[] = [];
  const mentions = findMentions(masked);
  // Token spans [from, to) of every figure of each sentence (a word nearer another figure is not this one's).
  const spans = new Map<Src, number[]>();
  {
    let sj = 0;
    for (const m of mentions) {
      while (sj < srcs.length && srcs[sj].sentence.end <= m.numStart) sj++;
      const src = srcs[sj];
      if (!src || m.numStart < src.sentence.start) continue;
      if (m.kind !== 'year' && dateSpans.some(([s, e]) => m.numStart >= s && m.numEnd <= e)) continue;
      const a = src.ctx.tokenAt(m.start);
      const list = spans.get(src) ?? [];
      list.push(a, Math.max(a + 1, src.ctx.tokenAt(m.end)));
      spans.set(src, list);
    }
  }
  const spansOf = (src: Src) => spans.get(src) ?? [];
  let last: { src: Src; m: Mention; counts: string; kind: Mention['kind'] } | undefined;
  let si = 0;
  for (const m of mentions) {
    while (si < srcs.length && srcs[si].sentence.end <= m.numStart) si++;
    const src = srcs[si];
    if (!src || m.numStart < src.sentence.start) continue;
    // The day of a date is not a figure ("on 4 May"); the year of one is.
    if (m.kind !== 'year' && dateSpans.some(([s, e]) => m.numStart >= s && m.numEnd <= e)) continue;
    const ctx = src.ctx;
    const from = ctx.tokenAt(m.start);
    const to = Math.max(from + 1, ctx.tokenAt(m.end));
    const toks = src.sentence.tokens;
    const read = qualified(m, text, toks, to, src.sentence.start);
    if (!read) continue;
    const ftext = read.text;
    if (!src.text.includes(ftext)) continue;
    let counts = countsOf(masked, toks, from, to, m);
    const prev = last && last.src === src ? last : undefined;
    last = { src, m, counts, kind: m.kind };
    // The second end of a range counts what the first does ("aged 60 to 84", "0.48 to 0.75").
    if (prev && prev.kind === m.kind && /^\s*(?:to|-|–|and)\s*$/.test(masked.slice(prev.m.end, m.start)) && (FALLBACK_COUNTS.has(counts) || isRangeEnd(masked, prev.m))) counts = prev.counts;
    // "the oldest was 91 and at least 212 had …": a count with no noun of its own counts the previous figure's.
    else if (prev && m.kind === 'count' && prev.kind === 'count' && FALLBACK_COUNTS.has(counts) && !FALLBACK_COUNTS.has(prev.counts)) counts = lastWord(prev.counts);
    last.counts = counts;
    // "Ana Ruiz, 54, said": a person's age, no one's report.
    const age = ageOf(text, src, sheet, m, from);
    if (age) {
      out.push({ id: nextId(`age-${age.id}`), kind: 'count', value: m.value, text: ftext, qualifier: read.qualifier, counts: `age of ${age.name}`, context: ['age', 'aged', 'year-old', 'old'], source: src.text });
      continue;
    }
    // A figure inside a quote is its speaker's; a year is no one's report.
    const inQuote = quoted.find((q) => m.start >= q.start && m.end <= q.end);
    // "over the three days": a figure the article already gave, not one the speaker reports.
    const given = m.kind === 'count' && !inQuote && m.qualStart === m.qualEnd && from > 0 && /^(?:the|those|these)$/.test(toks[from - 1].norm);
    let reportedBy = m.kind === 'year' || given ? undefined : inQuote ? inQuote.speaker : trailing(masked, ctx, sheet, from);
    // The checker's reading of the clause, if that reporter is shown speaking in this sentence (not "sentenced Ruiz").
    if (!reportedBy && !inQuote && m.kind !== 'year' && !given) {
      const r = ctx.reporter(sheet, from, to);
      if (r && ctx.mentions(sheet).some((mm) => mm.id === r && speaksAt(text, src, mm))) reportedBy = r;
    }
    // "Ruiz’s office said …": the subject that opens a reporting sentence reports all of its figures.
    if (!reportedBy && !inQuote && m.kind !== 'year' && !given) reportedBy = subjectReporter(text, src, sheet, from);
    // "She said 12 …", "…, he said.": the person last shown speaking.
    const pronounLeads = /^(?:he|she|they)$/.test(toks[0]?.norm ?? '') && isVerbOfSaying(toks[1]?.norm);
    const pronounTrails = toks.length > 2 && /^(?:he|she|they)$/.test(toks[toks.length - 2].norm) && isVerbOfSaying(toks[toks.length - 1].norm) && toks.length - 2 > to && /,\s*$/.test(masked.slice(toks[toks.length - 3].end, toks[toks.length - 2].start));
    if (!reportedBy && !inQuote && m.kind !== 'year' && !given && (pronounLeads || pronounTrails)) reportedBy = lastPersonBefore(text, srcs, src.index, sheet);
    const cur = m.currency.replace(/\./g, '');
    const currency = cur ? (CURRENCIES[cur] ?? CURRENCIES[cur.toLowerCase()]) : undefined;
    const base = m.kind === 'year' ? `year-${slug(counts.replace(/^year(?: of)?\s*/, ''), 3) || m.value}` : slug(counts, 3);
    const context = contextOf(counts, clauseWords(masked, src, from, to, spansOf(src), sheet));
    // Whom the figure is about ("nine years for Ana Ruiz"): named in what it counts, where the checker reads it.
    const about = m.kind === 'year' ? undefined : aboutPerson(text, src, sheet, from, to, reportedBy);
    if (about) counts = `${counts} (${about})`;
    const fig: Figure = {
      id: nextId(reportedBy && m.kind !== 'year' ? `${base}-${reportedBy}` : base),
      kind: m.kind,
      value: m.value,
      text: ftext,
      qualifier: read.qualifier,
      counts,
      ...(reportedBy ? { reportedBy } : {}),
      context,
      ...(m.kind === 'money' && currency ? { currency } : {}),
      source: src.text,
    };
    out.push(fig);
  }
  return out;
}

/** What a figure counts: the noun phrase after it ("1,204 jobs"), else the one before ("deaths totalling 1,204"). */
function countsOf(masked: string, toks: Sentence['tokens'], from: number, to: number, m: Mention): string {
  const after: string[] = [];
  const punctBefore = (j: number) => j > 0 && /[^\s]/.test(masked.slice(j === to ? Math.max(m.end, toks[j - 1].end) : toks[j - 1].end, toks[j].start));
  let j = to;
  if (toks[j] && /^(?:in|of)$/.test(toks[j].norm) && m.kind !== 'year' && !punctBefore(j)) j++;
  for (; j < toks.length && after.length < (after[after.length - 1] === 'of' ? 4 : 2); j++) {
    const t = toks[j];
    if (punctBefore(j) && (after.length || j === to)) break; // punctuation ends the phrase
    if (AFTER_STOP.has(t.norm) || /^\p{N}/u.test(t.text)) break;
    after.push(t.text);
  }
  while (after.length && /^(?:the|a|an|of|in)$/i.test(after[after.length - 1])) after.pop();
  // "12% among the patients": a preposition opens where or among whom, not what is counted.
  if (after.length && PREPOSITIONS.has(after[0].toLowerCase())) after.length = 0;
  if (after.length && m.kind !== 'year') return after.join(' ');
  const before: string[] = [];
  let i = from - 1;
  while (i >= 0 && (LINKING.has(toks[i].norm) || (m.kind === 'year' && /^(?:in|since|from|until|by|during)$/.test(toks[i].norm)))) i--;
  for (; i >= 0 && before.length < 3; i--) {
    const t = toks[i];
    if (AFTER_STOP.has(t.norm) || STOP_CAPS.has(t.norm) || /^\p{N}/u.test(t.text)) break;
    before.unshift(t.text);
    if (toks[i - 1] && t.start > toks[i - 1].end + 1) break;
  }
  if (m.kind === 'year') {
    // "November 2019", "between March 2016 and …": a date's words say when, not what the year is of.
    const what = before.filter((w) => !CALENDAR.has(w.toLowerCase()) && !/^(?:between|and|early|late|mid)$/i.test(w));
    return what.length ? `year of ${what.join(' ')}` : 'year';
  }
  return before.join(' ') || (m.kind === 'money' ? 'amount' : m.kind === 'share' ? 'share' : 'number');
}

const PREPOSITIONS = words('among amongst between within without against toward towards through throughout upon onto into over under above below beyond along across behind beside besides despite except like unlike via');
/** What countsOf says when it finds no words of the figure's own. */
const FALLBACK_COUNTS = new Set(['amount', 'share', 'number', 'year']);

/** "Ana Ruiz, 54, said": the person whose age the number in commas after their name is. */
function ageOf(text: string, src: Src, sheet: CompiledSheet, m: Mention, from: number): { id: string; name: string } | undefined {
  if (m.kind !== 'count' || !Number.isInteger(m.value) || m.value < 1 || m.value > 120 || m.qualStart !== m.qualEnd) return undefined;
  const toks = src.sentence.tokens;
  if (from < 1 || !/^\s*,\s*$/.test(text.slice(toks[from - 1].end, m.start)) || !/^\s*[,)]/.test(text.slice(m.end, m.end + 3))) return undefined;
  const mm = src.ctx.mentions(sheet).find((x) => x.at + x.len === from);
  const e = mm && sheet.entities.get(mm.id);
  return e?.type === 'person' ? { id: e.id, name: e.name } : undefined;
}

/**
 * The person a figure is about, by name, where the sentence says so: "nine years for Ana Ruiz",
 * or the person its clause names before it who is not shown speaking and not its reporter
 * ("Ana Ruiz, the firm's founder, was sentenced to seven years"; "sentenced Ana Ruiz to …").
 */
function aboutPerson(text: string, src: Src, sheet: CompiledSheet, from: number, to: number, reporter: string | undefined): string | undefined {
  const toks = src.sentence.tokens;
  const persons = src.ctx.mentions(sheet).filter((mm) => sheet.entities.get(mm.id)?.type === 'person' && mm.id !== reporter);
  const after = persons.find((mm) => mm.at >= to && mm.at <= to + 3 && /^(?:for|on|against)$/.test(toks[mm.at - 1]?.norm ?? '') && src.ctx.sameClause(to, mm.at));
  if (after) return sheet.entities.get(after.id)!.name;
  const before = persons.filter((mm) => mm.at + mm.len <= from && from - mm.at <= 20 && src.ctx.sameClause(mm.at, from) && !/['’]s?$/.test(toks[mm.at + mm.len - 1].text) && !speaksAt(text, src, mm)).pop();
  // Not across "that", a new clause of another subject ("Ruiz told the court that …").
  if (!before || toks.slice(before.at + before.len, from).some((t) => t.norm === 'that' || isVerbOfSaying(t.norm))) return undefined;
  // "ordered Ana Ruiz and Tom Okoye to repay …": about both, so about neither alone.
  if (toks[before.at - 1]?.norm === 'and' || toks[before.at + before.len]?.norm === 'and') return undefined;
  return sheet.entities.get(before.id)!.name;
}

/** Words that say nothing about what a figure counts ("well under", "so far", "the amount"). */
const CONTEXT_STOP = words(`well closer close far already less more much many up down just only still even nearly almost about
  around roughly some total estimated so very him her them its their his figure figures lot those these other another such
  same own also`);

/**
 * Words that tie a draft's figure to this one: those of what it counts, less the words that say
 * nothing about it ("well", "so far", "closer"). The nearest content words of the clause were
 * tried as a fallback and measured worse: they tie a draft's other figures to this one.
 */
function contextOf(counts: string, clause: string[] = []): string[] {
  const out = new Set<string>();
  const good = (w: string) => w.length >= 3 && !CALENDAR.has(w) && !STOP_CAPS.has(w) && !AFTER_STOP.has(w) && !CONTEXT_STOP.has(w) && !LINKING.has(w) && !/^\p{N}/u.test(w);
  const add = (w: string) => {
    out.add(w);
    for (const group of SYNONYMS) if (group.includes(w)) for (const g of group) out.add(g);
  };
  for (const w of phraseWords(counts)) if (good(w)) add(w);
  for (const w of clause) if (good(w) || CONTENT_VERBS.has(w)) add(w);
  return out.size ? [...out] : [counts.toLowerCase()];
}

/** Words of a clause that say nothing of what its figure is (auxiliaries, pronouns, hedges). */
const CLAUSE_STOP = words(`would could should might must may can will shall been being had has have was were are is did does do
  not also already now then there here what which who whom whose that this those these them they their its his her him she he
  we our you your said says say told tells according saying added adds including include includes compared while whereas
  than such per cent percent total totalling only least most more less fewer than about around nearly almost some among
  amongst between within without against toward towards through throughout upon onto into over under above below beyond
  along across behind beside besides despite except like unlike via`);

/**
 * The content words of the figure's clause nearest to it, a few on each side: the verb and the
 * nouns that say what happened to the number ("Deaths from any cause fell by 9%": deaths, cause,
 * fell). A word nearer another figure of the sentence is that figure's; names are left to the
 * entities, and a comma or a clause boundary ends the reach on that side.
 */
function clauseWords(masked: string, src: Src, from: number, to: number, others: readonly number[], sheet: CompiledSheet): string[] {
  const toks = src.sentence.tokens;
  const out: string[] = [];
  // Words that name an entity ("the union") say who, not what: the reporter and the names do that.
  const named = new Set<number>();
  for (const mm of src.ctx.mentions(sheet)) for (let k = mm.at; k < mm.at + mm.len; k++) named.add(k);
  const nearerOther = (i: number) => {
    const own = i < from ? from - i : i - (to - 1);
    for (let k = 0; k < others.length; k += 2) {
      if (others[k] === from) continue;
      const d = i < others[k] ? others[k] - i : i >= others[k + 1] ? i - (others[k + 1] - 1) : 0;
      if (d < own) return true;
    }
    return false;
  };
  const take = (i: number) => {
    const t = toks[i];
    // A capitalised word opening the sentence is a common word unless it names something ("Deaths fell …").
    if (!(/^\p{Ll}/u.test(t.text) || (i === 0 && !isAcronym(t.text))) || named.has(i) || CLAUSE_STOP.has(t.norm) || (AFTER_STOP.has(t.norm) && !CONTENT_VERBS.has(t.norm)) || SAYING.has(t.norm) || CALENDAR.has(t.norm) || t.norm.length < 3) return false;
    out.push(t.norm);
    return true;
  };
  const broken = (a: number, b: number) => /[,;:()\u2014\u2013"\u201c\u201d]/.test(masked.slice(toks[a].end, toks[b].start)) || !src.ctx.sameClause(a, b);
  let n = 0;
  for (let i = from - 1; i >= 0 && i >= from - CLAUSE_SPAN && n < CLAUSE_REACH && !nearerOther(i); i--) {
    if (broken(i, i + 1)) break;
    if (take(i)) n++;
  }
  n = 0;
  for (let i = to; i < toks.length && i < to + CLAUSE_SPAN && n < CLAUSE_REACH && !nearerOther(i); i++) {
    if (i > to && broken(i - 1, i)) break;
    if (i === to && i > 0 && /[,;:()\u2014\u2013]/.test(masked.slice(toks[i - 1].end, toks[i].start))) break;
    if (take(i)) n++;
  }
  return out;
}
/** The verbs among AFTER_STOP: they end what a figure counts, but say what happened to it. */
const CONTENT_VERBS = words('came went got made took gave saw left fell grew won lost ran met held brought bought sold became began hit cut set');
/** Verbs that only say who spoke ("asked for nine years", "estimated" and "predicted" say what the figure is). */
const SAYING = words('said says say told tells tell telling saying added adds adding according stated states claimed claims reported reports noted notes');
/** How many content words on each side of a figure its clause lends it as context, and from how many words away. */
const CLAUSE_REACH = 3;
const CLAUSE_SPAN = 6;

/** "…, the agency said." at the end of a sentence: the agency reports every figure before it. */
function trailing(masked: string, ctx: SentenceContext, sheet: CompiledSheet, from: number): string | undefined {
  const toks = ctx.sentence.tokens;
  const ms = ctx.mentions(sheet).filter((mm) => mm.at > from && sheet.reporters.has(mm.id));
  const last = ms[ms.length - 1];
  if (!last) return undefined;
  const end = last.at + last.len;
  if (!isVerbOfSaying(toks[end]?.norm)) return undefined;
  // The attribution closes the sentence or its main clause: "…, the agency said." / "…, the agency said, as …"
  const after = masked.slice(toks[end].end, toks[end + 1]?.start ?? ctx.sentence.end);
  return end + 1 >= toks.length || /^\s*[,;—–]/.test(after) ? last.id : undefined;
}

function lastPersonBefore(text: string, srcs: Src[], index: number, sheet: CompiledSheet): string | undefined {
  const persons = new Set([...sheet.entities.values()].filter((e) => e.type === 'person').map((e) => e.id));
  for (let i = index - 1; i >= 0; i--) {
    const p = speakingPerson(text, srcs[i], sheet, persons);
    if (p) return p;
  }
  return undefined;
}

/**
 * The subject of a reporting sentence ("The agency (ABC) reported …, with … and …"): the first
 * reporter named, if a reporting verb follows it and no other reporter stands before the figure.
 */
function subjectReporter(text: string, src: Src, sheet: CompiledSheet, from: number): string | undefined {
  const ctx = src.ctx;
  const toks = ctx.sentence.tokens;
  const before = ctx.mentions(sheet).filter((mm) => mm.at < from && sheet.reporters.has(mm.id));
  if (!before.length) return undefined;
  const first = before[0];
  if (before.every((mm) => mm.id === first.id)) {
    // The verb follows the name, or the name repeated right after it (an acronym in parentheses).
    let end = first.at + first.len;
    const again = before.find((mm) => mm !== first && mm.at === end);
    if (again) end = again.at + again.len;
    if (isVerbOfSaying(toks[end]?.norm)) return first.id;
  }
  // "Kestrel Rail (KR), the regional operator, disputed the figures, saying …": the subject that
  // opens the sentence and is shown speaking, with no other reporter named before the figure.
  // It opens the sentence, perhaps after a title or an article ("Presiding judge Ana Ruiz told …").
  const subject = before.find((mm) => mm.at <= 3 && !/['’]s?$/.test(toks[mm.at + mm.len - 1].text) && speaksAt(text, src, mm));
  if (!subject || !isSentenceStart(text, src.sentence.start, toks[0].start) || /[,;:()]/.test(text.slice(toks[0].end, toks[subject.at].start))) return undefined;
  // Another reporter shown speaking before the figure reports it instead ("…, while the union said …"),
  // unless it stands in the subject's apposition ("Ana Ruiz, an economist at the Bank, said …").
  const verb = toks.findIndex((t, i) => i >= subject.at + subject.len && isVerbOfSaying(t.norm));
  const others = before.filter((mm) => mm.id !== subject.id && mm.at > verb && speaksAt(text, src, mm));
  return others.length ? undefined : subject.id;
}

// ---------------------------------------------------------------------------
// Quotes
// ---------------------------------------------------------------------------

function findQuoteFacts(text: string, masked: string, srcs: Src[], sheet: CompiledSheet, entities: Draft[], notes: string[], nextId: IdMaker, quoted: QuotedSpan[]): Quote[] {
  const speakers = speakersByFirstWord(sheet);
  const personIds = new Set(entities.filter((d) => d.entity.type === 'person').map((d) => d.entity.id));
  const out: Quote[] = [];
  const unresolved: { q: Quote; src: Src }[] = [];
  let si = 0;
  let lastSpeaker: { id: string; paragraph: number } | undefined;
  let lastPerson: string | undefined;
  const spans = findQuotes(masked).filter((q) => !q.nested);
  const personAt = (src: Src) => speakingPerson(text, src, sheet, personIds);
  let personSrc = -1;
  // The previous quote of the same sentence and its speaker ("…,” she said, “…”).
  let prev: { src: Src; end: number; speaker: string } | undefined;
  for (const span of spans) {
    while (si < srcs.length && srcs[si].sentence.end < span.end) {
      // Remember the last person named before this sentence (for "she said").
      if (si > personSrc) {
        const p = personAt(srcs[si]);
        if (p) lastPerson = p;
        personSrc = si;
      }
      si++;
    }
    const src = srcs[si];
    if (!src) continue;
    // A quote over several sentences of one paragraph cites them all.
    let source = src.text;
    if (span.start < src.sentence.start) {
      let sj = si;
      while (sj > 0 && srcs[sj - 1].sentence.end > span.start) sj--;
      if (sj === si || srcs[sj].paragraph !== src.paragraph || span.start < srcs[sj].sentence.start) continue;
      const from = text.indexOf(srcs[sj].text, srcs[sj].sentence.start);
      const to = text.indexOf(src.text, src.sentence.start) + src.text.length;
      if (from < 0 || to < from) continue;
      source = text.slice(from, to);
    }
    const qtext = text
      .slice(span.start, span.end)
      .replace(/[\s,.;:!?]+$/u, '')
      .trim();
    if (!/\p{L}/u.test(qtext) || !source.includes(qtext)) continue;
    const ctx = src.ctx;
    const qa = span.start < src.sentence.start ? 0 : ctx.tokenAt(span.start);
    const qb = ctx.tokenAt(span.end);
    const toks = src.sentence.tokens;
    const isSpeech = (n: string) => isVerbOfSaying(n);
    const isPerson = (id: string | undefined) => !!id && personIds.has(id);
    let speaker = attribute(text, ctx, qa, qb, speakers)?.id;
    // "He told reporters that … “…” and that the judge …": a pronoun opening a speech clause is the person last named.
    const pronounSays = /^(?:he|she|they)$/.test(toks[0]?.norm ?? '') && isSpeech(toks[1]?.norm ?? '') && qa > 1;
    if (pronounSays && !isPerson(speaker)) speaker = lastPerson ?? speaker;
    // A second quote of a sentence, with no speech verb since the first: the same speaker.
    if (prev && prev.src === src && !toks.slice(prev.end, qa).some((t) => isSpeech(t.norm))) speaker = prev.speaker;
    // "Professor Ana Ruiz, an economist at the Bank, said …": the person the sentence opens with, not the body in her apposition.
    if (speaker && !isPerson(speaker)) {
      const ms = ctx.mentions(sheet).filter((mm) => mm.at < qa);
      const opener = ms[0];
      if (opener && isPerson(opener.id) && ms.some((mm) => mm.id === speaker) && /^\s*,/.test(text.slice(toks[opener.at + opener.len - 1].end))) {
        const verb = toks.findIndex((t, i) => i >= opener.at + opener.len && i < qa && isSpeech(t.norm));
        if (verb >= 0 && /,\s*$/.test(text.slice(toks[verb - 1].end, toks[verb].start))) speaker = opener.id;
      }
    }
    if (!speaker) {
      // The subject of the speech verb that introduces the quote, however long the clause.
      let verb = -1;
      for (let i = qa - 1; i >= 0; i--) if (isSpeech(toks[i].norm)) {
        verb = i;
        break;
      }
      const after = verb < 0;
      if (verb < 0) for (let i = qb; i < Math.min(toks.length, qb + 4); i++) if (isSpeech(toks[i].norm)) {
        verb = i;
        break;
      }
      if (verb >= 0) {
        const before = ctx.mentions(sheet).filter((mm) => mm.at < verb && (mm.at < qa || mm.at >= qb) && sheet.entities.get(mm.id)?.type !== 'place');
        const person = before.find((mm) => personIds.has(mm.id));
        speaker = (person ?? before[0])?.id;
        // "“…,” said the trial's lead author, Professor Ana Ruiz": the person after the verb.
        if (!speaker && after) speaker = ctx.mentions(sheet).find((mm) => mm.at > verb && mm.at <= verb + 10 && personIds.has(mm.id) && ctx.sameClause(verb, mm.at))?.id;
        // "he said", "she told …": the last person named before.
        if (!speaker && toks.slice(Math.max(0, verb - 2), verb).some((t) => /^(?:he|she|they)$/.test(t.norm))) speaker = personAt(src) ?? lastPerson;
      }
    }
    // A sentence that is only a quote continues the previous speaker of the paragraph.
    if (!speaker && lastSpeaker && lastSpeaker.paragraph === src.paragraph && /^[\s“"‘'«„]*$/.test(text.slice(src.sentence.start, span.start))) speaker = lastSpeaker.id;
    const q: Quote = { id: nextId(slug(qtext, 4)), text: qtext, speaker: speaker ?? '', source };
    if (speaker) {
      lastSpeaker = { id: speaker, paragraph: src.paragraph };
      prev = { src, end: qb, speaker };
      quoted.push({ start: span.start, end: span.end, speaker });
      out.push(q);
    } else unresolved.push({ q, src });
  }
  // The same words quoted elsewhere with a speaker (a headline's quote, often a part of one): that speaker.
  const words = (t: string) => ` ${phraseWords(t).join(' ')} `;
  for (const { q } of unresolved) {
    const same = out.find((o) => o.text.toLowerCase() === q.text.toLowerCase()) ?? out.find((o) => words(o.text).includes(words(q.text)));
    if (same) out.push({ ...q, speaker: same.speaker });
    else notes.push(`quote “${q.text}” left out: no speaker found in “${q.source.slice(0, 80)}”`);
  }
  const position = (source: string) => text.indexOf(source);
  return out.sort((a, b) => position(a.source) - position(b.source));
}

// ---------------------------------------------------------------------------
// Settings
// ---------------------------------------------------------------------------

function findSettings(text: string, srcs: Src[], entities: Draft[], nextId: IdMaker): Setting[] {
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
      const triggers: string[] = [];
      for (let i = pi - 1; i >= Math.max(0, pi - 12) && triggers.length < 3; i--) {
        if (!src.ctx.sameClause(i, pi) && triggers.length) break;
        if (EVENTS.has(toks[i].norm) && !triggers.includes(toks[i].norm)) triggers.push(toks[i].norm);
      }
      if (!triggers.length) continue;
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
  return out;
}
