/**
 * Country names (English, lower case) the forecast recognises in an objective. Two or more of them,
 * or a phrase like "in three countries", mean work across borders: market entry, regulation and
 * localisation for each market.
 */
export const COUNTRY_NAMES = [
  'argentina', 'australia', 'austria', 'bangladesh', 'belgium', 'brazil', 'bulgaria', 'canada', 'chile', 'china', 'colombia', 'croatia', 'czechia',
  'denmark', 'egypt', 'estonia', 'ethiopia', 'finland', 'france', 'germany', 'ghana', 'greece', 'hungary', 'iceland', 'india', 'indonesia', 'ireland',
  'israel', 'italy', 'japan', 'jordan', 'kenya', 'latvia', 'lithuania', 'luxembourg', 'malaysia', 'mexico', 'morocco', 'netherlands', 'new zealand',
  'nigeria', 'norway', 'pakistan', 'peru', 'philippines', 'poland', 'portugal', 'romania', 'rwanda', 'saudi arabia', 'senegal', 'singapore', 'slovakia',
  'slovenia', 'south africa', 'south korea', 'spain', 'sweden', 'switzerland', 'taiwan', 'tanzania', 'thailand', 'tunisia', 'turkey', 'uganda', 'ukraine',
  'united arab emirates', 'united kingdom', 'united states', 'uruguay', 'vietnam', 'zambia', 'zimbabwe',
] as const;

const NAMES = new RegExp(`\\b(${COUNTRY_NAMES.map((c) => c.replace(/ /g, '\\s+')).join('|')})\\b`, 'g');

/** The distinct countries an objective (lower-cased) names. */
export function countriesIn(text: string): string[] {
  return [...new Set([...text.matchAll(NAMES)].map((m) => m[1].replace(/\s+/g, ' ')))];
}

/**
 * Matches objectives that work across several countries: "in three countries", "across 5 markets",
 * "multi-country", "worldwide", or two or more named countries (the match quotes them).
 */
export const SEVERAL_COUNTRIES: { exec(text: string): { 0: string } | null } = {
  exec(text) {
    const phrase = /\b(?:in|across|to|into|for)\s+(?:two|three|four|five|six|seven|eight|nine|ten|several|multiple|many|\d+)\s+(?:countries|markets|regions|nations|jurisdictions)\b|\bmulti[- ]?(?:country|market|national)\b|\bworldwide\b/.exec(text);
    if (phrase) return phrase;
    const named = countriesIn(text);
    return named.length >= 2 ? { 0: named.join(', ') } : null;
  },
};

const LANGUAGES = /\b(english|spanish|portuguese|french|german|italian|dutch|arabic|mandarin|chinese|japanese|korean|hindi|bengali|swahili|yoruba|hausa|amharic|turkish|polish|russian|ukrainian|greek|vietnamese|thai|indonesian|malay|tagalog)\b/g;

/** Matches objectives that name two or more languages ("in Spanish and Portuguese"); the match quotes them. */
export const SEVERAL_LANGUAGES: { exec(text: string): { 0: string } | null } = {
  exec(text) {
    const named = [...new Set([...text.matchAll(LANGUAGES)].map((m) => m[1]))];
    return named.length >= 2 ? { 0: named.join(', ') } : null;
  },
};
