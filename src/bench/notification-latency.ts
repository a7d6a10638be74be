/**
 * Item 6: from the order's commit to its text in the local outbox, along
 * the deployed path: DynamoDB Local's stream, the order-events handler,
 * the bus, the send-sms handler. Orders are placed one at a time, so each
 * text is timed alone.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { startNotificationPipeline } from '../local/notification-pipeline';
import { OutboxSmsSender } from '../notifications/adapters/sms-outbox';
import type {
  Log,
  SentMessage,
  SmsMessage,
  SmsSender,
} from '../notifications/ports';
import type { BenchRow } from './bench-table';
import type { BenchStack } from './bench-stack';
import {
  InvocationTimer,
  placedAnOrder,
  placeKeypadOrder,
} from './keypad-calls';
import { formatMs, summarize, type Summary } from './stats';

/** What the orders' texts took. */
export interface NotificationLatency {
  orders: number;
  /** Orders whose text never came within the wait. */
  missing: number;
  commitToSms: Summary;
  /** The stream poller's pause between empty rounds, which bounds it. */
  pollIntervalMs: number;
}

/** How long to wait for one text before counting it missing. */
const SMS_WAIT_MS = 10_000;
/** The local stack's default: `npm start` polls this often. */
const POLL_INTERVAL_MS = 200;

const quietLog: Log = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/** The outbox driver, noting when each text is in the file. */
class TimedOutbox implements SmsSender {
  private readonly arrivals = new Map<string, number>();

  constructor(private readonly outbox: OutboxSmsSender) {}

  async send(message: SmsMessage): Promise<SentMessage> {
    const sent = await this.outbox.send(message);
    if (!this.arrivals.has(message.to)) {
      this.arrivals.set(message.to, performance.now());
    }

    return sent;
  }

  /** When the first text to `to` was written; NaN if none came in time. */
  async arrivalOf(to: string): Promise<number> {
    const deadline = performance.now() + SMS_WAIT_MS;
    while (!this.arrivals.has(to) && performance.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 2));
    }

    return this.arrivals.get(to) ?? Number.NaN;
  }
}

/** Places `orders` orders with the pipeline running, timing each text. */
export async function measureNotificationLatency(
  stack: BenchStack,
  orders: number,
  scratchDirectory: string,
): Promise<NotificationLatency> {
  const outboxPath = join(scratchDirectory, 'sms-outbox.jsonl');
  rmSync(outboxPath, { force: true });
  const outbox = new TimedOutbox(new OutboxSmsSender({ path: outboxPath }));
  const pipeline = await startNotificationPipeline({
    tableName: stack.tableName,
    dynamodbEndpoint: stack.endpoint,
    sesPort: 0,
    outboxPath,
    smsSender: outbox,
    pollIntervalMs: POLL_INTERVAL_MS,
    log: quietLog,
    print: () => undefined,
  });
  try {
    const samples = await timeOrders(stack, outbox, orders);

    return {
      orders,
      missing: samples.filter(Number.isNaN).length,
      commitToSms: summarize(samples.filter((ms) => !Number.isNaN(ms))),
      pollIntervalMs: POLL_INTERVAL_MS,
    };
  } finally {
    await pipeline.stop();
  }
}

async function timeOrders(
  stack: BenchStack,
  outbox: TimedOutbox,
  orders: number,
): Promise<number[]> {
  const invoke = new InvocationTimer().invoker(stack.sma);
  const samples: number[] = [];
  for (let order = 0; order < orders; order += 1) {
    const record = await placeKeypadOrder(invoke);
    // The only write a call makes is the order's transaction.
    const committedAt = stack.sma.requests.lastWriteAnsweredAt;
    const caller = record.exchanges[0]?.event.CallDetails.Participants[0];
    if (!placedAnOrder(record) || caller === undefined) {
      samples.push(Number.NaN);
      continue;
    }
    samples.push((await outbox.arrivalOf(caller.From)) - committedAt);
  }

  return samples;
}

/** Item 6's row. */
export function notificationRows(latency: NotificationLatency): BenchRow[] {
  const { commitToSms: summary } = latency;
  const missing = latency.missing > 0 ? `; ${latency.missing} never came` : '';

  return [
    {
      section: 6,
      measure:
        `order commit to SMS in the outbox p50 / p95 (${latency.orders} orders, ` +
        `stream polled every ${latency.pollIntervalMs} ms)`,
      result: `${formatMs(summary.p50)} / ${formatMs(summary.p95)} ms${missing}`,
    },
  ];
}
