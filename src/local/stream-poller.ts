/**
 * The embedded stack's event source mapping: polls DynamoDB Local's
 * stream and hands the records to the order-events handler in Lambda's
 * event format, with Lambda's partial-batch semantics: a reported failure
 * is retried from its sequence number after a delay, and a record that
 * keeps failing is dead-lettered and skipped so the shard moves on.
 */
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import {
  DynamoDBStreamsClient,
  type _Record,
} from '@aws-sdk/client-dynamodb-streams';
import type {
  DynamoDBBatchResponse,
  DynamoDBRecord,
  DynamoDBStreamEvent,
} from 'aws-lambda';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Log } from '../notifications/ports';
import { type DeadLetterBox, describeError } from './dead-letters';
import { createLocalDynamoDbClient } from './document-client';
import { type ShardCursor, StreamShards } from './stream-shards';

/** A DynamoDB stream handler, as functions/order-events exports one. */
export type StreamHandler = (
  event: DynamoDBStreamEvent,
) => Promise<DynamoDBBatchResponse | undefined>;

/** How to poll, and whom to hand the records to. */
export interface StreamPollerOptions {
  endpoint: string;
  tableName: string;
  handler: StreamHandler;
  deadLetters: DeadLetterBox;
  log: Log;
  /** Pause after a round that found nothing. Default 200 ms. */
  pollIntervalMs?: number;
  /** Records per handler call. Default 100, Lambda's default for streams. */
  batchSize?: number;
  /** Calls per failing record before it is dead-lettered. Default 3. */
  maxAttempts?: number;
  /** Delay before the first retry, doubled for each next one. */
  retryDelayMs?: number;
  /** Hand every batch over twice, as a retried Lambda invocation would. */
  deliverTwice?: boolean;
}

/** A running poller. */
export interface StreamPoller {
  /**
   * Resolves after a whole polling round that started after this call
   * found no record to hand over: everything written before is handled.
   */
  caughtUp(): Promise<void>;
  /** Stops after the current round. */
  stop(): Promise<void>;
}

/** Thrown when the table has no stream to poll. */
export class StreamNotEnabled extends Error {
  constructor(readonly tableName: string) {
    super(`table ${tableName} has no stream; see StreamSpecification`);
    this.name = 'StreamNotEnabled';
  }
}

/** How often shards are listed again, to find ones opened since. */
const SHARD_REFRESH_MS = 2_000;

