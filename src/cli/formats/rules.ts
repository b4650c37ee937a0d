/** Rule metadata for machine-readable reports (SARIF): names, descriptions and help links. */
import type { RuleId } from '../../core';
import { RULE_DOCS_BASE } from '../../core/rules/ruleDocs';

export interface RuleInfo {
  /** PascalCase name, as SARIF suggests for `reportingDescriptor.name`. */
  name: string;
  short: string;
  full: string;
}

export const RULE_INFO: Readonly<Record<RuleId, RuleInfo>> = {
  'number-mismatch': {
    name: 'NumberMismatch',
    short: 'A figure differs from the verified one.',
    full: 'A count, amount, share or year contradicts the fact it refers to, read with its qualifier ("more than", "about") and scale; the fix rewrites the figure in the draft\'s own style.',
  },
  'date-mismatch': {
    name: 'DateMismatch',
    short: 'A date phrase differs from the verified one.',
    full: 'A date phrase for a dated event of the story differs from the verified phrase ("early" for "late", "two years ago" for "last year").',
  },
  'name-mismatch': {
    name: 'NameMismatch',
    short: 'A name is misspelt.',
    full: 'A near miss of a verified name of a person, organisation, outlet, channel or place; the fix restores the verified spelling.',
  },
  'role-mismatch': {
    name: 'RoleMismatch',
    short: 'A title is given to the wrong person.',
    full: 'A title bound to a person other than the one the fact sheet gives it to.',
  },
  'place-mismatch': {
    name: 'PlaceMismatch',
    short: 'A place, outlet or channel differs from the verified one.',
    full: 'For an event whose setting the fact sheet records, the draft names a different place, outlet or channel.',
  },
  'quote-mismatch': {
    name: 'QuoteMismatch',
    short: 'A quote differs from the verified wording.',
    full: 'A quotation close to a verified quote but not the same; the fix restores the verified words inside the draft\'s own quote marks.',
  },
  'quote-misattributed': {
    name: 'QuoteMisattributed',
    short: 'A verified quote is attributed to the wrong speaker.',
    full: 'A verified quote attributed in the same sentence to someone other than its speaker.',
  },
  'quote-unverified': {
    name: 'QuoteUnverified',
    short: 'A quote is not in the verified facts.',
    full: 'A quotation of three words or more that is not in the verified facts: confirm it from another source before publication.',
  },
};

export const ruleHelpUri = (id: RuleId) => `${RULE_DOCS_BASE}#rule-${id}`;
export const README_URI = RULE_DOCS_BASE;
