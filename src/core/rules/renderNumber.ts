/**
 * The text of a figure's fix: a verified value rendered in the draft's own style (separators,
 * scale word register, share forms such as `a quarter`, `25 per cent`, `one in four`).
 */
import { type NumberStyle } from '../mentions/numbers';
import { SCALE_FAMILIES, FRACTION_WORDS, numberToWords } from '../language/numberWords';

function withSeparators(n: number, sep: string, decimals: number): string {
  const fixed = n.toFixed(decimals);
  const [int, frac] = fixed.split('.');
  const grouped = sep ? int.replace(/\B(?=(\d{3})+(?!\d))/g, sep) : int;
  return frac ? `${grouped}.${frac}` : grouped;
}

function decimalsNeeded(x: number): number {
  for (let d = 0; d <= 3; d++) if (Math.abs(Number(x.toFixed(d)) - x) < 1e-9 * Math.max(1, Math.abs(x))) return d;
  return 3;
}

/** Renders a value for a digit mention, keeping the draft's thousands separator. */
export function renderDigits(value: number, style: NumberStyle): string {
  return withSeparators(value, style.sep, decimalsNeeded(value));
}

/** Picks the scale word of the draft's register for a value (`bn` family stays `bn`). */
export function scaleWordFor(scale: number, like: string): string {
  const lower = like.toLowerCase();
  const family = Object.values(SCALE_FAMILIES).find((f) => f.includes(lower)) ?? SCALE_FAMILIES.long;
  const idx = [1e3, 1e6, 1e9, 1e12].indexOf(scale);
  const word = family[idx] ?? SCALE_FAMILIES.long[idx];
  return like === like.toUpperCase() && like !== like.toLowerCase() ? word.toUpperCase() : word;
}

/** Renders a share in the draft's style: "a quarter", "25%", "25 per cent", "one in four". */
export function renderShare(value: number, style: NumberStyle, model: string): string | undefined {
  if (style.form === 'fraction') {
    for (const [v, one, many] of FRACTION_WORDS) {
      for (let n = 1; n < 10; n++) {
        if (Math.abs(n * v - value) < 1e-9) {
          const article = /^(a|one)\b/i.test(model) && n === 1 ? model.split(/[ -]/)[0] : numberToWords(n);
          return `${article}${model.includes('-') ? '-' : ' '}${n === 1 ? one : many}`;
        }
      }
    }
    return undefined;
  }
  if (style.form === 'in-n') {
    for (let d = 2; d <= 10; d++) {
      const n = Math.round(value * d);
      if (Math.abs(n / d - value) < 1e-9) {
        const digits = /\d/.test(model);
        const sep = /out of/i.test(model) ? ' out of ' : ' in ';
        return digits ? `${n}${sep}${d}` : `${numberToWords(n)}${sep}${numberToWords(d)}`;
      }
    }
    return undefined;
  }
  const pct = value * 100;
  if (style.form === 'words') return numberToWords(Math.round(pct));
  return withSeparators(pct, style.sep, decimalsNeeded(pct));
}
