/**
 * Many people at once, on DynamoDB Local with the real adapters: callers
 * placing orders in the same moment, and staff moving the same order
 * along from several screens. Tickets must come out one each, in an
 * unbroken run; an order must pass through each status once, in order,
 * with exactly one person's move winning each step.
 */
import type { CallRecord } from '../../src/local/call-record';
import type { Fulfilment, OrderStatus } from '../../src/orders/model';
import { StatusConflict } from '../../src/orders/model';
import { nextStatuses } from '../../src/orders/status-machine';
import { heardTexts } from '../support/call-flow-fixture';
import { createTestTable, type TestTable } from '../support/dynamodb';
import {
  dynamoDbCallFlow,
  seedSampleMenu,
} from '../support/dynamodb-call-flow';
import { orderDraft } from '../orders/order-draft';
import {
  type ApiFixture,
  type ApiResponse,
  createApiFixture,
} from '../staff-api/support/api-fixture';

const SIMULTANEOUS_CALLS = 30;
const STAFF = 5;
/**
 * Two bottled waters, then 1 to place. A caller told the order could not
 * be placed presses 1 to try again, as the call flow asks.
 */
const ORDER_SCRIPT = '1 3 4 2 3 1 1 1';

/** The forward path of an order, PLACED first. */
const PATHS: Record<Fulfilment, OrderStatus[]> = {
  PICKUP: ['PLACED', 'CONFIRMED', 'PREPARING', 'READY', 'COMPLETED'],
  DELIVERY: [
    'PLACED',
    'CONFIRMED',
    'PREPARING',
    'READY',
    'OUT_FOR_DELIVERY',
    'COMPLETED',
  ],
};

/** The ticket number the caller heard in the goodbye, if any. */
function ticketHeard(record: CallRecord): number | undefined {
  const match = /Your ticket number is ([\d ]+)\./.exec(
    heardTexts(record).at(-1) ?? '',
  );

  return match?.[1] === undefined
    ? undefined
    : Number(match[1].replaceAll(' ', ''));
}

/** The moves that won, as "FROM>TO", in the order of the versions. */
function winningMoves(
  wins: { from: OrderStatus; to: OrderStatus; version: number }[],
): string[] {
  return [...wins]
    .sort((a, b) => a.version - b.version)
    .map(({ from, to }) => `${from}>${to}`);
}

/** Every move of a path, as "FROM>TO". */
function movesOf(path: OrderStatus[]): string[] {
  return path.slice(1).map((to, index) => `${path[index]!}>${to}`);
}

