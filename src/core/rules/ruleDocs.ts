/** Base of the rule documentation, shared by the editor and the CLI's reports; each rule has a README anchor `#rule-<id>`. */
export const RULE_DOCS_BASE = 'https://github.com/newsroom-tools/newsroom-fact-check/blob/main/README.md';
