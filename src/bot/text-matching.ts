/**
 * How a spoken phrase is compared with the words the bot knows. Speech
 * recognition hands over lower-case words with stray punctuation, plurals
 * and near misses ("peperoni"); every comparison goes through the same
 * normalisation so the bot definition, the local recogniser and the code
 * hook agree on what matches.
 */

/**
 * Lower case, apostrophes dropped ("that's" is "thats"), everything that is
 * not a letter or a digit turned into a space, spaces collapsed.
 */
export function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * A plural said for a singular on the menu ("two cokes", "pizzas") is the
 * same word: a trailing s goes, except after another s ("glass").
 */
function singular(word: string): string {
  return word.length > 3 && word.endsWith('s') && !word.endsWith('ss')
    ? word.slice(0, -1)
    : word;
}

/** The words of a phrase, normalised and singular. */
export function words(text: string): string[] {
  const normalised = normalise(text);

  return normalised === '' ? [] : normalised.split(' ').map(singular);
}

/**
 * Damerau-Levenshtein distance (optimal string alignment): insertions,
 * deletions, substitutions and swaps of two neighbours each cost one, so
 * "pepporeni" is two edits from "pepperoni" and "coek" one from "coke".
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i += 1) {
    rows.push(
      Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : 0)),
    );
    (rows[i] as number[])[0] = i;
  }
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      (rows[i] as number[])[j] = cellCost(rows, a, b, i, j);
    }
  }

  return rows[a.length]?.[b.length] ?? Math.max(a.length, b.length);
}

function cellCost(
  rows: number[][],
  a: string,
  b: string,
  i: number,
  j: number,
): number {
  const at = (row: number, column: number) => rows[row]?.[column] ?? 0;
  const substitution = a[i - 1] === b[j - 1] ? 0 : 1;
  let best = Math.min(
    at(i - 1, j) + 1,
    at(i, j - 1) + 1,
    at(i - 1, j - 1) + substitution,
  );
  if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
    best = Math.min(best, at(i - 2, j - 2) + 1);
  }

  return best;
}

/**
 * How many edits a phrase of this length tolerates. Short words must match
 * exactly: "tea" is one edit from "the" and "pea", and a wrong item is worse
 * than a question.
 */
export function tolerance(phrase: string): number {
  if (phrase.length < 4) return 0;
  if (phrase.length < 8) return 1;

  return 2;
}

/**
 * The edit distance between a heard phrase and a known one when it is within
 * the known phrase's tolerance, or undefined when they do not match.
 */
export function fuzzyDistance(
  heard: string,
  known: string,
): number | undefined {
  if (heard === known) return 0;
  const allowed = tolerance(known);
  if (allowed === 0 || Math.abs(heard.length - known.length) > allowed) {
    return undefined;
  }
  const distance = editDistance(heard, known);

  return distance <= allowed ? distance : undefined;
}
