declare module 'wink-lexicon/src/irregular-verbs.js' {
  /** Irregular verb forms to their base form ("broke" → "break"). */
  const irregularVerbs: Record<string, string>;
  export default irregularVerbs;
}

declare module 'wink-lexicon/src/lexicon.js' {
  /**
   * wink-lexicon's lexicon of common English words, as esbuild.mjs bundles it: "word:classes"
   * entries separated by spaces (classes: n noun, v verb, j adjective, r adverb, p proper noun, o other).
   */
  const compact: string;
  export default compact;
}
