/**
 * The extractor's working data, shared by its stages: a cited sentence (`Src`), a capitalised
 * word and run of them, an entity being drafted with the evidence for its type (`Draft`), and
 * where a quote with a known speaker stands (`QuotedSpan`). Proposes nothing itself.
 */
import { SentenceContext } from '../claims/context';
import type { Sentence } from '../text/sentences';
import type { Entity } from '../types';

export interface Src {
  index: number;
  sentence: Sentence;
  /** The sentence as cited: the article's own characters, block markers left out. */
  text: string;
  ctx: SentenceContext;
  /** Whether the sentence is the headline. */
  headline: boolean;
  paragraph: number;
}

/** A capitalised word of a sentence. */
export interface Cap {
  text: string;
  start: number;
  end: number;
}

/** A run of capitalised words read as one name (with the title and qualifier found before it). */
export interface NameRun {
  src: Src;
  words: Cap[];
  title?: string;
  qualifier?: string;
}

export interface Draft {
  entity: Entity;
  evidence: Set<string>;
  first: Src;
  order: number;
  /** Names of it the runs read, and how many of them name it as where someone works ("a physician at St Anne's Hospital"). */
  uses?: number;
  workplaces?: number;
  /** Whose role the person holds, as the article words it ("KVR's", "its", "of the union"), where the role speaks for it. */
  owners?: { phrase: string; src: Src }[];
  /** Sentences that call it by a common noun in a possessive ("The firm's research director"), and the noun. */
  calledIn?: { noun: string; src: Src }[];
}

/** Where a quote with a known speaker stands in the article. */
export interface QuotedSpan {
  start: number;
  end: number;
  speaker: string;
}

/** Evidence that already says what a name is other than a firm (a person, a place, a body, an outlet, a channel). */
export const TYPED_EVIDENCE = ['person', 'place', 'outlet', 'locative', 'body', 'channel'] as const;
