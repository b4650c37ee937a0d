/**
 * Fact ids: receives a phrase (a name, what a figure counts, a quote's words) and proposes a slug
 * for it, made unique across the whole sheet by one {@link IdMaker} per extraction.
 */


export const slug = (s: string, max = 5) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .slice(0, max)
    .join('-') || 'fact';

/** Makes ids unique across the whole sheet: `base`, else `base-2`, `base-3`… (whatever kind took it). */
export type IdMaker = (base: string) => string;

export function ids(): IdMaker {
  const taken = new Set<string>();
  return (base) => {
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    return id;
  };
}
