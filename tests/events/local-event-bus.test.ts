import { DeadLetterBox } from '../../src/local/dead-letters';
import { type BusConsumer, LocalEventBus } from '../../src/local/event-bus';
import type { EventRule } from '../../src/local/event-rules';
import type { BusEvent } from '../../src/wiring/order-event-consumer';
import {
  completedEvent,
  orderIn,
  placedEvent,
  statusChangedEvent,
} from '../support/order-event-fixtures';

const RULES: EventRule[] = [
  {
    functionKey: 'sendSms',
    pattern: {
      source: ['phone-orders'],
      'detail-type': ['OrderPlaced', 'OrderStatusChanged'],
    },
  },
  {
    functionKey: 'sendEmail',
    pattern: {
      source: ['phone-orders'],
      'detail-type': ['OrderPlaced', 'OrderCompleted'],
    },
  },
];

const silentLog = { info: jest.fn(), warn: jest.fn(), error: jest.fn() };

/** A consumer that records what it got, failing as many times as told. */
function recorder(failures = 0) {
  const received: BusEvent[] = [];
  let toFail = failures;
  const consumer: BusConsumer = (event) => {
    if (toFail > 0) {
      toFail -= 1;

      return Promise.reject(new Error('provider down'));
    }
    received.push(event);

    return Promise.resolve('sent');
  };

  return { received, consumer };
}

function bus(
  consumers: Record<string, BusConsumer>,
  options: { deliverTwice?: boolean } = {},
) {
  const deadLetters = new DeadLetterBox();
  const localBus = new LocalEventBus({
    rules: RULES,
    consumers,
    deadLetters,
    log: silentLog,
    source: 'phone-orders',
    retryDelayMs: 1,
    ...options,
  });

  return { localBus, deadLetters };
}

describe('LocalEventBus', () => {
  it('delivers each event to the consumers whose pattern matches', async () => {
    // Prepare
    const sms = recorder();
    const email = recorder();
    const { localBus } = bus({
      sendSms: sms.consumer,
      sendEmail: email.consumer,
    });

    // Act
    await localBus.publish([
      placedEvent(),
      statusChangedEvent(orderIn('COMPLETED'), 'READY'),
      completedEvent(),
    ]);
    await localBus.idle();

    // Assess
    expect(sms.received.map((event) => event['detail-type'])).toEqual([
      'OrderPlaced',
      'OrderStatusChanged',
    ]);
    expect(email.received.map((event) => event['detail-type'])).toEqual([
      'OrderPlaced',
      'OrderCompleted',
    ]);
  });

  it('hands over the event as EventBridge does', async () => {
    // Prepare
    const sms = recorder();
    const { localBus } = bus({ sendSms: sms.consumer });
    const event = placedEvent();

    // Act
    await localBus.publish([event]);
    await localBus.idle();

    // Assess
    expect(sms.received[0]).toMatchObject({
      version: '0',
      source: 'phone-orders',
      'detail-type': 'OrderPlaced',
      time: event.detail.metadata.occurredAt,
      detail: event.detail,
    });
  });

  it('retries a failing consumer until it succeeds', async () => {
    // Prepare
    const sms = recorder(2);
    const { localBus, deadLetters } = bus({ sendSms: sms.consumer });

    // Act
    await localBus.publish([placedEvent()]);
    await localBus.idle();

    // Assess
    expect(sms.received).toHaveLength(1);
    expect(deadLetters.letters).toEqual([]);
  });

  it('dead-letters the event, whole, when the consumer keeps failing', async () => {
    // Prepare
    const sms = recorder(99);
    const { localBus, deadLetters } = bus({ sendSms: sms.consumer });
    const event = placedEvent();

    // Act
    await localBus.publish([event]);
    await localBus.idle();

    // Assess
    expect(deadLetters.letters).toEqual([
      expect.objectContaining({
        kind: 'event',
        target: 'sendSms',
        attempts: 3,
        error: 'Error: provider down',
        payload: expect.objectContaining({ detail: event.detail }) as unknown,
      }),
    ]);
  });

  it('delivers every event twice when asked to', async () => {
    // Prepare
    const sms = recorder();
    const { localBus } = bus({ sendSms: sms.consumer }, { deliverTwice: true });

    // Act
    await localBus.publish([placedEvent()]);
    await localBus.idle();

    // Assess
    expect(sms.received).toHaveLength(2);
  });

  it('skips rules without a local consumer, with a warning', () => {
    // Prepare
    const log = { info: jest.fn(), warn: jest.fn(), error: jest.fn() };

    // Act
    new LocalEventBus({
      rules: RULES,
      consumers: {},
      deadLetters: new DeadLetterBox(),
      log,
      source: 'phone-orders',
    });

    // Assess
    expect(log.warn).toHaveBeenCalledWith(
      'no local consumer for rule, events dropped',
      { functionKey: 'sendSms' },
    );
  });
});
