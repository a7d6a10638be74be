/**
 * `npm run bench`: measures the phone line on the local stack and prints
 * one table, each target marked met or missed; the same, with every
 * sample summary, goes to bench-results/latest.json. `--quick` cuts the
 * sample sizes for a smoke run. Progress goes to standard error, the
 * table to standard output.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatTable, tally, verdictOf } from './bench-table';
import { startBenchStack } from './bench-stack';
import type { measureAll, Plan } from './measure-all';

const FULL: Plan = {
  latency: {
    warmup: { calls: 40, concurrentCalls: 200, concurrency: 10 },
    paced: {
      compression: 10,
      levels: [
        { concurrency: 1, calls: 2 },
        { concurrency: 10, calls: 20 },
        { concurrency: 50, calls: 150 },
      ],
    },
    backToBack: [
      { concurrency: 1, calls: 40 },
      { concurrency: 10, calls: 100 },
      { concurrency: 50, calls: 100 },
    ],
  },
  cpu: { warmupCalls: 100, calls: 500 },
  staffApi: { seconds: 10, staffClients: 4, concurrentCalls: 10 },
  notificationOrders: 20,
  pacedCalls: 5,
  coldStartRuns: 15,
};

const QUICK: Plan = {
  latency: {
    warmup: { calls: 2, concurrentCalls: 10, concurrency: 10 },
    paced: {
      compression: 40,
      levels: [
        { concurrency: 1, calls: 2 },
        { concurrency: 10, calls: 20 },
        { concurrency: 50, calls: 100 },
      ],
    },
    backToBack: [
      { concurrency: 1, calls: 5 },
      { concurrency: 10, calls: 20 },
      { concurrency: 50, calls: 50 },
    ],
  },
  cpu: { warmupCalls: 20, calls: 60 },
  staffApi: { seconds: 2, staffClients: 4, concurrentCalls: 10 },
  notificationOrders: 3,
  pacedCalls: 2,
  coldStartRuns: 3,
};

const RESULTS_DIRECTORY = resolve(__dirname, '..', '..', 'bench-results');

function progress(text: string): void {
  process.stderr.write(`bench: ${text}\n`);
}

async function main(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { quick: { type: 'boolean', default: false } },
  });
  const plan = values.quick ? QUICK : FULL;
  const startedAt = Date.now();
  const loadBefore = loadavg()[0] ?? Number.NaN;
  mkdirSync(RESULTS_DIRECTORY, { recursive: true });
  progress('starting DynamoDB Local');
  const stack = await startBenchStack();
  let measured: Awaited<ReturnType<typeof measureAll>>;
  try {
    // Only now: the functions' wiring reads the environment as it loads.
    const { measureAll: measure } = await import('./measure-all');
    measured = await measure(stack, plan, RESULTS_DIRECTORY);
  } finally {
    await stack.stop();
  }
  const seconds = (Date.now() - startedAt) / 1000;
  const report = {
    generatedAt: new Date().toISOString(),
    quick: values.quick,
    seconds,
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      node: process.version,
      // Other work on the machine stretches every figure: say how busy.
      loadAverage: { before: loadBefore, after: loadavg()[0] ?? Number.NaN },
    },
    plan,
    rows: measured.rows.map((row) => ({ ...row, verdict: verdictOf(row) })),
    results: measured.results,
  };
  const path = join(RESULTS_DIRECTORY, 'latest.json');
  writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`);
  const { met, missed } = tally(measured.rows);
  process.stdout.write(`${formatTable(measured.rows)}\n\n`);
  process.stdout.write(
    `${met} targets met, ${missed} missed; ${seconds.toFixed(0)} s on ` +
      `${report.machine.cpus} CPUs, load average ` +
      `${report.machine.loadAverage.before.toFixed(1)} before, ` +
      `${report.machine.loadAverage.after.toFixed(1)} after` +
      `${values.quick ? ' (--quick)' : ''}. Details: bench-results/latest.json\n`,
  );

  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const detail =
      error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`bench failed: ${detail}\n`);
    process.exitCode = 1;
  },
);
