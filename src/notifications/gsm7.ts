/**
 * SMS encoding arithmetic. A text in the GSM 03.38 alphabet fits 160
 * characters in one segment; a single character outside it (a curly
 * apostrophe from a copied restaurant name, an emoji) switches the whole
 * text to UCS-2, 70 characters a segment, and the bill more than doubles.
 * So text from data is folded into GSM-7 where a close equivalent exists,
 * and only what has none (a name in Chinese script) keeps UCS-2.
 */

/** The basic GSM 03.38 character set, one septet each. */
const BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';

/** The extension table: each costs an escape septet plus its own. */
const EXTENSION = '^{}\\[~]|€\f';

const BASIC_SET = new Set(BASIC);
const EXTENSION_SET = new Set(EXTENSION);

/** The characters of one GSM-7 segment. */
export const GSM7_SEGMENT = 160;
/** The characters of one UCS-2 segment. */
export const UCS2_SEGMENT = 70;

/** Typography with a plain equivalent in GSM-7. */
const FOLDS: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': "'",
  '\u201B': "'",
  '\u2032': "'",
  '`': "'",
  '\u00B4': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u2033': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2015': '-',
  '\u2026': '...',
  '\u00A0': ' ',
  '\u2007': ' ',
  '\u2009': ' ',
  '\u202F': ' ',
  '\t': ' ',
  '\u2022': '*',
};

/**
 * The characters of `text` as code points: what GSM-7 encodes one by one.
 * (An emoji made of several code points has no GSM-7 form either way.)
 */
function characters(text: string): string[] {
  return Array.from(text);
}

/** Whether every character of `text` is in GSM-7 (basic or extension). */
export function isGsm7(text: string): boolean {
  return characters(text).every(
    (char) => BASIC_SET.has(char) || EXTENSION_SET.has(char),
  );
}

/** Septets `text` takes in GSM-7: extension characters count twice. */
export function gsm7Length(text: string): number {
  return characters(text).reduce(
    (length, char) => length + (EXTENSION_SET.has(char) ? 2 : 1),
    0,
  );
}

/**
 * `text` with each character outside GSM-7 replaced by a close GSM-7
 * equivalent: typographic quotes and dashes by plain ones, accented
 * letters GSM-7 lacks by their base letter (ç → c, but é stays é).
 * Characters with no equivalent are kept.
 */
export function toGsm7(text: string): string {
  return characters(text).map(foldCharacter).join('');
}

function foldCharacter(char: string): string {
  if (BASIC_SET.has(char) || EXTENSION_SET.has(char)) return char;
  const folded = FOLDS[char];
  if (folded !== undefined) return folded;
  const base = char.normalize('NFD').replace(/\p{Mn}/gu, '');

  return base !== char && isGsm7(base) ? base : char;
}

/** How many segments `text` is billed as. */
export function smsSegments(text: string): number {
  if (isGsm7(text)) {
    const length = gsm7Length(text);

    // A multi-part text loses 7 septets a part to its header.
    return length <= GSM7_SEGMENT ? 1 : Math.ceil(length / 153);
  }
  // UCS-2 counts UTF-16 code units: an emoji takes two.
  const units = text.length;

  return units <= UCS2_SEGMENT ? 1 : Math.ceil(units / 67);
}

/**
 * The longest start of `text` (GSM-7) that fits `septets`, never cutting
 * an extension character in half.
 */
export function truncateGsm7(text: string, septets: number): string {
  let used = 0;
  let kept = '';
  for (const char of text) {
    const cost = EXTENSION_SET.has(char) ? 2 : 1;
    if (used + cost > septets) break;
    used += cost;
    kept += char;
  }

  return kept;
}
