/**
 * The checking core: pure functions from (draft text, fact sheet) to findings as data.
 * No `vscode`, no `fs`: callers read files and hand over strings.
 */
export * from './types';
export { check, analyze } from './check';
export type { Analysis } from './check';
export { loadFactSheet, validateFactSheet, checkCitations, FactSheetError, MAX_SHEET_CHARS, SHEET_LIMIT_WHY } from './factSheet';
export { allFacts, describeFact, findSourceSentence } from './describe';
export type { FactDescription } from './describe';
export { applyFixes, preferredEdits } from './applyFixes';
export { LineIndex } from './lineIndex';
export { FRONT_MATTER } from './text';
export { printable } from './printable';
export {
  CONFIG_FILE_NAME,
  ConfigError,
  DEFAULT_DRAFT_GLOBS,
  LEVELS,
  LEVEL_SEVERITY,
  configCheckOptions,
  frontMatterFactSheet,
  isDraftIncluded,
  isIncluded,
  parseProjectConfig,
  ignoreEntryFor,
  sameIgnore,
  sheetForDraft,
  storySheets,
  validateProjectConfig,
  withoutIgnored,
  withoutOffRules,
} from './config';
export type { IgnoreEntry, Level, ProjectConfig, SheetMapping } from './config';
export { coverage } from './coverage';
export type { CoverageReport, Span, UnknownItem } from './coverage';
export { extractFactSheet, extractFacts } from './extract';
export type { ExtractOptions, Extraction } from './extract';
export { matchStory, pickStory, STORY_THRESHOLD } from './storyMatch';
export type { StoryMatch } from './storyMatch';
