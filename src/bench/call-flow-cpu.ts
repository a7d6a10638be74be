/**
 * Item 2: the handler's own CPU time per invocation. The call flow runs
 * on in-memory adapters, one call at a time, so an invocation never waits
 * on I/O and nothing else runs meanwhile: the process's CPU time over it
 * (`process.cpuUsage`, in microseconds) is the flow's. Wall time is kept
 * beside it; on a busy machine it also counts time the process waited
 * for a core.
 */
import { handleCallEvent } from '../call-flow/handle-call-event';
import type { CallFlowDependencies } from '../call-flow/types';
import { loadConfig } from '../config/config';
import { RepositoryCallerDirectory } from '../customers/caller-directory';
import type { InvokeLambda } from '../local/lambda-delivery';
import { InMemoryMenuRepository } from '../menu/in-memory-menu-repository';
import { parseMenu } from '../menu/menu-schema';
import sampleMenu from '../menu/sample-menu.json';
import { InMemoryOrderRepository } from '../orders/in-memory-order-repository';
import { placeOrder } from '../orders/place-order';
import { parseInvocationEvent } from '../telephony/events';
import { validateResponse } from '../telephony/validate-response';
import { callFlowSettings } from '../wiring/sma';
import type { BenchRow } from './bench-table';
import { type InvocationKind, kindOf, placeOrders } from './keypad-calls';
import { formatMs, formatPercentiles, summarize, type Summary } from './stats';

/** The call flow's time, and the whole path the handler takes. */
export interface CallFlowCpu {
  calls: number;
  /** CPU time of `handleCallEvent` alone. */
  flow: Summary;
  /** The same, by the part of the call the invocation served. */
  flowByKind: Record<InvocationKind, Summary>;
  /** Wall time of `handleCallEvent`. */
  flowWall: Summary;
  /** CPU time of reading the event, the flow, checking the answer. */
  handlerPath: Summary;
}

/** One invocation's times, in milliseconds. */
interface CpuSample {
  kind: InvocationKind;
  flowCpu: number;
  flowWall: number;
  pathCpu: number;
}

/** CPU milliseconds since `since` (a `process.cpuUsage()`). */
function cpuMsSince(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);

  return (used.user + used.system) / 1000;
}

const quiet = () => undefined;

/** The call flow as functions/sma.ts wires it, on in-memory adapters. */
function inMemoryDependencies(): CallFlowDependencies {
  const config = loadConfig();
  const now = () => new Date();
  const orders = new InMemoryOrderRepository({ clock: now });

  return {
    settings: callFlowSettings(config),
    menu: new InMemoryMenuRepository(parseMenu(sampleMenu)),
    callers: new RepositoryCallerDirectory(orders.customers, orders),
    placeOrder: (request) =>
      placeOrder(request, {
        orders,
        timeZone: config.restaurant.timeZone,
        kitchen: config.kitchen,
        now,
      }),
    metrics: { count: quiet },
    log: { info: quiet, warn: quiet, error: quiet },
    now,
  };
}

/** An invoker that times the flow and the handler's path around it. */
function timedFlow(samples: CpuSample[]): InvokeLambda {
  const dependencies = inMemoryDependencies();

  return async (event) => {
    const pathStarted = process.cpuUsage();
    const parsed = parseInvocationEvent(event);
    const flowStarted = process.cpuUsage();
    const wallStarted = performance.now();
    const response = await handleCallEvent(parsed, dependencies);
    const flowWall = performance.now() - wallStarted;
    const flowCpu = cpuMsSince(flowStarted);
    const check = validateResponse(response);
    const pathCpu = cpuMsSince(pathStarted);
    if (!check.valid) throw new Error(check.problems.join('; '));
    samples.push({ kind: kindOf(event, response), flowCpu, flowWall, pathCpu });

    return response;
  };
}

/**
 * Places `warmupCalls` orders unmeasured (the JIT settles), then `calls`
 * more, one at a time, timing every invocation.
 */
export async function measureCallFlowCpu(
  warmupCalls: number,
  calls: number,
): Promise<CallFlowCpu> {
  await placeOrders(timedFlow([]), warmupCalls, 1);
  const samples: CpuSample[] = [];
  const batch = await placeOrders(timedFlow(samples), calls, 1);
  if (batch.failed > 0) {
    throw new Error(`${batch.failed} in-memory calls placed no order`);
  }
  const flowOf = (kind?: InvocationKind) =>
    summarize(
      samples
        .filter((sample) => kind === undefined || sample.kind === kind)
        .map((sample) => sample.flowCpu),
    );

  return {
    calls,
    flow: flowOf(),
    flowByKind: {
      answer: flowOf('answer'),
      keypress: flowOf('keypress'),
      place: flowOf('place'),
    },
    flowWall: summarize(samples.map((sample) => sample.flowWall)),
    handlerPath: summarize(samples.map((sample) => sample.pathCpu)),
  };
}

/** Item 2's rows. */
export function callFlowCpuRows(cpu: CallFlowCpu): BenchRow[] {
  return [
    {
      section: 2,
      measure: `call flow CPU per invocation, in memory (${cpu.flow.count} invocations)`,
      result:
        `${formatPercentiles(cpu.flow)} (placing the order: p99 ` +
        `${formatMs(cpu.flowByKind.place.p99)} ms)`,
      value: cpu.flow.p99,
      target: { kind: 'below', limit: 1, unit: 'ms' },
    },
    {
      section: 2,
      measure: 'the same with reading the event and checking the answer',
      result:
        `${formatPercentiles(cpu.handlerPath)} (flow alone, wall time: ` +
        `p99 ${formatMs(cpu.flowWall.p99)} ms)`,
    },
  ];
}
