/**
 * How amounts and times read in texts and emails: money from integer
 * cents in the order's currency, times in the restaurant's time zone
 * (storage keeps UTC).
 */
import { localTime, spokenClockTime } from '../restaurant/local-time';

const moneyFormats = new Map<string, Intl.NumberFormat>();

/** "$12.50": cents as an amount of `currency`. */
export function formatMoney(cents: number, currency: string): string {
  let format = moneyFormats.get(currency);
  if (format === undefined) {
    format = new Intl.NumberFormat('en-US', { style: 'currency', currency });
    moneyFormats.set(currency, format);
  }

  return format.format(cents / 100);
}

/** "7:45 PM": the restaurant's clock at `instant` (ISO-8601). */
export function clockTime(instant: string, timeZone: string): string {
  return spokenClockTime(localTime(new Date(instant), timeZone).minutes);
}

/** "Tue, Dec 1, 2026, 6:00 PM": a date and time at the restaurant. */
export function localDateTime(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  }).format(new Date(instant));
}
