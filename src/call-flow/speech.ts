/**
 * How numbers sound on the phone. Prompts are plain text for Amazon Polly,
 * which bills per character: "12 dollars and 50 cents" is heard exactly as
 * "twelve dollars and fifty cents" and costs fewer characters.
 */

const CURRENCY_WORDS: Record<string, [string, string, string, string]> = {
  USD: ['dollar', 'dollars', 'cent', 'cents'],
  CAD: ['dollar', 'dollars', 'cent', 'cents'],
  AUD: ['dollar', 'dollars', 'cent', 'cents'],
  EUR: ['euro', 'euros', 'cent', 'cents'],
  GBP: ['pound', 'pounds', 'penny', 'pence'],
};

/** "12 dollars and 50 cents", "1 dollar", "75 cents". */
export function spokenMoney(cents: number, currency = 'USD'): string {
  const [one, many, oneCent, manyCents] = CURRENCY_WORDS[currency] ?? [
    currency,
    currency,
    'cent',
    'cents',
  ];
  const whole = Math.floor(cents / 100);
  const rest = cents % 100;
  const wholeText = `${whole} ${whole === 1 ? one : many}`;
  const restText = `${rest} ${rest === 1 ? oneCent : manyCents}`;
  if (rest === 0) return wholeText;
  if (whole === 0) return restText;

  return `${wholeText} and ${restText}`;
}

/** "4 2": a ticket number read digit by digit, easy to repeat at a counter. */
export function spokenDigits(value: number | string): string {
  return String(value).split('').join(' ');
}

/** "a", "1 large Margherita" style phrase for a quantity of something. */
export function spokenQuantity(quantity: number, name: string): string {
  return `${quantity} ${name}`;
}

/** Joins phrases as a list is spoken: "a, b and c". */
export function spokenList(phrases: readonly string[]): string {
  if (phrases.length <= 1) return phrases.join('');

  return `${phrases.slice(0, -1).join(', ')} and ${phrases.at(-1) ?? ''}`;
}
