/**
 * The restaurant's wall clock. Storage keeps UTC; callers hear, and business
 * days follow, the restaurant's own time zone.
 */

export interface LocalTime {
  /** YYYY-MM-DD in the restaurant's time zone. */
  date: string;
  /** 0 is Sunday. */
  weekday: number;
  /** Minutes after local midnight. */
  minutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

// Building a DateTimeFormat costs far more than using one, and this runs on
// every call, so one formatter per time zone is kept for the process.
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }

  return formatter;
}

const WEEKDAY_INDEX: Record<string, number> = {
  Sun: 0,
  Mon: 1,
  Tue: 2,
  Wed: 3,
  Thu: 4,
  Fri: 5,
  Sat: 6,
};

/** The local date, weekday and time of day of an instant. */
export function localTime(instant: Date, timeZone: string): LocalTime {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    parts[part.type] = part.value;
  }

  return {
    date: `${parts.year ?? ''}-${parts.month ?? ''}-${parts.day ?? ''}`,
    weekday: WEEKDAY_INDEX[parts.weekday ?? ''] ?? 0,
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

/** "7:45 PM": a clock time as a caller hears it. */
export function spokenClockTime(minutes: number): string {
  const dayMinutes = ((minutes % 1440) + 1440) % 1440;
  const hour24 = Math.floor(dayMinutes / 60);
  const minute = dayMinutes % 60;
  const hour12 = hour24 % 12 === 0 ? 12 : hour24 % 12;
  const suffix = hour24 < 12 ? 'AM' : 'PM';
  if (minute === 0) return `${hour12} ${suffix}`;

  return `${hour12}:${String(minute).padStart(2, '0')} ${suffix}`;
}
