/**
 * The checking core: pure functions from (draft text, fact sheet) to findings as data.
 * No `vscode`, no `fs`: callers read files and hand over strings.
 */
export * from './types';
export { check, analyze } from './check';
export type { Analysis } from './check';
export { loadFactSheet, validateFactSheet, checkCitations, FactSheetError, MAX_SHEET_CHARS, SHEET_LIMIT_WHY } from './sheet/factSheet';
export { allFacts, describeFact, findSourceSentence, sourceLabel } from './sheet/describe';
export type { FactDescription } from './sheet/describe';
export { applyFixes, preferredEdits } from './fixes/applyFixes';
export { LineIndex } from './text/lineIndex';
export { FRONT_MATTER } from './text/mask';
export { printable } from './text/printable';
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
} from './sheet/config';
export type { IgnoreEntry, Level, ProjectConfig, SheetMapping } from './sheet/config';
export { coverage } from './extract/coverage';
export type { CoverageReport, Span, UnknownItem } from './extract/coverage';
export { extractFactSheet, extractFacts } from './extract/extract';
export type { ExtractOptions, Extraction } from './extract/extract';
export { matchStory, pickStory, STORY_THRESHOLD } from './sheet/storyMatch';
export type { StoryMatch } from './sheet/storyMatch';
