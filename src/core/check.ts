import { compile } from './compile';
import { SentenceContext } from './context';
import { checkDates } from './dates';
import { checkFigure } from './figures';
import { checkNames } from './names';
import { findMentions } from './numbers';
import type { Pass } from './pass';
import { checkQuotes } from './quotes';
import { maskText, splitSentences } from './text';
import { DEFAULT_SEVERITY, type CheckOptions, type Confirmation, type FactSheet, type Finding } from './types';

/** Findings plus the spans that agree with the facts. */
export interface Analysis {
  findings: Finding[];
  confirmations: Confirmation[];
}

/**
 * Checks a draft against the fact sheet. Returns findings sorted by position, each with
 * UTF-16 offsets into `text`, a rule id, a message and fixes as data.
 */
export function check(text: string, sheet: FactSheet, options: CheckOptions = {}): Finding[] {
  return analyze(text, sheet, options).findings;
}

/** Like {@link check}, and also returns the spans that match verified facts (for hovers). */
export function analyze(text: string, sheet: FactSheet, options: CheckOptions = {}): Analysis {
  const compiled = compile(sheet);
  const masked = maskText(text, options.markdown ?? true);
  const sentences = splitSentences(masked);
  const findings: Finding[] = [];
  const confirmations: Confirmation[] = [];

  const mentions = findMentions(masked);
  let si = 0;
  const contexts = sentences.map((s) => new SentenceContext(s, masked));
  for (const m of mentions) {
    while (si < sentences.length && sentences[si].end <= m.start) si++;
    if (si >= sentences.length) break;
    if (sentences[si].start > m.start) continue;
    checkFigure(m, contexts[si], compiled, text, findings, confirmations);
  }
  const pass: Pass = { text, masked, contexts, sheet: compiled, findings, confirmations };
  checkDates(pass);
  checkNames(pass);
  checkQuotes(pass, options.reportUnverifiedQuotes ?? true);

  const severities = { ...DEFAULT_SEVERITY, ...options.severities };
  const seen = new Set<string>();
  const out = findings
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .filter((f) => {
      const key = `${f.start}:${f.end}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((f) => ({ ...f, severity: severities[f.ruleId] }));
  return { findings: out, confirmations: confirmations.sort((a, b) => a.start - b.start) };
}
