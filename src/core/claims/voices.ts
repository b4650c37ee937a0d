/**
 * Stage 3, claims: a place or a body that speaks. "Iran acknowledges 6,872": a country said to say
 * something speaks through the one reporter of the sheet named after it ("Iranian authorities");
 * "The council says …", where only its leader reports figures, speaks through him.
 */
import { sameVoice, type CompiledSheet } from '../sheet/compile';
import { phraseWords } from '../text/tokens';

const countryVoices = new WeakMap<CompiledSheet, Map<string, string | undefined>>();
/** The one reporter whose name starts with a form of the place's name ("Iranian authorities" for Iran), or who speaks for the body, if exactly one. */
export function countryVoice(sheet: CompiledSheet, place: string): string | undefined {
  let memo = countryVoices.get(sheet);
  if (!memo) countryVoices.set(sheet, (memo = new Map()));
  if (memo.has(place)) return memo.get(place);
  const e = sheet.entities.get(place);
  let voice: string | undefined;
  if (e?.type === 'place') {
    const stem = phraseWords(e.name)[0] ?? '';
    const voices = [...sheet.reporters].filter((id) => {
      const first = phraseWords(sheet.entities.get(id)?.name ?? '')[0] ?? '';
      return stem.length >= 3 && first !== stem && first.startsWith(stem.slice(0, Math.max(3, stem.length - 1)));
    });
    voice = voices.length === 1 ? voices[0] : undefined;
  } else if (e?.type === 'organisation' || e?.type === 'body') {
    const voices = [...sheet.reporters].filter((id) => sameVoice(sheet, id, place));
    voice = voices.length === 1 ? voices[0] : undefined;
  }
  memo.set(place, voice);
  return voice;
}
