/**
 * Items 3 and 5 for the staff API: the DynamoDB requests of one order
 * list, and how many lists it serves a second while calls keep placing
 * orders in the same table.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { invokeInProcess } from '../local/lambda-clients';
import type { InvokeLambda } from '../local/lambda-delivery';
import type { BenchRow } from './bench-table';
import type { LoadedFunction } from './bench-stack';
import {
  InvocationTimer,
  placedAnOrder,
  placeKeypadOrder,
} from './keypad-calls';
import { countsBetween, type RequestCounts } from './request-counter';
import { perOrder, formatCounts } from './sma-latency';
import { formatMs, rounded, summarize, type Summary } from './stats';

/** GET /orders?status=PLACED&limit=20, as API Gateway hands it over. */
const LIST_EVENT_FILE = join(
  __dirname,
  '..',
  '..',
  'events',
  'staff-api-list-orders.json',
);

/** What the load test saw. */
export interface StaffApiLoad {
  seconds: number;
  staffClients: number;
  concurrentCalls: number;
  requests: number;
  failedRequests: number;
  requestsPerSecond: number;
  latency: Summary;
  ordersPlaced: number;
  /** DynamoDB requests of one list, measured alone before the load. */
  requestsPerList: RequestCounts;
}

/** How long, and how many staff clients and callers at once. */
export interface StaffApiLoadPlan {
  seconds: number;
  staffClients: number;
  concurrentCalls: number;
}

/** One list request; true when the API answered 200. */
async function listOrders(invoke: InvokeLambda, event: unknown) {
  const answer = (await invoke(event)) as { statusCode?: number } | null;

  return answer?.statusCode === 200;
}

/** Runs the load; the list's own requests are counted first, alone. */
export async function measureStaffApi(
  staffApi: LoadedFunction,
  sma: LoadedFunction,
  plan: StaffApiLoadPlan,
): Promise<StaffApiLoad> {
  const event = JSON.parse(readFileSync(LIST_EVENT_FILE, 'utf8')) as unknown;
  const invoke = invokeInProcess(staffApi.handler, 'staffApi');
  const alone = 5;
  const before = staffApi.requests.counts();
  for (let request = 0; request < alone; request += 1) {
    await listOrders(invoke, event);
  }
  const requestsPerList = perOrder(
    countsBetween(before, staffApi.requests.counts()),
    alone,
  );

  return { ...(await underLoad(invoke, event, sma, plan)), requestsPerList };
}

async function underLoad(
  invoke: InvokeLambda,
  event: unknown,
  sma: LoadedFunction,
  plan: StaffApiLoadPlan,
): Promise<Omit<StaffApiLoad, 'requestsPerList'>> {
  const latencies: number[] = [];
  let failedRequests = 0;
  let ordersPlaced = 0;
  let staffEndedAt = 0;
  const startedAt = performance.now();
  const deadline = startedAt + plan.seconds * 1000;
  const running = () => performance.now() < deadline;
  const staff = async () => {
    while (running()) {
      const requestedAt = performance.now();
      const ok = await listOrders(invoke, event);
      latencies.push(performance.now() - requestedAt);
      if (!ok) failedRequests += 1;
    }
    staffEndedAt = Math.max(staffEndedAt, performance.now());
  };
  const smaTimer = new InvocationTimer();
  const smaInvoke = smaTimer.invoker(sma);
  const caller = async () => {
    while (running()) {
      if (placedAnOrder(await placeKeypadOrder(smaInvoke))) ordersPlaced += 1;
    }
  };
  await Promise.all([
    ...Array.from({ length: plan.staffClients }, staff),
    ...Array.from({ length: plan.concurrentCalls }, caller),
  ]);
  await smaTimer.settled();
  // Callers finish the call they are in; the staff's window is the rate's.
  const seconds = (staffEndedAt - startedAt) / 1000;

  return {
    seconds: rounded(seconds),
    staffClients: plan.staffClients,
    concurrentCalls: plan.concurrentCalls,
    requests: latencies.length,
    failedRequests,
    requestsPerSecond: rounded(latencies.length / seconds, 1),
    latency: summarize(latencies),
    ordersPlaced,
  };
}

/** The staff rows of items 3 and 5. */
export function staffApiRows(load: StaffApiLoad): BenchRow[] {
  const failed =
    load.failedRequests > 0 ? `, ${load.failedRequests} not 200` : '';

  return [
    {
      section: 3,
      measure: 'DynamoDB requests per staff list (GET /orders?status=PLACED)',
      result: formatCounts(load.requestsPerList),
    },
    {
      section: 5,
      measure:
        `staff GET /orders, ${load.staffClients} clients, while ` +
        `${load.concurrentCalls} calls place orders (${load.seconds.toFixed(0)} s)`,
      result:
        `${load.requestsPerSecond} req/s, p95 ${formatMs(load.latency.p95)} ms; ` +
        `${load.ordersPlaced} orders meanwhile${failed}`,
    },
  ];
}
