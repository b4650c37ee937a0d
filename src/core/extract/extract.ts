/**
 * Proposes a fact sheet from a reference article: every figure with what it counts and who
 * reported it, every named person, organisation, body, outlet, channel and place with the roles
 * the text gives them, every quoted phrase with its speaker, date phrases, and where events
 * happened. Each fact cites its source sentence verbatim. The proposal is a draft for an editor
 * to review and trim; nothing in it is verified until a person saves it.
 *
 * This file is the orchestrator: it receives the article's text, splits it into cited sentences
 * (`Src`), and runs the stages in order, each in a file of its own: `entities.ts` (names and their
 * types and roles), `speakers.ts` (who speaks, reports and speaks for whom), `dates.ts`,
 * `quotes.ts`, `figures.ts` (with `figureContext.ts`: what a figure counts), `settings.ts`, then
 * `settle.ts` (the proposal must load and its own article must pass it). Shared words are in
 * `lexicon.ts`, ids in `ids.ts`, the working types in `model.ts`, name reading in `names.ts`.
 *
 * The rules are general (capitalisation, titles, appositives, prepositions, speech verbs): the
 * examples in comments are made up.
 */
import { compile, type CompiledSheet } from '../sheet/compile';
import { SentenceContext } from '../claims/context';
import { maskText } from '../text/mask';
import { splitSentences } from '../text/sentences';
import type { FactSheet } from '../types';
import { lastWord } from './lexicon';
import { slug, ids } from './ids';
import type { Src, QuotedSpan } from './model';
import { findEntities } from './entities';
import { REPORTS_FOR_ROLES, proposeSpeaksFor, speaksAt } from './speakers';
import { findDates } from './dates';
import { findFigures } from './figures';
import { findQuoteFacts } from './quotes';
import { findSettings } from './settings';
import { settle } from './settle';

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

  const { dates, dateSpans } = findDates(text, masked, srcs, nextId);

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
