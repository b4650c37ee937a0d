/**
 * The project file (`.factcheck.json`) that the editor and the CLI share: which fact sheet applies
 * to which drafts, which drafts to check, and each rule's level. Pure: callers find and read the
 * file and hand over its text; paths stay as written (relative to the file's directory).
 *
 * Two shapes are accepted:
 *   [{ "drafts": "stories/budget/**", "facts": "stories/budget/facts.json" }]
 *   { "sheets": [...], "facts": "default.json", "include": [...], "exclude": [...],
 *     "severity": { "quote-unverified": "off" }, "reportUnverifiedQuotes": true }
 */
import { minimatch } from 'minimatch';
import { jsonSyntaxError } from './factSheet';
import { FRONT_MATTER } from '../text/mask';
import { RULE_IDS, type CheckOptions, type Finding, type RuleId, type Severity } from '../types';

export const CONFIG_FILE_NAME = '.factcheck.json';

/** A rule's level as users write it; `off` hides the rule. `info` is accepted for `information`. */
export type Level = 'error' | 'warning' | 'information' | 'hint' | 'off';
export const LEVELS: readonly Level[] = ['error', 'warning', 'information', 'hint', 'off'];

/** One mapping: drafts matched by any of `drafts` (globs relative to the config) use `facts`. */
export interface SheetMapping {
  drafts: string[];
  facts: string;
}

export interface ProjectConfig {
  /** Mappings in file order; the first that matches a draft wins. */
  sheets: SheetMapping[];
  /** Sheet for drafts no mapping matches (default: the story each draft is about, see `stories`). */
  facts?: string;
  /**
   * More sheets (besides the mapped ones and the bundled story) that a draft no mapping matches
   * is matched against: it is checked against the one it is about, if any (see storyMatch.ts).
   */
  stories?: string[];
  /** Globs of drafts to check (relative to the config); absent: every Markdown and text file. */
  include?: string[];
  /** Globs of drafts never to check. */
  exclude?: string[];
  severity: Partial<Record<RuleId, Level>>;
  reportUnverifiedQuotes?: boolean;
  /** Divergences the desk chose to ignore, shared by the editor and the CLI. */
  ignore: IgnoreEntry[];
}

/**
 * One ignored divergence: keyed by what was flagged rather than where, so it survives edits
 * elsewhere in the draft and lapses when the flagged wording changes.
 */
export interface IgnoreEntry {
  /** The draft's path relative to the config's directory, with `/`. */
  draft: string;
  rule: RuleId;
  /** Id of the fact the finding refers to. */
  fact: string;
  /** The draft's flagged wording. */
  text: string;
}

