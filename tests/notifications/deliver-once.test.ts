import {
  deliverOnce,
  DeliveryInProgress,
  type Delivery,
} from '../../src/notifications/deliver-once';
import {
  InMemoryDeliveryClaims,
  InMemorySendLedger,
} from '../../src/notifications/in-memory-deliveries';

const NOW = new Date('2026-12-01T23:00:05.000Z');

function setup(clock = () => NOW) {
  const claims = new InMemoryDeliveryClaims({ clock, lockSeconds: 30 });
  const ledger = new InMemorySendLedger();
  const log = { info: jest.fn(), warn: jest.fn(), error: jest.fn() };

  const inProgressWait = { attempts: 1, delayMs: 1 };

  return {
    claims,
    ledger,
    log,
    dependencies: { claims, ledger, log, clock, inProgressWait },
  };
}

function delivery(send: Delivery['send']): Delivery {
  return {
    eventId: 'call-7f3a:1:PLACED:OrderPlaced',
    orderId: 'call-7f3a',
    channel: 'SMS',
    template: 'order-placed',
    send,
  };
}

describe('deliverOnce', () => {
  it('sends, then records the send on the order', async () => {
    // Prepare
    const { dependencies, ledger } = setup();
    const send = jest.fn(() => Promise.resolve({ messageId: 'm-1' }));

    // Act
    const outcome = await deliverOnce(delivery(send), dependencies);

    // Assess
    expect(outcome).toBe('sent');
    expect(send).toHaveBeenCalledTimes(1);
    expect(ledger.recordsOf('call-7f3a')).toEqual([
      {
        channel: 'SMS',
        template: 'order-placed',
        messageId: 'm-1',
        at: '2026-12-01T23:00:05.000Z',
      },
    ]);
  });

  it('sends nothing for a duplicate event', async () => {
    // Prepare
    const { dependencies, ledger } = setup();
    const send = jest.fn(() => Promise.resolve({ messageId: 'm-1' }));
    await deliverOnce(delivery(send), dependencies);

    // Act
    const outcome = await deliverOnce(delivery(send), dependencies);

    // Assess
    expect(outcome).toBe('duplicate');
    expect(send).toHaveBeenCalledTimes(1);
    expect(ledger.recordsOf('call-7f3a')).toHaveLength(1);
  });

  it('releases the claim when the send fails, so a retry sends', async () => {
    // Prepare
    const { dependencies, ledger } = setup();
    const failing = jest.fn(() => Promise.reject(new Error('throttled')));
    const working = jest.fn(() => Promise.resolve({ messageId: 'm-2' }));

    // Act
    const first = deliverOnce(delivery(failing), dependencies);
    await expect(first).rejects.toThrow('throttled');
    const retry = await deliverOnce(delivery(working), dependencies);

    // Assess
    expect(retry).toBe('sent');
    expect(ledger.recordsOf('call-7f3a').map((r) => r.messageId)).toEqual([
      'm-2',
    ]);
  });

  it('refuses a duplicate while the first delivery is still sending', async () => {
    // Prepare
    const { dependencies } = setup();
    let finish: (value: { messageId: string }) => void = () => undefined;
    const slow = () =>
      new Promise<{ messageId: string }>((resolve) => {
        finish = resolve;
      });
    const first = deliverOnce(delivery(slow), dependencies);
    await Promise.resolve();

    // Act
    const second = deliverOnce(
      delivery(() => Promise.resolve({ messageId: 'never' })),
      dependencies,
    );

    // Assess
    await expect(second).rejects.toThrow(DeliveryInProgress);
    finish({ messageId: 'm-1' });
    await expect(first).resolves.toBe('sent');
  });

  it('waits for a delivery in progress, then sends nothing', async () => {
    // Prepare
    const { dependencies } = setup();
    const patient = {
      ...dependencies,
      inProgressWait: { attempts: 50, delayMs: 2 },
    };
    const send = jest.fn(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));

      return { messageId: 'm-1' };
    });
    const first = deliverOnce(delivery(send), patient);
    await Promise.resolve();

    // Act
    const second = await deliverOnce(delivery(send), patient);

    // Assess
    expect(second).toBe('duplicate');
    await expect(first).resolves.toBe('sent');
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('takes over a claim whose sender died, once its lock ran out', async () => {
    // Prepare
    let now = NOW;
    const { dependencies, claims } = setup(() => now);
    const key = {
      eventId: 'call-7f3a:1:PLACED:OrderPlaced',
      channel: 'SMS' as const,
      orderId: 'call-7f3a',
    };
    await claims.claim(key);
    now = new Date(NOW.getTime() + 31_000);

    // Act
    const outcome = await deliverOnce(
      delivery(() => Promise.resolve({ messageId: 'm-3' })),
      dependencies,
    );

    // Assess
    expect(outcome).toBe('sent');
  });
});
