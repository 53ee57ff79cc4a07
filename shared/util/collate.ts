/**
 * Compares strings as `a.localeCompare(b)` does (the default locale's collation), through one shared
 * Intl.Collator: the same order, without building collation state on every call. Sorting 74k ties
 * with `localeCompare` took hundreds of milliseconds; this makes it a few tens.
 */
const collator = new Intl.Collator();
export const collate = collator.compare;
