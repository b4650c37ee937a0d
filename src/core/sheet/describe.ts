import type { Entity, Fact, FactSheet } from '../types';

/** What a hover or a fact list shows about one fact. */
export interface FactDescription {
  factId: string;
  category: Fact['category'];
  /** Short label: "jobs cut by the council", "Ana Ruiz". */
  label: string;
  /** The verified wording. */
  verified: string;
  /** Who said or reported it, if known ("the city council"). */
  attribution?: string;
  /** The cited sentence of the reference article (or of `document`). */
  source: string;
  /** The story document the sentence is from (`story.documents`), when not the article: its id and title. */
  document?: { id: string; title: string };
  /** Where the verified wording sits inside `source` (UTF-16 offsets), if it does verbatim. */
  highlight?: { start: number; end: number };
}

/** Every fact of the sheet with its category. */
export function allFacts(sheet: FactSheet): Fact[] {
  return [
    ...sheet.entities.map((f) => ({ category: 'entity' as const, ...f })),
    ...sheet.figures.map((f) => ({ category: 'figure' as const, ...f })),
    ...sheet.dates.map((f) => ({ category: 'date' as const, ...f })),
    ...sheet.quotes.map((f) => ({ category: 'quote' as const, ...f })),
    ...sheet.settings.map((f) => ({ category: 'setting' as const, ...f })),
  ];
}

const descriptions = new WeakMap<FactSheet, Map<string, FactDescription>>();

/** Describes a fact for hovers and pickers; undefined for an unknown id. Computed once per sheet. */
export function describeFact(sheet: FactSheet, factId: string): FactDescription | undefined {
  let all = descriptions.get(sheet);
  if (!all) {
    all = new Map();
    for (const fact of allFacts(sheet)) all.set(fact.id, describe(sheet, fact));
    descriptions.set(sheet, all);
  }
  return all.get(factId);
}

function describe(sheet: FactSheet, fact: Fact): FactDescription {
  const factId = fact.id;
  const entity = (id?: string): Entity | undefined => (id ? sheet.entities.find((e) => e.id === id) : undefined);
  let label: string;
  let verified: string;
  let attribution: string | undefined;
  switch (fact.category) {
    case 'entity':
      label = fact.roles?.length ? `${fact.name}, ${fact.roles[0].title}` : fact.name;
      verified = fact.name;
      break;
    case 'figure':
      attribution = entity(fact.reportedBy)?.name;
      label = attribution ? `${fact.counts} (${attribution})` : fact.counts;
      verified = fact.text;
      break;
    case 'date':
      label = fact.event;
      verified = fact.text;
      break;
    case 'quote':
      attribution = entity(fact.speaker)?.name;
      label = `“${fact.text}”${attribution ? ` (${attribution})` : ''}`;
      verified = fact.text;
      break;
    case 'setting':
      label = fact.what;
      verified = entity(fact.entity)?.name ?? fact.entity;
      attribution = entity(fact.actor)?.name;
      break;
  }
  const at = fact.source.indexOf(verified);
  const lower = at >= 0 ? at : fact.source.toLowerCase().indexOf(verified.toLowerCase());
  return {
    factId,
    category: fact.category,
    label,
    verified,
    attribution,
    source: fact.source,
    document: fact.document ? { id: fact.document, title: sheet.story.documents?.find((d) => d.id === fact.document)?.title ?? fact.document } : undefined,
    highlight: lower >= 0 ? { start: lower, end: lower + verified.length } : undefined,
  };
}

/** Which story document a fact's cited sentence comes from, for a hover ("Source: Court transcript, day 4"); undefined for the article. */
export function sourceLabel(description: Pick<FactDescription, 'document'>): string | undefined {
  return description.document ? `Source: ${description.document.title}` : undefined;
}

/** Offsets of a cited sentence in the article text, or undefined if it is not there verbatim. */
export function findSourceSentence(article: string, sentence: string): { start: number; end: number } | undefined {
  const at = article.indexOf(sentence);
  return at < 0 ? undefined : { start: at, end: at + sentence.length };
}
