/**
 * Quantities as callers say them: "two", "a", "an", "2", "a couple". The
 * words are the ones a food order needs; bigger numbers come as digits from
 * speech recognition anyway.
 */

const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  single: 1,
  another: 1,
  two: 2,
  couple: 2,
  pair: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  dozen: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  twenty: 20,
};

/** The number a single normalised word stands for, if any. */
export function numberOfWord(word: string): number | undefined {
  if (/^\d{1,3}$/.test(word)) return Number(word);

  return NUMBER_WORDS[word];
}

/**
 * The whole number a slot value or phrase holds ("2", "two", "a couple"),
 * or undefined. Lex's AMAZON.Number resolves to digits; the local recogniser
 * hands over what the caller said. The last number word wins, so "a couple"
 * is two, not one.
 */
export function parseQuantity(text: string): number | undefined {
  const found = text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .map(numberOfWord)
    .filter((value) => value !== undefined);

  return found.at(-1);
}
