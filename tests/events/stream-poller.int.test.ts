/**
 * The local event source mapping against DynamoDB Local's stream, with a
 * handler standing in for order-events: Lambda's event format, partial
 * batch failures, retries and the dead letter.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { DeadLetterBox } from '../../src/local/dead-letters';
import {
  startStreamPoller,
  type StreamHandler,
  type StreamPoller,
} from '../../src/local/stream-poller';
import {
  createTestTable,
  dynamoDbEndpoint,
  type TestTable,
} from '../support/dynamodb';

const silentLog = { info: jest.fn(), warn: jest.fn(), error: jest.fn() };

let table: TestTable;
let poller: StreamPoller | undefined;

beforeEach(async () => {
  table = await createTestTable({ menu: false });
});

afterEach(async () => {
  await poller?.stop();
  poller = undefined;
  await table.dispose();
});

async function put(id: string): Promise<void> {
  await table.client.send(
    new PutCommand({
      TableName: table.tableName,
      Item: { PK: `THING#${id}`, SK: 'THING', id },
    }),
  );
}

function idOf(record: DynamoDBRecord): string {
  return record.dynamodb?.NewImage?.id?.S ?? '?';
}

async function poll(
  handler: StreamHandler,
  deadLetters = new DeadLetterBox(),
): Promise<StreamPoller> {
  poller = await startStreamPoller({
    endpoint: dynamoDbEndpoint(),
    tableName: table.tableName,
    handler,
    deadLetters,
    log: silentLog,
    pollIntervalMs: 20,
    retryDelayMs: 5,
  });

  return poller;
}

describe('the stream poller', () => {
  it('hands records over in order, in Lambda event format', async () => {
    // Prepare
    const events: DynamoDBStreamEvent[] = [];
    await put('a');
    await put('b');

    // Act
    const running = await poll((event) => {
      events.push(event);

      return Promise.resolve({ batchItemFailures: [] });
    });
    await running.caughtUp();

    // Assess
    const records = events.flatMap((event) => event.Records);
    expect(records.map(idOf)).toEqual(['a', 'b']);
    expect(records[0]).toMatchObject({
      eventName: 'INSERT',
      eventSource: 'aws:dynamodb',
      eventSourceARN: expect.stringContaining(table.tableName) as string,
      dynamodb: {
        Keys: { PK: { S: 'THING#a' }, SK: { S: 'THING' } },
        SequenceNumber: expect.any(String) as string,
        ApproximateCreationDateTime: expect.any(Number) as number,
      },
    });
  });

  it('retries from the reported record, not the whole batch', async () => {
    // Prepare
    const seen: string[] = [];
    let failB = true;
    await put('a');
    await put('b');
    await put('c');

    // Act
    const running = await poll((event) => {
      const ids = event.Records.map(idOf);
      seen.push(ids.join(''));
      const b = event.Records.find((record) => idOf(record) === 'b');
      if (failB && b !== undefined) {
        failB = false;

        return Promise.resolve({
          batchItemFailures: [{ itemIdentifier: b.dynamodb!.SequenceNumber! }],
        });
      }

      return Promise.resolve({ batchItemFailures: [] });
    });
    await running.caughtUp();

    // Assess
    expect(seen).toEqual(['abc', 'bc']);
  });

  it('dead-letters a record that keeps failing, and moves on', async () => {
    // Prepare
    const deadLetters = new DeadLetterBox();
    const handled: string[] = [];
    await put('poison');
    await put('next');

    // Act
    const running = await poll((event) => {
      const poison = event.Records.find((record) => idOf(record) === 'poison');
      if (poison !== undefined) return Promise.reject(new Error('cannot read'));
      handled.push(...event.Records.map(idOf));

      return Promise.resolve({ batchItemFailures: [] });
    }, deadLetters);
    await running.caughtUp();

    // Assess
    expect(handled).toEqual(['next']);
    expect(deadLetters.letters).toEqual([
      expect.objectContaining({
        kind: 'stream-record',
        target: 'orderEvents',
        attempts: 3,
        error: 'Error: cannot read',
      }),
    ]);
    const payload = deadLetters.letters[0]?.payload as DynamoDBRecord;
    expect(idOf(payload)).toBe('poison');
  });

  it('picks up what is written while it runs', async () => {
    // Prepare
    const handled: string[] = [];
    const running = await poll((event) => {
      handled.push(...event.Records.map(idOf));

      return Promise.resolve(undefined);
    });
    await running.caughtUp();

    // Act
    await put('late');
    await running.caughtUp();

    // Assess
    expect(handled).toEqual(['late']);
  });
});
