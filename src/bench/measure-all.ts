/**
 * Every item of the benchmark against a started stack, in an order that
 * keeps them apart: the notification pipeline reads the table's stream
 * from its start, so it runs while the table holds few orders, and it is
 * stopped before the load tests; the heaviest load (50 calls) comes last
 * among the tests on the table.
 *
 * This module reaches the functions' wiring, whose logger and metrics
 * read process.env as they load: import it only once the stack has set
 * the environment.
 */
import { join } from 'node:path';
import type { BenchRow } from './bench-table';
import type { BenchStack } from './bench-stack';
import { callerCostOf, callerCostRows } from './caller-cost';
import { callFlowCpuRows, measureCallFlowCpu } from './call-flow-cpu';
import { functionCostRows } from './function-cost-rows';
import { measureFunctionCosts } from './function-costs';
import { InvocationTimer, placeKeypadOrder } from './keypad-calls';
import { latencyRows, orderRequestRows } from './latency-rows';
import {
  measureNotificationLatency,
  notificationRows,
} from './notification-latency';
import { measurePacedRequests, pacedRequestRows } from './paced-requests';
import { countsBetween } from './request-counter';
import { measureSmaLatency, type LatencyPlan } from './sma-latency';
import { measureStaffApi, staffApiRows } from './staff-api-load';

/** Sample sizes; see the README's Performance section. */
export interface Plan {
  latency: LatencyPlan;
  cpu: { warmupCalls: number; calls: number };
  staffApi: { seconds: number; staffClients: number; concurrentCalls: number };
  notificationOrders: number;
  /** Orders placed at a caller's pace, for their DynamoDB requests. */
  pacedCalls: number;
  coldStartRuns: number;
}

const startedAt = performance.now();

/** Progress lines go to standard error; the table alone to output. */
function progress(text: string): void {
  const seconds = ((performance.now() - startedAt) / 1000).toFixed(0);
  process.stderr.write(`bench: [${seconds.padStart(3)} s] ${text}\n`);
}

/** Runs every item; returns the rows and the raw results. */
export async function measureAll(
  stack: BenchStack,
  plan: Plan,
  resultsDirectory: string,
) {
  progress('first call (caller cost, DynamoDB requests with a cold cache)');
  const before = stack.sma.requests.counts();
  const firstRecord = await placeKeypadOrder(
    new InvocationTimer().invoker(stack.sma),
  );
  const firstCall = countsBetween(before, stack.sma.requests.counts());
  const callerCost = callerCostOf(firstRecord);
  progress(`DynamoDB requests at a caller's pace, ${plan.pacedCalls} calls`);
  const pacedRequests = await measurePacedRequests(plan.pacedCalls);

  progress(`order commit to SMS, ${plan.notificationOrders} orders`);
  const notification = await measureNotificationLatency(
    stack,
    plan.notificationOrders,
    join(resultsDirectory, 'scratch'),
  );
  progress(`staff API for ${plan.staffApi.seconds} s under calls`);
  const staffApi = await measureStaffApi(
    stack.staffApi,
    stack.sma,
    plan.staffApi,
  );
  progress('sma latency, paced and back to back');
  const latency = await measureSmaLatency(stack.sma, plan.latency, (text) => {
    progress(`sma latency: ${text}`);
  });
  progress('call flow CPU, in memory');
  const cpu = await measureCallFlowCpu(plan.cpu.warmupCalls, plan.cpu.calls);
  progress(`bundles and cold starts, ${plan.coldStartRuns} runs each`);
  const functionCosts = await measureFunctionCosts(
    stack,
    join(resultsDirectory, 'bundles'),
    plan.coldStartRuns,
  );
  progress('done');

  const rows: BenchRow[] = [
    ...latencyRows(latency),
    ...callFlowCpuRows(cpu),
    ...orderRequestRows(firstCall, latency),
    ...pacedRequestRows(pacedRequests),
    ...staffApiRows(staffApi).filter((row) => row.section === 3),
    ...functionCostRows(functionCosts),
    ...staffApiRows(staffApi).filter((row) => row.section === 5),
    ...notificationRows(notification),
    ...callerCostRows(callerCost),
  ];
  const results = {
    latency,
    cpu,
    firstCall,
    pacedRequests,
    staffApi,
    functionCosts,
    notification,
    callerCost,
  };

  return { rows, results };
}
