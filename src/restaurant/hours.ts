import type { OpeningHours } from '../config/opening-hours';
import { spokenClockTime, type LocalTime } from './local-time';

const DAY_NAMES = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
];

/**
 * Whether the kitchen takes orders at a local time. A window that runs past
 * midnight belongs to the day it opened on.
 */
export function isOpen(hours: OpeningHours, at: LocalTime): boolean {
  const today = hours[at.weekday];
  if (today && at.minutes >= today.opensAt && at.minutes < today.closesAt) {
    return true;
  }
  const yesterday = hours[(at.weekday + 6) % 7];

  return yesterday !== undefined && at.minutes + 1440 < yesterday.closesAt;
}

/**
 * The week's hours in a sentence, days with equal hours grouped:
 * "Monday to Friday 11 AM to 10 PM, Saturday 12 PM to 11 PM".
 */
export function describeHours(hours: OpeningHours): string {
  const groups: { first: number; last: number; text: string }[] = [];
  // Monday first, as people say it.
  for (const day of [1, 2, 3, 4, 5, 6, 0]) {
    const window = hours[day];
    if (window === undefined) continue;
    const text = `${spokenClockTime(window.opensAt)} to ${spokenClockTime(
      window.closesAt,
    )}`;
    const previous = groups.at(-1);
    if (previous?.text === text && (previous.last + 1) % 7 === day) {
      previous.last = day;
    } else {
      groups.push({ first: day, last: day, text });
    }
  }
  if (groups.length === 0) return 'closed all week';

  return groups.map(describeGroup).join(', ');
}

function describeGroup(group: {
  first: number;
  last: number;
  text: string;
}): string {
  const first = DAY_NAMES[group.first] ?? '';
  if (group.first === group.last) return `${first} ${group.text}`;
  const last = DAY_NAMES[group.last] ?? '';
  const join = (group.last - group.first + 7) % 7 === 1 ? 'and' : 'to';

  return `${first} ${join} ${last} ${group.text}`;
}
