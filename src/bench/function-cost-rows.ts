/**
 * Item 4's rows: sizes and cold starts as ratios to the floor, what the
 * bytes above the floor are, and the SDK clients no path constructs.
 */
import type { BenchRow } from './bench-table';
import type { BundleReport } from './bundles';
import type { FunctionCost, FunctionCosts } from './function-costs';
import { CLIENTS_ON_PATH, unusedClients } from './sdk-clients';
import { formatMs, rounded } from './stats';

/** A function may cost this much more than its floor. */
const RATIO_TARGET = {
  kind: 'at-most',
  limit: 1.1,
  unit: 'x',
} as const;

function kilobytes(bytes: number): string {
  return `${Math.round(bytes / 1024).toLocaleString('en-US')} KB`;
}

/**
 * The packages a bundle has more bytes of than its floor, largest first:
 * what the function's own code brings.
 */
export function bytesAboveFloor(
  bundle: BundleReport,
  floor: BundleReport,
): [string, number][] {
  return Object.entries(bundle.bytesByPackage)
    .map(([name, bytes]): [string, number] => [
      name,
      bytes - (floor.bytesByPackage[name] ?? 0),
    ])
    .filter(([, extra]) => extra > 0)
    .sort(([, a], [, b]) => b - a);
}

function sizeRow(cost: FunctionCost): BenchRow {
  const ratio = cost.bundle.bytes / cost.floor.bytes;
  const largest = bytesAboveFloor(cost.bundle, cost.floor)
    .slice(0, 2)
    .map(([name, bytes]) => `${name} +${kilobytes(bytes)}`)
    .join(', ');
  if ((CLIENTS_ON_PATH[cost.key] ?? []).length === 0) {
    // The target bounds what the code adds to the SDK it needs; with no
    // SDK client the floor is an empty handler, and a ratio to it says
    // nothing.
    return {
      section: 4,
      measure: `bundle ${cost.key}, minified (constructs no SDK client)`,
      result: `${kilobytes(cost.bundle.bytes)} (${largest})`,
    };
  }

  return {
    section: 4,
    measure: `bundle ${cost.key}, minified (vs floor; largest additions)`,
    result:
      `${kilobytes(cost.bundle.bytes)} vs ${kilobytes(cost.floor.bytes)}: ` +
      `${ratio.toFixed(2)}x (${largest})`,
    value: rounded(ratio),
    target: RATIO_TARGET,
  };
}

function coldStartRow(cost: FunctionCost, emptyMs: number): BenchRow[] {
  const { coldStart, floorColdStart } = cost;
  if (coldStart === undefined || floorColdStart === undefined) return [];
  const ratio = coldStart.medianAnsweredMs / floorColdStart.medianAnsweredMs;
  const failures =
    coldStart.failures > 0 ? `; ${coldStart.failures} runs failed` : '';

  return [
    {
      section: 4,
      measure: `cold start ${cost.key}: process start to answer, median (vs floor)`,
      result:
        `${formatMs(coldStart.medianAnsweredMs)} vs ` +
        `${formatMs(floorColdStart.medianAnsweredMs)} ms: ${ratio.toFixed(2)}x ` +
        `(loaded at ${formatMs(coldStart.medianLoadedMs)} vs ` +
        `${formatMs(floorColdStart.medianLoadedMs)}; empty handler ` +
        `${formatMs(emptyMs)})${failures}`,
      value: coldStart.failures > 0 ? Number.NaN : rounded(ratio),
      target: RATIO_TARGET,
    },
  ];
}

/** `orderEvents: client-dynamodb (src/wiring/deliveries.ts > ...)`. */
function unusedClientText(cost: FunctionCost): string[] {
  const onPath = CLIENTS_ON_PATH[cost.key] ?? [];

  return unusedClients(cost.bundle.sdkClients, onPath).map((client) => {
    const chain = cost.bundle.clientChains[`@aws-sdk/${client}`] ?? [];
    const via = chain.slice(1, -1).join(' > ');

    return `${cost.key}: ${client}${via === '' ? '' : ` (via ${via})`}`;
  });
}

/**
 * sma's cold start built up: floor, + zod, + middy and Powertools; then
 * the floor sending sma's first two reads, the part of the rest that is
 * the SDK's first requests rather than our code.
 */
function smaStepsRow(costs: FunctionCosts): BenchRow[] {
  const sma = costs.functions.find((cost) => cost.key === 'sma');
  if (sma?.coldStart === undefined || sma.floorColdStart === undefined) {
    return [];
  }
  const steps = [
    ['floor', sma.floorColdStart.medianAnsweredMs],
    ['+ zod', costs.smaSteps.withZod.medianAnsweredMs],
    ['+ middy, Powertools', costs.smaSteps.withLibraries.medianAnsweredMs],
    ['sma', sma.coldStart.medianAnsweredMs],
  ] as const;

  return [
    {
      section: 4,
      measure: 'cold start sma built up from its floor, median',
      result:
        steps.map(([name, ms]) => `${name} ${formatMs(ms)} ms`).join(', ') +
        `; the floor sending sma's first two reads ` +
        `${formatMs(costs.smaSteps.floorWithReads.medianAnsweredMs)} ms`,
    },
  ];
}

/** Item 4's rows, one size and one cold start row per function. */
export function functionCostRows(costs: FunctionCosts): BenchRow[] {
  const emptyMs = costs.emptyColdStart.medianAnsweredMs;
  const unused = costs.functions.flatMap(unusedClientText);

  return [
    ...costs.functions.flatMap((cost) => [
      sizeRow(cost),
      ...coldStartRow(cost, emptyMs),
    ]),
    ...costs.failedBuilds.map(({ key, error }) => ({
      section: 4,
      measure: `bundle ${key}, minified`,
      result: `did not build: ${error}`,
      value: Number.NaN,
      target: RATIO_TARGET,
    })),
    ...smaStepsRow(costs),
    {
      section: 4,
      measure: 'SDK clients in a bundle that its path never constructs',
      result: unused.length === 0 ? 'none' : unused.join('; '),
      value: unused.length === 0,
      target: { kind: 'holds', text: 'none' },
    },
  ];
}
