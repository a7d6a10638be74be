/**
 * Counts the DynamoDB requests a function makes, with a middleware on its
 * client's stack. The functions build their clients when they are
 * imported and keep them to themselves, so the counter is attached as
 * each document client is made: `DynamoDBDocumentClient.from` is wrapped
 * while the handlers are imported, and put back right after.
 */
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** DynamoDB operations that only read. */
const READS = new Set([
  'GetItem',
  'BatchGetItem',
  'Query',
  'Scan',
  'TransactGetItems',
]);

/** What a counter saw: totals and requests per operation. */
export interface RequestCounts {
  reads: number;
  writes: number;
  total: number;
  byOperation: Record<string, number>;
}

/** Requests sent through the clients it is attached to. */
export class RequestCounter {
  private readonly byOperation = new Map<string, number>();
  private lastWrite = Number.NaN;

  /** `performance.now()` when the last write answered; NaN before one. */
  get lastWriteAnsweredAt(): number {
    return this.lastWrite;
  }

  /** Records a request, `QueryCommand` counting as `Query`. */
  record(commandName: string): void {
    const operation = commandName.replace(/Command$/, '');
    this.byOperation.set(operation, (this.byOperation.get(operation) ?? 0) + 1);
  }

  /** Notes that a request of `commandName` was answered. */
  answered(commandName: string): void {
    if (!isRead(commandName.replace(/Command$/, ''))) {
      this.lastWrite = performance.now();
    }
  }

  /** The counts so far. */
  counts(): RequestCounts {
    const byOperation = Object.fromEntries(this.byOperation);
    let reads = 0;
    let writes = 0;
    for (const [operation, count] of this.byOperation) {
      if (isRead(operation)) reads += count;
      else writes += count;
    }

    return { reads, writes, total: reads + writes, byOperation };
  }
}

function isRead(operation: string): boolean {
  return READS.has(operation);
}

/** What `after` added to `before`, operation by operation. */
export function countsBetween(
  before: RequestCounts,
  after: RequestCounts,
): RequestCounts {
  const byOperation: Record<string, number> = {};
  for (const [operation, count] of Object.entries(after.byOperation)) {
    const added = count - (before.byOperation[operation] ?? 0);
    if (added > 0) byOperation[operation] = added;
  }

  return {
    reads: after.reads - before.reads,
    writes: after.writes - before.writes,
    total: after.total - before.total,
    byOperation,
  };
}

/**
 * Adds the counting middleware to a client's stack. It sits at the
 * initialize step, before the retry middleware, so a request the SDK
 * retries counts once: the figure is requests the code asks for.
 */
export function attachCounter(
  client: DynamoDBDocumentClient,
  counter: RequestCounter,
): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const commandName = context.commandName ?? 'unknown';
      counter.record(commandName);
      const output = await next(args);
      counter.answered(commandName);

      return output;
    },
    { step: 'initialize', name: 'benchRequestCounter' },
  );
}

/**
 * Runs `load` (which imports a function's module) with every document
 * client made meanwhile counted by `counter`.
 */
export async function countingClientsOf<T>(
  counter: RequestCounter,
  load: () => Promise<T>,
): Promise<T> {
  const original = Object.getOwnPropertyDescriptor(
    DynamoDBDocumentClient,
    'from',
  );
  const from = DynamoDBDocumentClient.from.bind(DynamoDBDocumentClient);
  DynamoDBDocumentClient.from = (client, translateConfig) => {
    const documentClient = from(client, translateConfig);
    attachCounter(documentClient, counter);

    return documentClient;
  };
  try {
    return await load();
  } finally {
    if (original !== undefined) {
      Object.defineProperty(DynamoDBDocumentClient, 'from', original);
    }
  }
}