describe('callers ordering in the same moment', () => {
  let table: TestTable;

  beforeAll(async () => {
    table = await createTestTable();
    await seedSampleMenu(table);
  });

  afterAll(() => table.dispose());

  it(`gives ${SIMULTANEOUS_CALLS} simultaneous callers the tickets 1 to ${SIMULTANEOUS_CALLS}, one each`, async () => {
    // Prepare
    const flow = dynamoDbCallFlow(table);
    const callers = Array.from(
      { length: SIMULTANEOUS_CALLS },
      (_, index) => `+1206555${String(3000 + index)}`,
    );

    // Act
    const records = await Promise.all(
      callers.map((from) => flow.call(ORDER_SCRIPT, { from })),
    );

    // Assess
    const heard = records.map(ticketHeard);
    expect([...heard].sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(
      Array.from({ length: SIMULTANEOUS_CALLS }, (_, index) => index + 1),
    );
    for (const [index, from] of callers.entries()) {
      const stored = await flow.orders.listByCaller(from, 5);
      expect(
        stored.map((order) => [order.orderId, order.ticketNumber]),
      ).toEqual([[records[index]!.transactionId, heard[index]]]);
    }
  });
});

describe('staff moving the same order from several screens', () => {
  let api: ApiFixture;

  beforeAll(async () => {
    api = await createApiFixture();
  });

  afterAll(() => api.dispose());

  /** The order as each screen shows it: its status and where it may go. */
  async function look(orderId: string) {
    const seen = await api.call({ method: 'GET', path: `/orders/${orderId}` });

    return seen.body as { status: OrderStatus; nextStatuses: OrderStatus[] };
  }

  /**
   * Every screen shows the order, then every person presses the button
   * for the next status at once; again until the order is completed.
   */
  async function everyonePressesNext(
    orderId: string,
  ): Promise<{ from: OrderStatus; answers: ApiResponse[] }[]> {
    const rounds: { from: OrderStatus; answers: ApiResponse[] }[] = [];
    for (;;) {
      const screens = await Promise.all(
        Array.from({ length: STAFF }, () => look(orderId)),
      );
      const [{ status: from, nextStatuses: next }] = screens as [
        (typeof screens)[number],
      ];
      const to = next[0];
      if (to === undefined || to === 'CANCELLED') return rounds;
      const answers = await Promise.all(
        screens.map((screen) =>
          api.call({
            method: 'POST',
            path: `/orders/${orderId}/status`,
            body: { from: screen.status, to: screen.nextStatuses[0] },
          }),
        ),
      );
      rounds.push({ from, answers });
    }
  }

  it.each<Fulfilment>(['PICKUP', 'DELIVERY'])(
    `moves a %s order through each status once, one of ${STAFF} people winning each move`,
    async (fulfilment) => {
      // Prepare
      const { orderId } = await api.place({
        fulfilment,
        ...(fulfilment === 'DELIVERY' && { deliveryAddress: '5 Elm Street' }),
      });

      // Act
      const rounds = await everyonePressesNext(orderId);

      // Assess
      const path = PATHS[fulfilment];
      expect(rounds.map(({ from }) => from)).toEqual(path.slice(0, -1));
      for (const [index, { answers }] of rounds.entries()) {
        const won = answers.filter((answer) => answer.statusCode === 200);
        expect(won.map((answer) => answer.body)).toEqual([
          expect.objectContaining({
            status: path[index + 1],
            version: index + 2,
          }),
        ]);
        expect(
          answers
            .filter((answer) => answer.statusCode !== 200)
            .map(({ statusCode, body }) => ({ statusCode, body })),
        ).toEqual(
          Array.from({ length: STAFF - 1 }, () => ({
            statusCode: 409,
            body: {
              error: {
                code: 'status_conflict',
                message: `the order is no longer in that status; it is ${path[index + 1]!}`,
                currentStatus: path[index + 1],
              },
            },
          })),
        );
      }
      expect(await api.orders.get(orderId)).toMatchObject({
        status: 'COMPLETED',
        version: path.length,
      });
    },
  );

  it(`lets one of ${STAFF} concurrent changeStatus calls through per move, for many orders`, async () => {
    // Prepare
    const orders = await Promise.all(
      Array.from({ length: 8 }, () => api.orders.create(orderDraft())),
    );

    // Act
    const outcomes = await Promise.all(
      orders.map(async (order) => {
        const wins: { from: OrderStatus; to: OrderStatus; version: number }[] =
          [];
        const conflicts: OrderStatus[] = [];
        const worker = async (): Promise<void> => {
          for (;;) {
            const current = await api.orders.get(order.orderId);
            const to = nextStatuses(current!.status, current!.fulfilment)[0];
            if (to === undefined || to === 'CANCELLED') return;
            try {
              const moved = await api.orders.changeStatus(
                order.orderId,
                current!.status,
                to,
                new Date(),
              );
              wins.push({ from: current!.status, to, version: moved.version });
            } catch (error) {
              if (!(error instanceof StatusConflict)) throw error;
              conflicts.push(error.currentStatus);
            }
          }
        };
        await Promise.all(Array.from({ length: STAFF }, worker));

        return { wins, conflicts };
      }),
    );

    // Assess
    for (const { wins, conflicts } of outcomes) {
      expect(winningMoves(wins)).toEqual(movesOf(PATHS.PICKUP));
      for (const status of conflicts) {
        expect(PATHS.PICKUP).toContain(status);
      }
    }
    for (const order of orders) {
      expect(await api.orders.get(order.orderId)).toMatchObject({
        status: 'COMPLETED',
        version: PATHS.PICKUP.length,
      });
    }
  });
});
