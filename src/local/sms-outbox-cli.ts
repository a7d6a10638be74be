/**
 * `npm run sms-outbox [-- <file>]`: prints the texts the embedded stack
 * sent, oldest first, with what each costs (characters, segments, and
 * whether it went out as UCS-2).
 */
import { resolve } from 'node:path';
import { DEFAULT_SMS_OUTBOX_PATH } from '../config/notification-settings';
import {
  type OutboxEntry,
  readSmsOutbox,
} from '../notifications/adapters/sms-outbox';
import { gsm7Length, isGsm7, smsSegments } from '../notifications/gsm7';

const ROOT = resolve(__dirname, '../..');

/** One text as printed: when, to whom, its cost, then the body. */
function describeText(entry: OutboxEntry): string {
  const gsm7 = isGsm7(entry.body);
  const length = gsm7 ? gsm7Length(entry.body) : entry.body.length;
  const segments = smsSegments(entry.body);
  const cost =
    `${length} chars, ${segments} segment${segments === 1 ? '' : 's'}` +
    (gsm7 ? '' : ', UCS-2');

  return `${entry.at}  to ${entry.to}  (${cost})\n  ${entry.body}\n`;
}

function main(args: string[]): void {
  const path = resolve(ROOT, args[0] ?? DEFAULT_SMS_OUTBOX_PATH);
  const entries = readSmsOutbox(path);
  if (entries.length === 0) {
    process.stdout.write(`No texts in ${path} yet.\n`);

    return;
  }
  process.stdout.write(entries.map(describeText).join('\n'));
}

main(process.argv.slice(2));
