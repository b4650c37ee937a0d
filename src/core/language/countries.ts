/**
 * Countries, their capitals and their currencies, from countries-list (ISO 3166-1 countries with
 * their capital cities and ISO 4217 currency codes): what tells "Beijing said its trade …" (China's)
 * from "Ankara said its trade …" (another country's), and "CNY 232 billion" from a count.
 */
import { countries } from 'countries-list';

let capitals: Map<string, string> | undefined;
let codes: Set<string> | undefined;

/** The country (its English name, lower case) whose capital a lower-case word or phrase is ("beijing" → "china"). */
export function countryOfCapital(norm: string): string | undefined {
  if (!capitals) {
    capitals = new Map();
    for (const c of Object.values(countries)) if (c.capital) capitals.set(c.capital.toLowerCase(), c.name.toLowerCase());
  }
  return capitals.get(norm);
}

/** Whether a code in capitals is an ISO 4217 currency code some country uses ("EUR", "CNY"). */
export function isCurrencyCode(code: string): boolean {
  if (!codes) {
    codes = new Set();
    for (const c of Object.values(countries)) for (const x of c.currency) codes.add(x);
  }
  return codes.has(code);
}
