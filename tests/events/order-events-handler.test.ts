import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { InMemoryEventPublisher } from '../../src/events/in-memory-publisher';
import { changeFromRecord } from '../../src/storage/stream-changes';
import { orderEventsHandler } from '../../src/wiring/order-events';
import { orderIn, sampleOrder } from '../support/order-event-fixtures';

const EVENTS_DIR = join(__dirname, '..', '..', 'events');

function streamSample(): DynamoDBStreamEvent {
  return JSON.parse(
    readFileSync(join(EVENTS_DIR, 'order-events-stream.json'), 'utf8'),
  ) as DynamoDBStreamEvent;
}

const silentLog = { info: jest.fn(), warn: jest.fn(), error: jest.fn() };

describe('changeFromRecord', () => {
  it('unmarshals both images and keeps the sequence number', () => {
    // Prepare
    const [, modify] = streamSample().Records;

    // Act
    const change = changeFromRecord(modify!);

    // Assess
    expect(change.sequenceNumber).toBe('4421584600000000017450439092');
    expect(change.eventName).toBe('MODIFY');
    expect(change.oldImage).toMatchObject(sampleOrder());
    expect(change.newImage).toMatchObject(orderIn('CONFIRMED'));
  });
});

describe('the order-events handler (events/order-events-stream.json)', () => {
  it('publishes the placed order and its confirmation', async () => {
    // Prepare
    const publisher = new InMemoryEventPublisher();
    const handle = orderEventsHandler({ publisher, log: silentLog });

    // Act
    const response = await handle(streamSample());

    // Assess
    expect(response).toEqual({ batchItemFailures: [] });
    expect(
      publisher.published.map((event) => event.detail.metadata.id),
    ).toEqual([
      'call-7f3a:1:PLACED:OrderPlaced',
      'call-7f3a:2:CONFIRMED:OrderStatusChanged',
    ]);
  });

  it('reports the record whose events were refused', async () => {
    // Prepare
    const publisher = new InMemoryEventPublisher();
    publisher.refuse.add('call-7f3a:2:CONFIRMED:OrderStatusChanged');
    const handle = orderEventsHandler({ publisher, log: silentLog });

    // Act
    const response = await handle(streamSample());

    // Assess
    expect(response).toEqual({
      batchItemFailures: [{ itemIdentifier: '4421584600000000017450439092' }],
    });
  });

  it('yields the same event ids when the batch is delivered again', async () => {
    // Prepare
    const publisher = new InMemoryEventPublisher();
    const handle = orderEventsHandler({ publisher, log: silentLog });

    // Act
    await handle(streamSample());
    await handle(streamSample());

    // Assess
    const ids = publisher.published.map((event) => event.detail.metadata.id);
    expect(ids.slice(2)).toEqual(ids.slice(0, 2));
  });
});
