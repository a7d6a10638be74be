/**
 * Opening hours per weekday in the restaurant's time zone, written the way an
 * owner would: `mon-fri 11:00-22:00; sat 12:00-23:00; sun closed`. A day not
 * mentioned is closed. A closing time past midnight (`18:00-01:00`) runs into
 * the next day.
 */

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** Minutes after local midnight. */
export interface OpeningWindow {
  opensAt: number;
  closesAt: number;
}

/** Index 0 is Sunday, as `Date.getDay()` counts. */
export type OpeningHours = (OpeningWindow | undefined)[];

export function parseOpeningHours(text: string): OpeningHours {
  const hours: OpeningHours = WEEKDAYS.map(() => undefined);
  for (const rule of text.split(';').map((part) => part.trim())) {
    if (rule === '') continue;
    const match = /^([a-z]{3})(?:-([a-z]{3}))?\s+(closed|\S+)$/i.exec(rule);
    if (match === null) throw new Error(`cannot read hours "${rule}"`);
    const [, from = '', to, span = ''] = match;
    const window = span.toLowerCase() === 'closed' ? undefined : toWindow(span);
    for (const day of dayRange(from, to ?? from)) hours[day] = window;
  }

  return hours;
}

function dayRange(from: string, to: string): number[] {
  const start = weekdayIndex(from);
  const end = weekdayIndex(to);
  const days = [start];
  for (let day = start; day !== end; day = (day + 1) % 7) {
    days.push((day + 1) % 7);
  }

  return days;
}

function weekdayIndex(name: string): number {
  const index = WEEKDAYS.indexOf(name.toLowerCase());
  if (index < 0) throw new Error(`unknown weekday "${name}"`);

  return index;
}

function toWindow(span: string): OpeningWindow {
  const match = /^(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})$/.exec(span);
  if (match === null) throw new Error(`cannot read times "${span}"`);
  const [h1, m1, h2, m2] = match.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
  ];
  if (h1 > 24 || h2 > 24 || m1 > 59 || m2 > 59) {
    throw new Error(`impossible time in "${span}"`);
  }
  const opensAt = h1 * 60 + m1;
  let closesAt = h2 * 60 + m2;
  if (closesAt <= opensAt) closesAt += 24 * 60;

  return { opensAt, closesAt };
}
