import type { SequencedChange } from '../../src/events/publish-changes';
import { publishChanges } from '../../src/events/publish-changes';
import { InMemoryEventPublisher } from '../../src/events/in-memory-publisher';
import { toOrderItem } from '../../src/storage/order-item';
import { orderIn, sampleOrder } from '../support/order-event-fixtures';

const silentLog = { info: jest.fn(), error: jest.fn() };

function placed(sequenceNumber: string, orderId: string): SequencedChange {
  return {
    sequenceNumber,
    eventName: 'INSERT',
    newImage: { ...toOrderItem(sampleOrder({ orderId })) },
  };
}

function completed(sequenceNumber: string, orderId: string): SequencedChange {
  return {
    sequenceNumber,
    eventName: 'MODIFY',
    oldImage: { ...toOrderItem(orderIn('READY', { orderId })) },
    newImage: { ...toOrderItem(orderIn('COMPLETED', { orderId })) },
  };
}

describe('publishChanges', () => {
  it('publishes the events of every change, oldest first', async () => {
    // Prepare
    const publisher = new InMemoryEventPublisher();
    const changes = [placed('100', 'a'), completed('200', 'b')];

    // Act
    const outcome = await publishChanges(changes, {
      publisher,
      log: silentLog,
    });

    // Assess
    expect(outcome).toEqual({ retryFrom: undefined, published: 3 });
    expect(
      publisher.published.map((event) => event.detail.metadata.id),
    ).toEqual([
      'a:1:PLACED:OrderPlaced',
      'b:2:COMPLETED:OrderStatusChanged',
      'b:2:COMPLETED:OrderCompleted',
    ]);
  });

  it('resumes from the first change with a refused event', async () => {
    // Prepare
    const publisher = new InMemoryEventPublisher();
    publisher.refuse.add('b:2:COMPLETED:OrderCompleted');
    const changes = [
      placed('100', 'a'),
      completed('200', 'b'),
      placed('300', 'c'),
    ];

    // Act
    const outcome = await publishChanges(changes, {
      publisher,
      log: silentLog,
    });

    // Assess
    expect(outcome.retryFrom).toBe('200');
  });

  it('resumes from the first change with events when the bus failed', async () => {
    // Prepare
    const publisher = new InMemoryEventPublisher();
    publisher.failWith = new Error('socket hang up');
    const customer: SequencedChange = {
      sequenceNumber: '050',
      eventName: 'INSERT',
      newImage: { PK: 'CUSTOMER#+1', SK: 'PROFILE', entity: 'CUSTOMER' },
    };

    // Act
    const outcome = await publishChanges([customer, placed('100', 'a')], {
      publisher,
      log: silentLog,
    });

    // Assess
    expect(outcome.retryFrom).toBe('100');
  });

  it('publishes the changes before a malformed one, then resumes there', async () => {
    // Prepare
    const publisher = new InMemoryEventPublisher();
    const malformed: SequencedChange = {
      sequenceNumber: '200',
      eventName: 'INSERT',
      newImage: { ...toOrderItem(sampleOrder()), lines: 'none' },
    };

    // Act
    const outcome = await publishChanges(
      [placed('100', 'a'), malformed, placed('300', 'c')],
      { publisher, log: silentLog },
    );

    // Assess
    expect(outcome.retryFrom).toBe('200');
    expect(publisher.published).toHaveLength(1);
  });

  it('does not call the bus for a batch without order events', async () => {
    // Prepare
    const publisher = new InMemoryEventPublisher();
    publisher.failWith = new Error('must not be called');
    const counter: SequencedChange = {
      sequenceNumber: '100',
      eventName: 'MODIFY',
      oldImage: { PK: 'COUNTER#TICKET', SK: '2026-12-01', lastTicket: 1 },
      newImage: { PK: 'COUNTER#TICKET', SK: '2026-12-01', lastTicket: 2 },
    };

    // Act
    const outcome = await publishChanges([counter], {
      publisher,
      log: silentLog,
    });

    // Assess
    expect(outcome).toEqual({ retryFrom: undefined, published: 0 });
  });
});
