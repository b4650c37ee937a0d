/** Names shared by every part of the editor adapter: one prefix everywhere. */

/** Prefix of commands and settings. */
export const PREFIX = 'factCheck';

/** Display name: diagnostic source, output channel, command category. */
export const DISPLAY_NAME = 'Newsroom Fact Check';

export { RULE_DOCS_BASE } from '../core/rules/ruleDocs';

/** Code action kind of the on-save "fix all" (`editor.codeActionsOnSave`). */
export const FIX_ALL_KIND_SUFFIX = PREFIX;

export const Commands = {
  checkDraft: `${PREFIX}.checkDraft`,
  fixAll: `${PREFIX}.fixAll`,
  openReference: `${PREFIX}.openReference`,
  showFacts: `${PREFIX}.showFacts`,
  listIgnored: `${PREFIX}.listIgnored`,
  clearIgnored: `${PREFIX}.clearIgnored`,
  pickStory: `${PREFIX}.pickStory`,
  openSample: `${PREFIX}.openSample`,
  // Internal: run by code actions, not listed in the command palette.
  applyFix: `${PREFIX}.applyFix`,
  ignore: `${PREFIX}.ignore`,
} as const;
