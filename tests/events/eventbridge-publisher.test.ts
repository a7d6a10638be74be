import {
  type EventBridgeClient,
  PutEventsCommand,
  type PutEventsCommandOutput,
} from '@aws-sdk/client-eventbridge';
import { EventBridgePublisher } from '../../src/events/adapters/eventbridge-publisher';
import type { OrderEvent } from '../../src/events/order-events';
import { EventsNotPublished } from '../../src/events/publisher';
import { placedEvent, sampleOrder } from '../support/order-event-fixtures';

type Output = Partial<PutEventsCommandOutput>;

/** A client whose PutEvents answers are given in turn. */
function clientAnswering(...answers: Output[]) {
  const send = jest.fn((command: PutEventsCommand) => {
    const answer = answers.shift();
    if (answer !== undefined) return Promise.resolve(answer);
    const count = command.input.Entries?.length ?? 0;

    return Promise.resolve({
      FailedEntryCount: 0,
      Entries: Array.from({ length: count }, (_, index) => ({
        EventId: `id-${index}`,
      })),
    });
  });

  return { send, client: { send } as unknown as EventBridgeClient };
}

function events(count: number): OrderEvent[] {
  return Array.from({ length: count }, (_, index) =>
    placedEvent(sampleOrder({ orderId: `order-${index}` })),
  );
}

function publisher(client: EventBridgeClient): EventBridgePublisher {
  return new EventBridgePublisher({
    client,
    eventBusName: 'orders-test',
    source: 'phone-orders',
    retry: { baseDelayMs: 1 },
  });
}

describe('EventBridgePublisher', () => {
  it('puts each event with its bus, source, detail-type and envelope', async () => {
    // Prepare
    const { send, client } = clientAnswering();
    const event = placedEvent();

    // Act
    await publisher(client).publish([event]);

    // Assess
    expect(send).toHaveBeenCalledTimes(1);
    const command = send.mock.calls[0]![0];
    expect(command).toBeInstanceOf(PutEventsCommand);
    expect(command.input).toEqual({
      Entries: [
        {
          EventBusName: 'orders-test',
          Source: 'phone-orders',
          DetailType: 'OrderPlaced',
          Detail: JSON.stringify(event.detail),
          Time: new Date('2026-12-01T23:00:00.000Z'),
        },
      ],
    });
  });

  it('sends at most 10 entries per request', async () => {
    // Prepare
    const { send, client } = clientAnswering();

    // Act
    await publisher(client).publish(events(23));

    // Assess
    expect(
      send.mock.calls.map(([command]) => command.input.Entries?.length),
    ).toEqual([10, 10, 3]);
  });

  it('sends only the refused entries again', async () => {
    // Prepare
    const { send, client } = clientAnswering({
      FailedEntryCount: 1,
      Entries: [
        { EventId: 'a' },
        { ErrorCode: 'ThrottlingException', ErrorMessage: 'slow down' },
        { EventId: 'c' },
      ],
    });
    const batch = events(3);

    // Act
    await publisher(client).publish(batch);

    // Assess
    expect(send).toHaveBeenCalledTimes(2);
    const retried = send.mock.calls[1]![0].input.Entries ?? [];
    expect(retried.map((entry) => entry.Detail)).toEqual([
      JSON.stringify(batch[1]!.detail),
    ]);
  });

  it('gives up after its attempts, naming the events still refused', async () => {
    // Prepare
    const refused = {
      FailedEntryCount: 1,
      Entries: [{ ErrorCode: 'InternalFailure', ErrorMessage: 'oops' }],
    };
    const { send, client } = clientAnswering(
      refused,
      refused,
      refused,
      refused,
    );

    // Act
    const act = publisher(client).publish(events(1));

    // Assess
    await expect(act).rejects.toThrow(EventsNotPublished);
    await expect(act).rejects.toMatchObject({
      refused: [
        {
          eventId: 'order-0:1:PLACED:OrderPlaced',
          detailType: 'OrderPlaced',
          errorCode: 'InternalFailure',
          errorMessage: 'oops',
        },
      ],
    });
    expect(send).toHaveBeenCalledTimes(4);
  });

  it('publishes nothing, and calls nothing, for no events', async () => {
    // Prepare
    const { send, client } = clientAnswering();

    // Act
    await publisher(client).publish([]);

    // Assess
    expect(send).not.toHaveBeenCalled();
  });
});
