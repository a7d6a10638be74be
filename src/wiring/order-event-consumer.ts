/**
 * Turns a use case on order events into an EventBridge target: the event
 * is read against the contract first, so a malformed one fails (and is
 * retried, then dead-lettered) rather than being half handled.
 */
import type { EventBridgeEvent } from 'aws-lambda';
import { type OrderEvent, parseOrderEvent } from '../events/order-events';

/** An EventBridge event as a consumer receives it. */
export type BusEvent = EventBridgeEvent<string, unknown>;

/** A consumer function's handler, returning what became of the event. */
export type OrderEventConsumer = (event: BusEvent) => Promise<string>;

/** A consumer that hands the parsed event to `useCase`. */
export function orderEventConsumer(
  useCase: (event: OrderEvent) => Promise<string>,
): OrderEventConsumer {
  return (event) =>
    useCase(parseOrderEvent(event['detail-type'], event.detail));
}
