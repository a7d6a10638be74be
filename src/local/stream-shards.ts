/**
 * Reading a DynamoDB stream shard by shard, as Lambda's event source
 * mapping does: every shard from its oldest record (TRIM_HORIZON, so an
 * order written before the reader started still gets its events), a
 * child shard only once its parent is read to the end.
 */
import {
  DescribeStreamCommand,
  type DynamoDBStreamsClient,
  ExpiredIteratorException,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record,
} from '@aws-sdk/client-dynamodb-streams';

/** Where reading one shard stands. */
export interface ShardCursor {
  shardId: string;
  parentShardId?: string;
  iterator?: string;
  /** The last record read, to resume after an expired iterator. */
  lastSequenceNumber?: string;
  /** Read to its end: the stream will add nothing to it. */
  closed: boolean;
  /** Records read, not yet handled successfully. */
  pending: _Record[];
}

/** The shards of one stream and how far each was read. */
export class StreamShards {
  private readonly cursors = new Map<string, ShardCursor>();

  constructor(
    private readonly client: DynamoDBStreamsClient,
    readonly streamArn: string,
  ) {}

  /** Learns of shards the stream opened since the last call. */
  async refresh(): Promise<void> {
    let startShardId: string | undefined;
    do {
      const { StreamDescription } = await this.client.send(
        new DescribeStreamCommand({
          StreamArn: this.streamArn,
          ExclusiveStartShardId: startShardId,
        }),
      );
      for (const shard of StreamDescription?.Shards ?? []) {
        const shardId = shard.ShardId;
        if (shardId === undefined || this.cursors.has(shardId)) continue;
        this.cursors.set(shardId, {
          shardId,
          parentShardId: shard.ParentShardId,
          closed: false,
          pending: [],
        });
      }
      startShardId = StreamDescription?.LastEvaluatedShardId;
    } while (startShardId !== undefined);
  }

  /** Shards to work on now: not done, and their parent done or unknown. */
  active(): ShardCursor[] {
    return [...this.cursors.values()].filter((cursor) => {
      const parent =
        cursor.parentShardId === undefined
          ? undefined
          : this.cursors.get(cursor.parentShardId);

      return !isDone(cursor) && (parent === undefined || isDone(parent));
    });
  }

  /** Reads the next records of a shard into its `pending` list. */
  async read(cursor: ShardCursor, limit: number): Promise<void> {
    cursor.iterator ??= await this.iteratorFor(cursor);
    try {
      const output = await this.client.send(
        new GetRecordsCommand({ ShardIterator: cursor.iterator, Limit: limit }),
      );
      const records = output.Records ?? [];
      cursor.pending.push(...records);
      cursor.lastSequenceNumber =
        records.at(-1)?.dynamodb?.SequenceNumber ?? cursor.lastSequenceNumber;
      cursor.iterator = output.NextShardIterator;
      cursor.closed = output.NextShardIterator === undefined;
    } catch (error) {
      // Iterators live 15 minutes; a paused process comes back to a dead one.
      if (!(error instanceof ExpiredIteratorException)) throw error;
      cursor.iterator = undefined;
    }
  }

  private async iteratorFor(cursor: ShardCursor): Promise<string | undefined> {
    const after = cursor.lastSequenceNumber;
    const { ShardIterator } = await this.client.send(
      new GetShardIteratorCommand({
        StreamArn: this.streamArn,
        ShardId: cursor.shardId,
        ...(after === undefined
          ? { ShardIteratorType: 'TRIM_HORIZON' }
          : {
              ShardIteratorType: 'AFTER_SEQUENCE_NUMBER',
              SequenceNumber: after,
            }),
      }),
    );

    return ShardIterator;
  }
}

function isDone(cursor: ShardCursor): boolean {
  return cursor.closed && cursor.pending.length === 0;
}
