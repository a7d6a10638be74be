/**
 * Item 4, time: a fresh `node` process loads a bundle and answers one
 * event, as Lambda's runtime does on a cold start. Times are read in the
 * child from `performance.now()`, whose origin is the process's start, so
 * they include Node's own start-up, as a cold start does.
 */
import { spawn } from 'node:child_process';
import { median } from './stats';

/** A bundle to start, and the event it answers. */
export interface ColdStartVariant {
  name: string;
  bundlePath: string;
  /** A new event for each run (an id a consumer must not have seen). */
  event: () => unknown;
  environment: Record<string, string>;
}

/** One variant's runs. */
export interface ColdStartTimes {
  /** Process start to the handler's answer, per run. */
  answeredMs: number[];
  /** Process start to the bundle loaded (required), per run. */
  loadedMs: number[];
  medianAnsweredMs: number;
  medianLoadedMs: number;
  /** Runs whose handler threw, or answered with a failure. */
  failures: number;
  /** The start of the last answer, to see what the function said. */
  lastAnswer: string;
}

interface ChildReport {
  ok: boolean;
  loadedAt: number;
  answeredAt: number;
  answer: string;
}

const RESULT_MARK = 'BENCH_COLD_START ';

/**
 * What the child runs: require the bundle, invoke its handler with a
 * Lambda context, report, exit. Plain JavaScript for `node -e`.
 */
const CHILD_SCRIPT = `
const { handler } = require(process.env.BENCH_BUNDLE);
const loadedAt = performance.now();
const context = {
  functionName: 'bench', functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:bench',
  memoryLimitInMB: '1024', awsRequestId: require('node:crypto').randomUUID(),
  logGroupName: '/aws/lambda/bench', logStreamName: 'bench',
  callbackWaitsForEmptyEventLoop: true,
  getRemainingTimeInMillis: () => 5000,
};
const finish = (ok, answer) => {
  const answeredAt = performance.now();
  const report = { ok, loadedAt, answeredAt,
    answer: String(JSON.stringify(answer)).slice(0, 300) };
  process.stdout.write('\\n${RESULT_MARK}' + JSON.stringify(report) + '\\n',
    () => process.exit(0));
};
Promise.resolve()
  .then(() => handler(JSON.parse(process.env.BENCH_EVENT), context))
  .then((answer) => finish(true, answer), (error) => finish(false, String(error)));
`;

/** How long one child may take before it counts as failed. */
const CHILD_TIMEOUT_MS = 20_000;

/** Starts one child and reads its report. */
function runOnce(variant: ColdStartVariant): Promise<ChildReport> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', CHILD_SCRIPT], {
      env: {
        ...variant.environment,
        BENCH_BUNDLE: variant.bundlePath,
        BENCH_EVENT: JSON.stringify(variant.event()),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), CHILD_TIMEOUT_MS);
    child.once('error', reject);
    child.once('close', () => {
      clearTimeout(timer);
      const line = output
        .split('\n')
        .find((text) => text.startsWith(RESULT_MARK));
      if (line === undefined) {
        reject(new Error(`${variant.name} gave no report:\n${output}`));
        return;
      }
      resolve(JSON.parse(line.slice(RESULT_MARK.length)) as ChildReport);
    });
  });
}

/** A failed answer: a thrown error, or a 5xx or function error. */
function failed(report: ChildReport): boolean {
  return !report.ok || /"statusCode":5\d\d|"errorType"/.test(report.answer);
}

/**
 * Starts every variant `runs` times, round-robin, so that a busy moment
 * of the machine spreads over all of them instead of one.
 */
export async function timeColdStarts(
  variants: readonly ColdStartVariant[],
  runs: number,
): Promise<Record<string, ColdStartTimes>> {
  const reports = new Map<string, ChildReport[]>(
    variants.map((variant) => [variant.name, []]),
  );
  for (let run = 0; run < runs; run += 1) {
    for (const variant of variants) {
      reports.get(variant.name)?.push(await runOnce(variant));
    }
  }

  return Object.fromEntries(
    [...reports].map(([name, list]) => [name, timesOf(list)]),
  );
}

function timesOf(reports: readonly ChildReport[]): ColdStartTimes {
  const answeredMs = reports.map((report) => report.answeredAt);
  const loadedMs = reports.map((report) => report.loadedAt);

  return {
    answeredMs,
    loadedMs,
    medianAnsweredMs: median(answeredMs),
    medianLoadedMs: median(loadedMs),
    failures: reports.filter(failed).length,
    lastAnswer: reports.at(-1)?.answer ?? '',
  };
}
