declare module 'wink-lexicon/src/irregular-verbs.js' {
  /** Irregular verb forms to their base form ("broke" → "break"). */
  const irregularVerbs: Record<string, string>;
  export default irregularVerbs;
}

declare module 'wink-lexicon/src/lexicon.js' {
  /**
   * wink-lexicon's lexicon of common English words, as esbuild.mjs bundles it: a JSON text of
   * {"word": "classes"}, the classes commonest first (see WordClass in lexicon.ts).
   */
  const compact: string;
  export default compact;
}
