/**
 * Order events onto an EventBridge bus with PutEvents. PutEvents can
 * accept part of a request and refuse the rest (throttling, an internal
 * failure), answering 200 either way: only `FailedEntryCount` and each
 * entry's `ErrorCode` tell. Refused entries are sent again a few times,
 * alone, before giving up with their names.
 */
import {
  type EventBridgeClient,
  PutEventsCommand,
  type PutEventsRequestEntry,
  type PutEventsResultEntry,
} from '@aws-sdk/client-eventbridge';
import { setTimeout as sleep } from 'node:timers/promises';
import type { OrderEvent } from '../order-events';
import {
  type EventPublisher,
  EventsNotPublished,
  type RefusedEvent,
} from '../publisher';

/** PutEvents takes at most 10 entries per request. */
export const MAX_ENTRIES_PER_REQUEST = 10;

/** How often and how patiently refused entries are sent again. */
export interface PublishRetryPolicy {
  /** Attempts per entry, the first included. */
  maxAttempts: number;
  /** The n-th retry waits baseDelayMs * 2^(n-1). */
  baseDelayMs: number;
}

/** Constructor arguments of {@link EventBridgePublisher}. */
export interface EventBridgePublisherOptions {
  client: EventBridgeClient;
  eventBusName: string;
  /** The events' `source`: the service's name. */
  source: string;
  retry?: Partial<PublishRetryPolicy>;
}

const DEFAULT_RETRY: PublishRetryPolicy = { maxAttempts: 4, baseDelayMs: 100 };

interface PendingEntry {
  event: OrderEvent;
  entry: PutEventsRequestEntry;
}

/** {@link EventPublisher} on an EventBridge bus. */
export class EventBridgePublisher implements EventPublisher {
  private readonly retry: PublishRetryPolicy;

  constructor(private readonly options: EventBridgePublisherOptions) {
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
  }

  /**
   * Sends the events in requests of at most 10. Throws
   * {@link EventsNotPublished} naming the entries still refused after the
   * retries; earlier batches stay published.
   */
  async publish(events: readonly OrderEvent[]): Promise<void> {
    const pending = events.map((event) => this.pendingEntry(event));
    const refused: RefusedEvent[] = [];
    for (let start = 0; start < pending.length;) {
      const batch = pending.slice(start, start + MAX_ENTRIES_PER_REQUEST);
      refused.push(...(await this.putWithRetries(batch)));
      start += batch.length;
    }
    if (refused.length > 0) throw new EventsNotPublished(refused);
  }

  private pendingEntry(event: OrderEvent): PendingEntry {
    return {
      event,
      entry: {
        EventBusName: this.options.eventBusName,
        Source: this.options.source,
        DetailType: event.type,
        Detail: JSON.stringify(event.detail),
        Time: new Date(event.detail.metadata.occurredAt),
      },
    };
  }

  /** Sends a batch, then its refused entries again; returns the refused. */
  private async putWithRetries(batch: PendingEntry[]): Promise<RefusedEvent[]> {
    let pending = batch;
    for (let attempt = 1; ; attempt += 1) {
      const refused = await this.put(pending);
      if (refused.length === 0) return [];
      if (attempt >= this.retry.maxAttempts) {
        return refused.map(({ pending: { event }, result }) => ({
          eventId: event.detail.metadata.id,
          detailType: event.type,
          errorCode: result.ErrorCode ?? 'Unknown',
          errorMessage: result.ErrorMessage,
        }));
      }
      await sleep(this.retry.baseDelayMs * 2 ** (attempt - 1));
      pending = refused.map((refusal) => refusal.pending);
    }
  }

  private async put(
    pending: PendingEntry[],
  ): Promise<{ pending: PendingEntry; result: PutEventsResultEntry }[]> {
    const output = await this.options.client.send(
      new PutEventsCommand({ Entries: pending.map(({ entry }) => entry) }),
    );
    if (!output.FailedEntryCount) return [];

    // Result entries answer request entries position by position.
    return pending.flatMap((entry, index) => {
      const result = output.Entries?.[index] ?? { ErrorCode: 'NoResult' };

      return result.ErrorCode === undefined ? [] : [{ pending: entry, result }];
    });
  }
}
