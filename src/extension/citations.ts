/**
 * Every fact's `source` must be a sentence of its article, verbatim. A seam on purpose: when the
 * core gains its own citation check (shared with the CLI), this delegates to it. No `vscode`.
 */
import { findSourceSentence, type FactSheet } from '../core';

/** Problems (`$.figures[2].source: …`) for cited sentences missing from the article text. */
export function citationProblems(sheet: FactSheet, articleText: string, articleName: string): string[] {
  const problems: string[] = [];
  const sections = ['entities', 'figures', 'dates', 'quotes', 'settings'] as const;
  for (const section of sections) {
    sheet[section].forEach((fact, i) => {
      if (!findSourceSentence(articleText, fact.source)) problems.push(`$.${section}[${i}].source: the cited sentence is not in the article ${articleName}`);
    });
  }
  return problems;
}
