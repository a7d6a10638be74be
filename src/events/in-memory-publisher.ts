/** An {@link EventPublisher} in memory, for tests. */
import type { OrderEvent } from './order-events';
import { type EventPublisher, EventsNotPublished } from './publisher';

/** Keeps what was published; refuses the events a test asks it to. */
export class InMemoryEventPublisher implements EventPublisher {
  /** Every event accepted, in order. */
  readonly published: OrderEvent[] = [];
  /** Ids of events to refuse, as a bus refusing entries would. */
  readonly refuse = new Set<string>();
  /** When set, every publish call fails with this error. */
  failWith: Error | undefined;

  publish(events: readonly OrderEvent[]): Promise<void> {
    if (this.failWith !== undefined) return Promise.reject(this.failWith);
    const refused = events.filter((event) =>
      this.refuse.has(event.detail.metadata.id),
    );
    this.published.push(...events.filter((event) => !refused.includes(event)));
    if (refused.length === 0) return Promise.resolve();

    return Promise.reject(
      new EventsNotPublished(
        refused.map((event) => ({
          eventId: event.detail.metadata.id,
          detailType: event.type,
          errorCode: 'Refused',
        })),
      ),
    );
  }
}
