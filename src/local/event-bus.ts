/**
 * The embedded stack's EventBridge: published events are matched against
 * the rules of serverless.yml and handed to the consumer functions in
 * process, asynchronously, as EventBridge invokes its targets. A failing
 * consumer is retried with a growing delay (on AWS, Lambda's async retries
 * do this); what still fails lands in the dead letters with its event.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { OrderEvent } from '../events/order-events';
import type { EventPublisher } from '../events/publisher';
import type { Log } from '../notifications/ports';
import type { BusEvent } from '../wiring/order-event-consumer';
import { type DeadLetterBox, describeError } from './dead-letters';
import { matchesPattern } from './event-pattern';
import type { EventRule } from './event-rules';

/** A target function's handler. */
export type BusConsumer = (event: BusEvent) => Promise<unknown>;

/** Constructor arguments of {@link LocalEventBus}. */
export interface LocalEventBusOptions {
  rules: EventRule[];
  /** Handlers by function key; rules for other functions are skipped. */
  consumers: Record<string, BusConsumer>;
  deadLetters: DeadLetterBox;
  log: Log;
  /** The events' `source`, as the deployed publisher sets it. */
  source: string;
  region?: string;
  /** Attempts per delivery, the first included. Default 3, as Lambda's. */
  maxAttempts?: number;
  /** Delay before the first retry, doubled for each next one. */
  retryDelayMs?: number;
  /** Deliver every event twice, as EventBridge now and then does. */
  deliverTwice?: boolean;
}

/** {@link EventPublisher} that routes to in-process consumers. */
export class LocalEventBus implements EventPublisher {
  private readonly inFlight = new Set<Promise<void>>();
  private readonly rules: EventRule[];

  constructor(private readonly options: LocalEventBusOptions) {
    this.rules = options.rules.filter((rule) => {
      const known = rule.functionKey in options.consumers;
      if (!known) {
        options.log.warn('no local consumer for rule, events dropped', {
          functionKey: rule.functionKey,
        });
      }

      return known;
    });
  }

  /** Accepts the events and returns; deliveries run in the background. */
  publish(events: readonly OrderEvent[]): Promise<void> {
    for (const event of events) {
      const busEvent = this.busEvent(event);
      for (const rule of this.rules) {
        if (matchesPattern(rule.pattern, busEvent)) {
          this.track(this.deliverAll(rule.functionKey, busEvent));
        }
      }
    }

    return Promise.resolve();
  }

  /** How many deliveries are running or waiting to retry. */
  get pending(): number {
    return this.inFlight.size;
  }

  /** Resolves once no delivery is running or waiting to retry. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  /** The event as EventBridge hands it to a target. */
  private busEvent(event: OrderEvent): BusEvent {
    return {
      version: '0',
      id: randomUUID(),
      'detail-type': event.type,
      source: this.options.source,
      account: '000000000000',
      time: event.detail.metadata.occurredAt,
      region: this.options.region ?? 'us-east-1',
      resources: [],
      detail: event.detail,
    };
  }

  private track(delivery: Promise<void>): void {
    this.inFlight.add(delivery);
    void delivery.finally(() => this.inFlight.delete(delivery));
  }

  private async deliverAll(
    functionKey: string,
    event: BusEvent,
  ): Promise<void> {
    await this.deliver(functionKey, event);
    if (this.options.deliverTwice === true)
      await this.deliver(functionKey, event);
  }

  /** One delivery with its retries; never rejects. */
  private async deliver(functionKey: string, event: BusEvent): Promise<void> {
    const consumer = this.options.consumers[functionKey];
    const maxAttempts = this.options.maxAttempts ?? 3;
    const delayMs = this.options.retryDelayMs ?? 200;
    for (let attempt = 1; consumer !== undefined; attempt += 1) {
      try {
        await consumer(event);

        return;
      } catch (error) {
        if (attempt >= maxAttempts) {
          this.deadLetter(functionKey, event, attempt, error);

          return;
        }
        await sleep(delayMs * 2 ** (attempt - 1));
      }
    }
  }

  private deadLetter(
    functionKey: string,
    event: BusEvent,
    attempts: number,
    error: unknown,
  ): void {
    this.options.log.error('event dead-lettered', {
      functionKey,
      detailType: event['detail-type'],
      attempts,
    });
    this.options.deadLetters.add({
      kind: 'event',
      target: functionKey,
      attempts,
      error: describeError(error),
      at: new Date().toISOString(),
      payload: event,
    });
  }
}
