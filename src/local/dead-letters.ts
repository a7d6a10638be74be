/**
 * The embedded stack's dead-letter queues: what still failed after its
 * retries is kept here (and appended to a file, one JSON a line), whole,
 * so that nothing a customer should have received is silently lost.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/** One delivery given up on. */
export interface DeadLetter {
  /** A bus event for a consumer, or a stream record for order-events. */
  kind: 'event' | 'stream-record';
  /** The function that kept failing, e.g. `sendSms`. */
  target: string;
  attempts: number;
  /** The last error's name and message. */
  error: string;
  /** ISO-8601 UTC. */
  at: string;
  /** The event or record, as it was delivered. */
  payload: unknown;
}

/** Dead letters in memory, and in a file when given one. */
export class DeadLetterBox {
  readonly letters: DeadLetter[] = [];

  constructor(private readonly path?: string) {}

  /** Keeps a letter; written synchronously so a crash cannot lose it. */
  add(letter: DeadLetter): void {
    this.letters.push(letter);
    if (this.path === undefined) return;
    mkdirSync(dirname(this.path), { recursive: true });
    appendFileSync(this.path, `${JSON.stringify(letter)}\n`, 'utf8');
  }
}

/** "Name: message" of whatever was thrown. */
export function describeError(error: unknown): string {
  return error instanceof Error
    ? `${error.name}: ${error.message}`
    : String(error);
}
