/**
 * Where order events go. The deployed publisher is EventBridge
 * (adapters/eventbridge-publisher.ts); the embedded stack routes them in
 * process (src/local/event-bus.ts); tests keep them in memory.
 */
import type { OrderEvent } from './order-events';

/** Puts order events on the bus. */
export interface EventPublisher {
  /**
   * Publishes every event, or throws. Throws {@link EventsNotPublished}
   * when the bus refused some of them after retries; any other error means
   * it is unknown which, if any, were accepted.
   */
  publish(events: readonly OrderEvent[]): Promise<void>;
}

/** One event the bus would not take, and why. */
export interface RefusedEvent {
  eventId: string;
  detailType: string;
  errorCode: string;
  errorMessage?: string;
}

/** Thrown when the bus still refused some events after retries. */
export class EventsNotPublished extends Error {
  constructor(readonly refused: RefusedEvent[]) {
    super(
      `${refused.length} event(s) not published: ` +
        refused
          .map((event) => `${event.eventId} (${event.errorCode})`)
          .join(', '),
    );
    this.name = 'EventsNotPublished';
  }

  /** The ids of the refused events. */
  get eventIds(): string[] {
    return this.refused.map((event) => event.eventId);
  }
}
