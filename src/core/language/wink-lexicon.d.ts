declare module 'wink-lexicon/src/irregular-verbs.js' {
  /** Irregular verb forms to their base form ("broke" → "break"). */
  const irregularVerbs: Record<string, string>;
  export default irregularVerbs;
}