/** Finds the table's stream and starts polling it. */
export async function startStreamPoller(
  options: StreamPollerOptions,
): Promise<StreamPoller> {
  const streamArn = await findStreamArn(options);
  const client = new DynamoDBStreamsClient({
    endpoint: options.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const loop = new PollLoop(new StreamShards(client, streamArn), options);
  const running = loop.run().finally(() => {
    client.destroy();
  });

  return {
    caughtUp: () => loop.caughtUp(),
    stop: async () => {
      loop.stop();
      await running;
    },
  };
}

async function findStreamArn(options: StreamPollerOptions): Promise<string> {
  const admin = createLocalDynamoDbClient({ endpoint: options.endpoint });
  try {
    const { Table } = await admin.send(
      new DescribeTableCommand({ TableName: options.tableName }),
    );
    if (Table?.LatestStreamArn === undefined) {
      throw new StreamNotEnabled(options.tableName);
    }

    return Table.LatestStreamArn;
  } finally {
    admin.destroy();
  }
}

class PollLoop {
  private readonly stopped = new AbortController();
  private round = 0;
  private waiters: { after: number; resolve: () => void }[] = [];
  private refreshedAt = 0;
  /** Why the last failing call failed, for the dead letter. */
  private lastFailure = '';

  constructor(
    private readonly shards: StreamShards,
    private readonly options: StreamPollerOptions,
  ) {}

  caughtUp(): Promise<void> {
    return new Promise((resolve) => {
      this.waiters.push({ after: this.round, resolve });
    });
  }

  stop(): void {
    this.stopped.abort();
  }

  async run(): Promise<void> {
    while (!this.stopped.signal.aborted) {
      this.round += 1;
      const busy = await this.pollOnce().catch((error: unknown) => {
        this.options.log.error('stream poll failed', { error });

        return false;
      });
      if (!busy) {
        this.wakeWaiters();
        await this.pause(this.options.pollIntervalMs ?? 200);
      }
    }
    this.waiters.forEach((waiter) => {
      waiter.resolve();
    });
  }

  /** One round over the shards; true when it handed records over. */
  private async pollOnce(): Promise<boolean> {
    if (Date.now() - this.refreshedAt > SHARD_REFRESH_MS) {
      await this.shards.refresh();
      this.refreshedAt = Date.now();
    }
    let busy = false;
    for (const cursor of this.shards.active()) {
      if (cursor.pending.length === 0) {
        await this.shards.read(cursor, this.options.batchSize ?? 100);
      }
      if (cursor.pending.length > 0) {
        busy = true;
        await this.handle(cursor);
      }
    }

    return busy;
  }

  private wakeWaiters(): void {
    const round = this.round;
    const ready = this.waiters.filter((waiter) => waiter.after < round);
    this.waiters = this.waiters.filter((waiter) => waiter.after >= round);
    ready.forEach((waiter) => {
      waiter.resolve();
    });
  }

  private async pause(ms: number): Promise<void> {
    await sleep(ms, undefined, { signal: this.stopped.signal }).catch(
      () => undefined,
    );
  }

  /** Hands a shard's pending records over, retrying from a failure. */
  private async handle(cursor: ShardCursor): Promise<void> {
    const maxAttempts = this.options.maxAttempts ?? 3;
    let attempts = 0;
    while (cursor.pending.length > 0 && !this.stopped.signal.aborted) {
      const failedAt = await this.invoke(cursor.pending);
      if (failedAt < 0) {
        cursor.pending = [];

        return;
      }
      // Records before the failure are done; the count is the failing
      // record's own.
      attempts = failedAt > 0 ? 1 : attempts + 1;
      cursor.pending = cursor.pending.slice(failedAt);
      if (attempts >= maxAttempts) {
        this.deadLetter(cursor.pending.shift(), attempts);
        attempts = 0;
      } else {
        const delayMs = this.options.retryDelayMs ?? 200;
        await this.pause(delayMs * 2 ** (attempts - 1));
      }
    }
  }

  /** Index of the first record to retry, or -1 when all went through. */
  private async invoke(records: _Record[]): Promise<number> {
    const calls = this.options.deliverTwice === true ? 2 : 1;
    let failedAt = -1;
    for (let call = 0; call < calls; call += 1) {
      const failure = await this.invokeOnce(records);
      if (failure >= 0)
        failedAt = failedAt < 0 ? failure : Math.min(failedAt, failure);
    }

    return failedAt;
  }

  private async invokeOnce(records: _Record[]): Promise<number> {
    const event = { Records: records.map((record) => this.toLambda(record)) };
    let response: DynamoDBBatchResponse | undefined;
    try {
      response = await this.options.handler(event);
    } catch (error) {
      this.options.log.error('stream handler failed', { error });
      this.lastFailure = describeError(error);

      return 0;
    }
    const failed = new Set(
      (response?.batchItemFailures ?? []).map((item) => item.itemIdentifier),
    );
    if (failed.size === 0) return -1;
    this.lastFailure = 'reported as a batch item failure';
    const index = records.findIndex((record) =>
      failed.has(record.dynamodb?.SequenceNumber ?? ''),
    );

    // An identifier that names no record: Lambda retries the whole batch.
    return index < 0 ? 0 : index;
  }

  /** A record as Lambda hands it to a function. */
  private toLambda(record: _Record): DynamoDBRecord {
    const { ApproximateCreationDateTime: created, ...change } =
      record.dynamodb ?? {};

    return {
      eventID: record.eventID,
      eventName: record.eventName,
      eventVersion: record.eventVersion,
      eventSource: 'aws:dynamodb',
      awsRegion: record.awsRegion ?? 'us-east-1',
      eventSourceARN: this.shards.streamArn,
      // Images are the same JSON in both typings, binary aside (bytes in
      // the SDK, base64 text in Lambda's events); order items hold none.
      dynamodb: {
        ...(change as NonNullable<DynamoDBRecord['dynamodb']>),
        ApproximateCreationDateTime:
          created === undefined ? undefined : created.getTime() / 1000,
      },
    };
  }

  private deadLetter(record: _Record | undefined, attempts: number): void {
    const sequenceNumber = record?.dynamodb?.SequenceNumber;
    this.options.log.error('stream record dead-lettered', {
      sequenceNumber,
      attempts,
    });
    this.options.deadLetters.add({
      kind: 'stream-record',
      target: 'orderEvents',
      attempts,
      error: this.lastFailure,
      at: new Date().toISOString(),
      payload: record === undefined ? undefined : this.toLambda(record),
    });
  }
}
