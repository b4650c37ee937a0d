/**
 * The checking core: pure functions from (draft text, fact sheet) to findings as data.
 * No `vscode`, no `fs`: callers read files and hand over strings.
 */
export * from './types';
export { check, analyze } from './check';
export type { Analysis } from './check';
export { loadFactSheet, validateFactSheet, checkCitations, FactSheetError, MAX_SHEET_CHARS } from './factSheet';
export { allFacts, describeFact, findSourceSentence } from './describe';
export type { FactDescription } from './describe';
export { applyFixes, preferredEdits } from './applyFixes';
export { LineIndex } from './lineIndex';
