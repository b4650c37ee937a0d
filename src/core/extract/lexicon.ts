/**
 * The extractor's vocabulary: general English news words (title heads and modifiers, role nouns,
 * the last words of organisations, outlets and places, report and speech verbs, stop words),
 * never names of a story, and small word helpers (possessives, acronyms, initials). Receives
 * nothing; every stage of `extract/` reads it.
 */
import { SPEECH } from '../claims/attribution';

export const words = (s: string) => new Set(s.split(/\s+/).filter(Boolean));

/** Capitalised words that start sentences but name nothing. */
export const STOP_CAPS = words(`a an the this that these those there here it its he she they we i you his her their our my your
  in on at by for from with without into onto over under after before during since until while when where whereas as if
  but and or nor so yet though although however despite meanwhile moreover furthermore also still then thus instead
  according speaking asked contradicting simultaneously overall nonetheless nevertheless today yesterday tomorrow
  some many most several few all both each every no not none one two three mr ms mrs`);

/** Head words of titles ("Foreign Minister", "Fire Chief", "President"). */
export const TITLE_HEADS = words(`president minister mayor governor senator secretary chancellor councillor councilor chief director
  commissioner chairman chairwoman chair chairperson spokesman spokeswoman spokesperson judge justice general colonel captain
  coach manager sheriff inspector superintendent professor dr mr mrs ms sir dame lord lady king queen prince princess pope
  bishop rabbi imam ambassador envoy prosecutor attorney representative rep sen gov premier officer executive speaker leader
  sergeant lieutenant admiral marshal commander treasurer auditor clerk trustee editor ceo cfo founder owner`);

/** Words that may stand inside a title before its head ("Foreign", "Deputy", "Fire"). */
export const TITLE_MODIFIERS = words(`foreign finance defence defense prime deputy vice interior health education fire police chief
  executive home trade energy environment labour labor culture transport economy agriculture sports assistant acting former
  first supreme head senior general managing regional attorney press communications state associate interim district
  county city national lord grand high`);

