/**
 * The embedded stack's SMS driver: texts are appended to a file, one JSON
 * object a line (`to`, `body`, `at`, and the `messageId` recorded on the
 * order), where `npm run sms-outbox` and the tests read them.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { SentMessage, SmsMessage, SmsSender } from '../ports';

/** One text in the outbox. */
export interface OutboxEntry {
  to: string;
  body: string;
  /** ISO-8601 UTC. */
  at: string;
  messageId: string;
}

/** Constructor arguments of {@link OutboxSmsSender}. */
export interface OutboxSmsSenderOptions {
  path: string;
  clock?: () => Date;
}

/** {@link SmsSender} into a local file. */
export class OutboxSmsSender implements SmsSender {
  constructor(private readonly options: OutboxSmsSenderOptions) {}

  async send(message: SmsMessage): Promise<SentMessage> {
    const entry: OutboxEntry = {
      to: message.to,
      body: message.body,
      at: (this.options.clock?.() ?? new Date()).toISOString(),
      messageId: `outbox-${randomUUID()}`,
    };
    await mkdir(dirname(this.options.path), { recursive: true });
    // One write per line: appends of a short line are not interleaved.
    await appendFile(this.options.path, `${JSON.stringify(entry)}\n`, 'utf8');

    return { messageId: entry.messageId };
  }
}

/** The texts in an outbox file, oldest first; none when it is missing. */
export function readSmsOutbox(path: string): OutboxEntry[] {
  if (!existsSync(path)) return [];

  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as OutboxEntry);
}
