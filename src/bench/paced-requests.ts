/**
 * Item 3 at a caller's pace. Simulated callers answer at once, so a whole
 * call fits inside the menu cache's few seconds; a person listens to each
 * prompt first. Here the call flow runs as src/wiring/sma.ts wires it on
 * DynamoDB Local, but its menu cache reads a clock that moves as the
 * caller lives the call (item 7's pace: speech at 15 characters a second,
 * 1.5 s a key) and by ten minutes between calls, as on a quiet evening.
 */
import { handleCallEvent } from '../call-flow/handle-call-event';
import type { CallFlowDependencies } from '../call-flow/types';
import { loadConfig } from '../config/config';
import { PhoneSimulator } from '../local/phone-simulator';
import type { TranscriptEntry } from '../local/transcript';
import { placeOrder } from '../orders/place-order';
import { DynamoDbCallerDirectory } from '../storage/dynamodb-caller-directory';
import { DynamoDbMenuRepository } from '../storage/dynamodb-menu-repository';
import { DynamoDbOrderRepository } from '../storage/dynamodb-order-repository';
import { parseInvocationEvent } from '../telephony/events';
import { callLog, callMetrics } from '../wiring/observability';
import { callFlowSettings, documentClient } from '../wiring/sma';
import type { BenchRow } from './bench-table';
import { CHARACTERS_PER_SECOND, SECONDS_PER_KEY_PRESS } from './caller-cost';
import {
  freshCallerNumber,
  placedAnOrder,
  RESTAURANT_NUMBER,
  TWO_ITEM_ORDER,
} from './keypad-calls';
import {
  attachCounter,
  RequestCounter,
  type RequestCounts,
} from './request-counter';
import { formatCounts, perOrder } from './sma-latency';

/** Between two calls to a restaurant on a quiet evening. */
const MINUTES_BETWEEN_CALLS = 10;

/** A clock that runs at real speed plus what the callers lived. */
class CallerClock {
  private livedMs = 0;

  now = (): number => Date.now() + this.livedMs;

  /** Moves on by what the caller just heard or did. */
  live = (entry: TranscriptEntry): void => {
    if (entry.kind === 'heard') {
      this.livedMs += (entry.text.length / CHARACTERS_PER_SECOND) * 1000;
    }
    if (entry.kind === 'pressed') {
      this.livedMs += entry.keys.length * SECONDS_PER_KEY_PRESS * 1000;
    }
  };

  skip(minutes: number): void {
    this.livedMs += minutes * 60_000;
  }
}

/** The sma function's wiring, its menu cache on the callers' clock. */
function pacedDependencies(
  clock: CallerClock,
  counter: RequestCounter,
): CallFlowDependencies {
  const config = loadConfig();
  const client = documentClient(config);
  attachCounter(client, counter);
  const tableName = config.tableName;
  const orders = new DynamoDbOrderRepository({ client, tableName });
  const now = () => new Date(clock.now());

  return {
    settings: callFlowSettings(config),
    menu: new DynamoDbMenuRepository({ client, tableName, now: clock.now }),
    callers: new DynamoDbCallerDirectory({ client, tableName }),
    placeOrder: (request) =>
      placeOrder(request, {
        orders,
        timeZone: config.restaurant.timeZone,
        kitchen: config.kitchen,
        now,
      }),
    metrics: callMetrics,
    log: callLog,
    now,
  };
}

/** Places `calls` orders one after another at a caller's pace. */
export async function measurePacedRequests(
  calls: number,
): Promise<RequestCounts> {
  const clock = new CallerClock();
  const counter = new RequestCounter();
  const dependencies = pacedDependencies(clock, counter);
  const invoke = (event: unknown) =>
    handleCallEvent(parseInvocationEvent(event), dependencies);
  let orders = 0;
  for (let call = 0; call < calls; call += 1) {
    clock.skip(MINUTES_BETWEEN_CALLS);
    const record = await new PhoneSimulator({
      invoke,
      from: freshCallerNumber(),
      to: RESTAURANT_NUMBER,
      silenceTimeoutMs: 1,
      onTranscript: clock.live,
    }).call(TWO_ITEM_ORDER);
    if (placedAnOrder(record)) orders += 1;
  }

  return perOrder(counter.counts(), orders);
}

/** The paced row of item 3. */
export function pacedRequestRows(counts: RequestCounts): BenchRow[] {
  return [
    {
      section: 3,
      measure:
        "DynamoDB requests per order at a caller's pace (each call " +
        `${MINUTES_BETWEEN_CALLS} min after the last, so its menu is read ` +
        'afresh)',
      result: formatCounts(counts),
      value: counts.total,
      target: { kind: 'at-most', limit: 4 },
    },
  ];
}