/** Lower-case role nouns that may stand before a name ("envoy Ana Ruiz", "striker Ana Ruiz"). */
export const ROLE_NOUNS = words(`envoy son-in-law daughter-in-law father-in-law brother-in-law sister-in-law wife husband son daughter
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
export const ORG_WORDS = words(`agency association council ministry department committee commission party union bank company corporation
  corp inc ltd llc plc group holdings trust foundation institute university college school court service authority board
  office bureau fund club fc afc united rovers athletic wanderers rangers albion society federation league organisation
  organization network coalition alliance assembly parliament congress senate army navy police forces guard chemicals
  industries airlines airways motors systems technologies labs laboratories partners capital energy pharmaceuticals foods
  brands media railways railway railroad rail transit buses pharma pharmaceutical biotech therapeutics insurance investments
  securities ventures solutions software telecom electric power utilities mining oil gas steel construction logistics
  shipping studios publishing hotels resorts stores supermarkets brewery co llp grid networks electronics
  communications telecoms aerospace automotive semiconductors robotics retail textiles chemical petroleum
  tribunal inspectorate regulator cabinet legislature`);

/** Last words that make an organisation a public body ("City Council", "Supreme Court"). */
export const PUBLIC_BODY_WORDS = words('council parliament assembly senate congress ministry department court police government cabinet legislature board commission tribunal inspectorate regulator');

/** Place words that, inside a body's name, follow the place it serves ("Ashford City Council"). */
export const JURISDICTION_WORDS = words('city county town borough state province district region municipality');

/** Words that make a name an outlet. */
export const OUTLET_WORDS = words(`news times post courier herald gazette journal tribune telegraph chronicle observer standard mirror
  express radio tv television broadcasting broadcaster magazine daily weekly review press wire fm`);

/** Words that make a name a place. */
export const PLACE_WORDS = words(`street road lane avenue square park bridge airport station stadium arena port bay river lake mount
  mountains island islands city county province state states republic kingdom valley harbour harbor east west north south
  gulf sea ocean hospital district region territory peninsula coast heights hills village town borough junction depot
  terminal quay pier wharf plaza mall market crescent close drive way row place gardens green common estate`);

/** Lower-case words after a name that make it a channel ("her Telegram channel"). */
export const CHANNEL_AFTER = words('channel account feed page profile handle');

/** Words before an outlet's name ("told", "an interview with", "speaking to", "an appearance on"). */
export const OUTLET_CUES = words('told appearance appeared interview interviewed speaking spoke speaks broadcast aired tells telling published publishes publication');

/** Outlet cues that say where something was published, not who spoke to it. */
export const PUBLISH_CUES = words('published publishes publication');

/** Collective nouns that report or speak as a body ("state media", "the authorities"). */
export const BODY_HEADS = words('authorities officials police government media service records figures data statistics prosecutors investigators regulators inspectors ministry');

/** Words that may qualify a body ("county health service", "state media"). */
export const BODY_MODIFIERS = words('state federal local county city regional national provincial municipal fire official government league public');

/** Verbs by which a subject reports a figure or a statement. */
export const REPORT_VERBS = words(`said says say reported reports report acknowledged acknowledges announced announces estimated estimates
  counted counts recorded records documented documents confirmed confirms published publishes verified found finds showed shows
  put puts listed lists logged claimed claims stated states`);

/** Further verbs of speech, beyond the checker's. */
export const MORE_SPEECH = words('emphasized emphasised stressed explained announced acknowledged warned urged asked replied answered admitted conceded suggested');

export const LOCATIVE = words('in at near outside inside across off');

/** Words after a capitalised word that show it is a noun, not an adjective before one ("Ruiz is", "Ruiz and"). */
const NOT_NOUN = words(`is are was were has have had will would could should can may might must did does do and or but nor of to
  in on at by for from with as than that which who whom whose while when where because if after before since until said says`);

/** Whether token `t` after a capitalised word reads as the noun it qualifies ("Martian rovers", "official Ruiz channel"). */
export const nounAfter = (t: { text: string; norm: string } | undefined, gap: string) =>
  !!t && /^\p{Ll}/u.test(t.text) && /^[ \t]+$/.test(gap) && !NOT_NOUN.has(t.norm) && !SPEECH.has(t.norm) && !REPORT_VERBS.has(t.norm) && !/ed$/.test(t.norm);

export const DEMONYM_SUFFIX = /(?:ian|ean|ese|ish|an|i)$/;

export const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';

export const WEEKDAYS = 'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday';

export const CALENDAR = new Set(`${MONTHS}|${WEEKDAYS}`.toLowerCase().split('|'));

/** Strips a possessive ending: `Ruiz’s` → `Ruiz`, `Jones’` → `Jones`. */
export const bare = (w: string) => w.replace(/['’]s$/, '').replace(/(?<=s)['’]$/, '');

export const isPossessive = (w: string) => /['’]s$/.test(w) || /s['’]$/.test(w);

export const lower = (w: string) => bare(w).toLowerCase();

export const isAcronym = (w: string) => /^(?:\p{Lu}\.){2,}$|^\p{Lu}{2,6}$/u.test(w);

export const initials = (ws: string[]) => ws.map((w) => w[0]).join('');

export const lastWord = (s: string) => s.split(/\s+/).pop()!.toLowerCase();

/** Forms of speech verbs beyond the checker's: participles ("telling", "saying") and verbs of forecasting. */
const SPEECH_FORMS = words(`saying telling adding insisting claiming arguing warning noting stating writing explaining reporting
  estimating predicting predicted predicts forecast forecasts expects expected believes believed argued insisted added noted
  suggested says`);

export const isVerbOfSaying = (n: string | undefined) => !!n && (SPEECH.has(n) || MORE_SPEECH.has(n) || REPORT_VERBS.has(n) || SPEECH_FORMS.has(n));

export const LINKING = words('totaling totalling totalled totaled of at to reached reaching was were is are numbering by stood stands about around some nearly almost over more than');

export const AFTER_STOP = words('came went got made took gave saw left fell grew won lost ran met held brought bought sold became began hit cut set under over about into across per each them it they this these those last next while and but as with which who that after before when where because since until for from on at by to than is was were are has have had been be will would could');