/** The config file is malformed. `problems` lists each issue with its JSON path. */
export class ConfigError extends Error {
  constructor(
    message: string,
    readonly problems: string[] = [message],
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const TOP_KEYS = ['$schema', 'sheets', 'facts', 'stories', 'include', 'exclude', 'severity', 'reportUnverifiedQuotes', 'ignore'];
const IGNORE_KEYS = ['draft', 'rule', 'fact', 'text'];

/** Parses and validates a project file's text; throws {@link ConfigError} naming every problem. */
export function parseProjectConfig(json: string): ProjectConfig {
  let data: unknown;
  try {
    data = JSON.parse(json.charCodeAt(0) === 0xfeff ? json.slice(1) : json);
  } catch (e) {
    throw new ConfigError(`$: not valid JSON: ${jsonSyntaxError(json.charCodeAt(0) === 0xfeff ? json.slice(1) : json, (e as Error).message)}`);
  }
  return validateProjectConfig(data);
}

export function validateProjectConfig(data: unknown): ProjectConfig {
  const problems: string[] = [];
  const err = (path: string, what: string) => problems.push(`${path}: ${what}`);
  const nonEmpty = (v: unknown) => typeof v === 'string' && v.trim() !== '';
  const globs = (v: unknown, path: string): string[] | undefined => {
    const list = typeof v === 'string' ? [v] : v;
    if (!Array.isArray(list) || !list.length) {
      err(path, 'must be a glob or a non-empty list of globs');
      return undefined;
    }
    list.forEach((g, i) => nonEmpty(g) || err(`${path}[${i}]`, 'must be a non-empty string'));
    return list.filter(nonEmpty) as string[];
  };

  const root: Obj | undefined = Array.isArray(data) ? { sheets: data } : isObj(data) ? data : undefined;
  if (!root) throw new ConfigError('$: must be an object or a list of {"drafts", "facts"} mappings');
  const path0 = Array.isArray(data) ? '$' : '$.sheets';
  for (const key of Object.keys(root)) if (!TOP_KEYS.includes(key)) err(`$.${key}`, `unknown property (allowed: ${TOP_KEYS.join(', ')})`);

  const sheets: SheetMapping[] = [];
  if (root.sheets !== undefined) {
    if (!Array.isArray(root.sheets)) err(path0, 'must be a list of {"drafts", "facts"} mappings');
    else
      root.sheets.forEach((m, i) => {
        const p = `${path0}[${i}]`;
        if (!isObj(m)) return err(p, 'must be an object with "drafts" and "facts"');
        for (const key of Object.keys(m)) if (key !== 'drafts' && key !== 'facts') err(`${p}.${key}`, 'unknown property (allowed: drafts, facts)');
        const drafts = m.drafts === undefined ? (err(`${p}.drafts`, 'is required'), undefined) : globs(m.drafts, `${p}.drafts`);
        if (!nonEmpty(m.facts)) err(`${p}.facts`, 'must be the path of a fact sheet');
        if (drafts && nonEmpty(m.facts)) sheets.push({ drafts, facts: m.facts as string });
      });
  }
  const config: ProjectConfig = { sheets, severity: {}, ignore: [] };
  if (root.facts !== undefined) {
    if (nonEmpty(root.facts)) config.facts = root.facts as string;
    else err('$.facts', 'must be the path of a fact sheet');
  }
  for (const key of ['include', 'exclude'] as const) if (root[key] !== undefined) config[key] = globs(root[key], `$.${key}`);
  if (root.stories !== undefined) {
    const list = typeof root.stories === 'string' ? [root.stories] : root.stories;
    if (!Array.isArray(list)) err('$.stories', 'must be a list of fact sheet paths');
    else {
      list.forEach((g, i) => nonEmpty(g) || err(`$.stories[${i}]`, 'must be the path of a fact sheet'));
      config.stories = list.filter(nonEmpty) as string[];
    }
  }
  if (root.severity !== undefined) {
    if (!isObj(root.severity)) err('$.severity', 'must be an object of rule ids to levels');
    else
      for (const [rule, level] of Object.entries(root.severity)) {
        const p = `$.severity.${rule}`;
        const lv = level === 'info' ? 'information' : level;
        if (!(RULE_IDS as readonly string[]).includes(rule)) err(p, `unknown rule (rules: ${RULE_IDS.join(', ')})`);
        else if (!LEVELS.includes(lv as Level)) err(p, `must be one of ${LEVELS.join(', ')} (info is accepted for information)`);
        else config.severity[rule as RuleId] = lv as Level;
      }
  }
  if (root.ignore !== undefined) {
    if (!Array.isArray(root.ignore)) err('$.ignore', 'must be a list of {"draft", "rule", "fact", "text"} entries');
    else
      root.ignore.forEach((item, i) => {
        const p = `$.ignore[${i}]`;
        if (!isObj(item)) return err(p, 'must be an object with "draft", "rule", "fact" and "text"');
        for (const key of Object.keys(item)) if (!IGNORE_KEYS.includes(key)) err(`${p}.${key}`, `unknown property (allowed: ${IGNORE_KEYS.join(', ')})`);
        let ok = true;
        for (const key of IGNORE_KEYS) if (typeof item[key] !== 'string' || (key !== 'text' && !nonEmpty(item[key]))) (ok = false), err(`${p}.${key}`, key === 'text' ? 'must be a string' : 'must be a non-empty string');
        if (ok && !(RULE_IDS as readonly string[]).includes(item.rule as string)) (ok = false), err(`${p}.rule`, `unknown rule (rules: ${RULE_IDS.join(', ')})`);
        if (ok) config.ignore.push({ draft: posix(item.draft as string), rule: item.rule as RuleId, fact: item.fact as string, text: item.text as string });
      });
  }
  if (root.reportUnverifiedQuotes !== undefined) {
    if (typeof root.reportUnverifiedQuotes !== 'boolean') err('$.reportUnverifiedQuotes', 'must be true or false');
    else config.reportUnverifiedQuotes = root.reportUnverifiedQuotes;
  }
  if (problems.length) throw new ConfigError(problems.join('; '), problems);
  return config;
}

const posix = (p: string) => p.replace(/\\/g, '/').replace(/^(?:\.\/)+/, '');
const matches = (rel: string, glob: string) => minimatch(posix(rel), posix(glob), { dot: true });

/**
 * Every sheet a config names (its mappings' sheets, then `stories`), in file order without
 * repeats: the stories a draft that no mapping matches may be about.
 */
export function storySheets(config: ProjectConfig | undefined): string[] {
  return [...new Set([...(config?.sheets.map((m) => m.facts) ?? []), ...(config?.stories ?? [])])];
}

/** The sheet path (relative to the config) that applies to a draft path relative to the config. */
export function sheetForDraft(config: ProjectConfig, draftRelativePath: string): string | undefined {
  for (const m of config.sheets) if (m.drafts.some((g) => matches(draftRelativePath, g))) return m.facts;
  return config.facts;
}

export const DEFAULT_DRAFT_GLOBS = ['**/*.md', '**/*.markdown', '**/*.txt'];

/** Whether a relative path (either separator) matches one of `include` and none of `exclude`. */
export function isIncluded(relativePath: string, include: readonly string[], exclude: readonly string[]): boolean {
  return include.some((g) => matches(relativePath, g)) && !exclude.some((g) => matches(relativePath, g));
}

/** Whether the config's include/exclude globs let a draft (path relative to the config) be checked. */
export function isDraftIncluded(config: ProjectConfig | undefined, draftRelativePath: string): boolean {
  return isIncluded(draftRelativePath, config?.include ?? DEFAULT_DRAFT_GLOBS, config?.exclude ?? []);
}

const FACTS_KEY = /^(?:facts|fact-?sheet|factcheck-facts)[ \t]*:[ \t]*(.*?)[ \t]*$/im;

/**
 * The fact sheet a draft names in its YAML front matter (`facts: ../budget/facts.json`),
 * relative to the draft, or undefined.
 */
export function frontMatterFactSheet(text: string): string | undefined {
  const fm = FRONT_MATTER.exec(text);
  if (!fm) return undefined;
  const m = FACTS_KEY.exec(fm[1]);
  if (!m) return undefined;
  let value = m[1].replace(/[ \t]+#.*$/, '');
  if (/^(["']).*\1$/.test(value)) value = value.slice(1, -1);
  return value.trim() || undefined;
}

/** The core severity of each level but `off` (the editor's and the CLI's one mapping). */
export const LEVEL_SEVERITY: Readonly<Record<Exclude<Level, 'off'>, Severity>> = { error: 'error', warning: 'warning', information: 'info', hint: 'hint' };

/**
 * The core's options for a config's levels (rules set to `off` are absent from `severities`
 * and removed by {@link withoutOffRules}); explicit overrides (CLI flags, editor settings) win.
 */
export function configCheckOptions(config: ProjectConfig | undefined, markdown: boolean): CheckOptions {
  const severities: CheckOptions['severities'] = {};
  for (const [rule, level] of Object.entries(config?.severity ?? {}) as [RuleId, Level][]) if (level !== 'off') severities[rule] = LEVEL_SEVERITY[level];
  return { severities, reportUnverifiedQuotes: config?.reportUnverifiedQuotes ?? true, markdown };
}

/** The ignore entry of a finding of a draft (path relative to the config), as the quick fix writes it. */
export function ignoreEntryFor(draftRelativePath: string, text: string, finding: Pick<Finding, 'start' | 'end' | 'ruleId' | 'factId'>): IgnoreEntry {
  return { draft: posix(draftRelativePath), rule: finding.ruleId, fact: finding.factId, text: text.slice(finding.start, finding.end) };
}

export const sameIgnore = (a: IgnoreEntry, b: IgnoreEntry) => a.draft === b.draft && a.rule === b.rule && a.fact === b.fact && a.text === b.text;

/** Drops the findings the config's `ignore` list names for this draft (path relative to the config). */
export function withoutIgnored(config: ProjectConfig | undefined, draftRelativePath: string, text: string, findings: Finding[]): Finding[] {
  const rel = posix(draftRelativePath);
  const mine = config?.ignore.filter((i) => i.draft === rel) ?? [];
  if (!mine.length) return findings;
  return findings.filter((f) => !mine.some((i) => sameIgnore(i, ignoreEntryFor(rel, text, f))));
}

/** Drops findings of rules the config turns off. */
export function withoutOffRules(config: ProjectConfig | undefined, findings: Finding[]): Finding[] {
  const off = new Set(Object.entries(config?.severity ?? {}).filter(([, l]) => l === 'off').map(([r]) => r));
  return off.size ? findings.filter((f) => !off.has(f.ruleId)) : findings;
}
