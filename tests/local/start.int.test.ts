import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { findFreePort } from '../../src/local/ports';

const ROOT = resolve(__dirname, '../..');
const INBOUND_CALL = readFileSync(
  resolve(ROOT, 'events/sma-new-inbound-call.json'),
  'utf8',
);

/** What start.ts printed that this test needs. */
interface Started {
  lambdaEndpoint: string;
  javaPid: number;
}

let child: ChildProcess | undefined;
let output = '';

/**
 * Runs start.ts in one node process with tsx's loader. Through npx, a
 * SIGTERM stops at the `sh -c` npm runs the command in and never reaches
 * the stack; through the tsx CLI, it is relayed, but tsx SIGKILLs a child
 * that does not acknowledge it within 30 ms, which a busy test machine
 * misses now and then (exit 143).
 */
async function start(): Promise<Started> {
  const [dynamoDbPort, lambdaPort] = await distinctFreePorts();
  child = spawn(
    process.execPath,
    [
      ...['--import', 'tsx', 'src/local/start.ts'],
      ...['--no-phone', '--in-memory'],
      ...['--dynamodb-port', String(dynamoDbPort)],
      ...['--lambda-port', String(lambdaPort)],
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

  return waitForEndpoints(child);
}

async function distinctFreePorts(): Promise<[number, number]> {
  const first = await findFreePort();
  let second = await findFreePort();
  while (second === first) second = await findFreePort();

  return [first, second];
}

async function waitForEndpoints(running: ChildProcess): Promise<Started> {
  return new Promise((done, fail) => {
    const check = () => {
      const lambda = /Lambda Invoke API\s+(http:\/\/\S+)/.exec(output);
      const java = /java pid (\d+)/.exec(output);
      if (lambda?.[1] === undefined || java?.[1] === undefined) return;
      running.stdout?.off('data', check);
      done({ lambdaEndpoint: lambda[1], javaPid: Number(java[1]) });
    };
    running.stdout?.on('data', check);
    running.once('exit', (code) => {
      fail(new Error(`start.ts exited with ${code} first:\n${output}`));
    });
  });
}

async function exitOf(running: ChildProcess, withinMs: number) {
  return new Promise<number | null>((done, fail) => {
    const timer = setTimeout(() => {
      fail(new Error(`still running ${withinMs} ms after SIGTERM`));
    }, withinMs);
    running.once('exit', (code) => {
      clearTimeout(timer);
      done(code);
    });
  });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);

    return true;
  } catch {
    return false;
  }
}

afterEach(() => {
  // A failed test must not leave the stack behind: SIGTERM lets it stop
  // its own JVM.
  if (child?.exitCode === null) child.kill('SIGTERM');
});

describe('npm start --no-phone', () => {
  it('serves the greeting, then stops cleanly on SIGTERM', async () => {
    const started = await start();
    const path = '/2015-03-31/functions/phone-orders-dev-sma/invocations';

    const reply = await fetch(new URL(path, started.lambdaEndpoint), {
      method: 'POST',
      body: INBOUND_CALL,
    });

    expect(reply.status).toBe(200);
    const response = (await reply.json()) as {
      Actions: { Parameters: { SpeechParameters: { Text: string } } }[];
    };
    expect(response.Actions[0]?.Parameters.SpeechParameters.Text).toMatch(
      /^Thanks for calling /,
    );

    const exited = exitOf(child!, 5_000);
    child!.kill('SIGTERM');

    expect(await exited).toBe(0);
    expect(isRunning(started.javaPid)).toBe(false);
    // About 5 s on an idle machine; the margin is for a busy CI runner.
  }, 40_000);
});
