/**
 * The order-events use case: a batch of table changes in, their events on
 * the bus. Lambda retries a stream batch from the sequence number the
 * function reports, so the answer is the first change whose events did
 * not all get out: the changes before it are done, it and everything
 * after it come again. Events published twice that way carry the same ids
 * (see orderEventId) and consumers drop the second copy.
 */
import { eventsFromChange, type TableChange } from './from-stream';
import type { OrderEvent } from './order-events';
import { type EventPublisher, EventsNotPublished } from './publisher';

/** A change and its place in the stream. */
export interface SequencedChange extends TableChange {
  sequenceNumber: string;
}

/** What publishing needs. */
export interface PublishChangesDependencies {
  publisher: EventPublisher;
  log: {
    error(message: string, fields: Record<string, unknown>): void;
    info(message: string, fields: Record<string, unknown>): void;
  };
}

/** The batch's outcome: where to resume, when something failed. */
export interface PublishOutcome {
  /** The first change to retry; absent when the whole batch is done. */
  retryFrom?: string;
  published: number;
}

interface DerivedChange {
  sequenceNumber: string;
  events: OrderEvent[];
}

/**
 * Publishes the events of `changes`, oldest first. Never throws: a change
 * that cannot be read or published is reported in `retryFrom`.
 */
export async function publishChanges(
  changes: readonly SequencedChange[],
  dependencies: PublishChangesDependencies,
): Promise<PublishOutcome> {
  const { derived, unreadable } = deriveUntilUnreadable(changes, dependencies);
  const events = derived.flatMap((change) => change.events);
  if (events.length === 0) return { retryFrom: unreadable, published: 0 };
  try {
    await dependencies.publisher.publish(events);
  } catch (error) {
    dependencies.log.error('order events not published', {
      events: events.length,
      error,
    });

    return {
      retryFrom: firstFailed(derived, error) ?? unreadable,
      published: 0,
    };
  }
  dependencies.log.info('order events published', {
    eventIds: events.map((event) => event.detail.metadata.id),
  });

  return { retryFrom: unreadable, published: events.length };
}

/** Events of each change, up to the first change that cannot be read. */
function deriveUntilUnreadable(
  changes: readonly SequencedChange[],
  dependencies: PublishChangesDependencies,
): { derived: DerivedChange[]; unreadable?: string } {
  const derived: DerivedChange[] = [];
  for (const change of changes) {
    try {
      derived.push({
        sequenceNumber: change.sequenceNumber,
        events: eventsFromChange(change),
      });
    } catch (error) {
      dependencies.log.error('table change not readable', {
        sequenceNumber: change.sequenceNumber,
        error,
      });

      return { derived, unreadable: change.sequenceNumber };
    }
  }

  return { derived };
}

/**
 * The first change with a refused event. When the bus failed without
 * saying which events (a network error), every change with events is in
 * doubt: resume from the first of them.
 */
function firstFailed(
  derived: DerivedChange[],
  error: unknown,
): string | undefined {
  const refused =
    error instanceof EventsNotPublished ? new Set(error.eventIds) : undefined;
  const failed = derived.find((change) =>
    change.events.some(
      (event) => refused === undefined || refused.has(event.detail.metadata.id),
    ),
  );

  return failed?.sequenceNumber;
}
