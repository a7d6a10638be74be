/**
 * `npm start` as a child process for the integration tests: started on
 * free ports, read back from its banner, and stopped with a signal.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { findFreePort } from '../../src/local/ports';

const ROOT = resolve(__dirname, '../..');

/** What the banner printed that the tests use. */
export interface Banner {
  lambdaEndpoint: string;
  javaPid: number;
  staffApi: string;
  /** Where the printed token was written. */
  tokenPath: string;
  mailboxUrl: string;
  boardUrl: string;
  /** The board link with the token in its fragment. */
  boardLink: string;
  outboxPath: string;
}

/** A running `npm start` and everything it printed so far. */
export interface StartedStack {
  child: ChildProcess;
  banner: Banner;
  output: () => string;
}

/** Each banner field and the line it is read from. */
const PATTERNS: Record<keyof Banner, RegExp> = {
  lambdaEndpoint: /Lambda Invoke API\s+(http:\/\/\S+)/,
  javaPid: /java pid (\d+)/,
  staffApi: /Staff API\s+(http:\/\/\S+)/,
  tokenPath: /TOKEN=\$\(cat (\S+)\)/,
  mailboxUrl: /Emails \(SES\)\s+(http:\/\/\S+)/,
  boardUrl: /Order board\s+(http:\/\/\S+)/,
  boardLink: /^\s+(http:\/\/\S+#api=\S+)$/m,
  outboxPath: /npm run sms-outbox -- (\S+)/,
};

/**
 * Runs start.ts in one node process with tsx's loader, as `npm start`
 * does since it `exec`s node: a SIGTERM reaches the stack itself.
 */
export async function startStack(args: string[]): Promise<StartedStack> {
  const ports = await distinctFreePorts(5);
  const flags = ['dynamodb', 'lambda', 'http', 'ses', 'board'];
  const child = spawn(
    process.execPath,
    [
      ...['--import', 'tsx', 'src/local/start.ts', ...args],
      ...flags.flatMap((flag, index) => [
        `--${flag}-port`,
        String(ports[index]),
      ]),
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await bannerPrinted(child, () => output);

  return { child, banner: readBanner(output), output: () => output };
}

async function distinctFreePorts(count: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < count) ports.add(await findFreePort());

  return [...ports];
}

async function bannerPrinted(
  child: ChildProcess,
  output: () => string,
): Promise<void> {
  return new Promise((done, fail) => {
    const check = () => {
      if (!output().includes('Serving until Ctrl-C.')) return;
      child.stdout?.off('data', check);
      done();
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      fail(new Error(`start.ts exited with ${code} first:\n${output()}`));
    });
  });
}

function readBanner(output: string): Banner {
  const field = (name: keyof Banner): string => {
    const value = PATTERNS[name].exec(output)?.[1];
    if (value === undefined) throw new Error(`no ${name} in:\n${output}`);

    return value;
  };

  return {
    lambdaEndpoint: field('lambdaEndpoint'),
    javaPid: Number(field('javaPid')),
    staffApi: field('staffApi'),
    tokenPath: field('tokenPath'),
    mailboxUrl: field('mailboxUrl'),
    boardUrl: field('boardUrl'),
    boardLink: field('boardLink'),
    outboxPath: field('outboxPath'),
  };
}

/** Resolves with the exit code; rejects if still running after the wait. */
export async function exitOf(
  child: ChildProcess,
  withinMs: number,
): Promise<number | null> {
  return new Promise((done, fail) => {
    const timer = setTimeout(() => {
      fail(new Error(`still running ${withinMs} ms after SIGTERM`));
    }, withinMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      done(code);
    });
  });
}

/** True while a process with this id exists. */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);

    return true;
  } catch {
    return false;
  }
}

/** Polls `read` until `accept` holds or `withinMs` passes. */
export async function eventually<T>(
  read: () => Promise<T>,
  accept: (value: T) => boolean,
  withinMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const value = await read();
    if (accept(value) || Date.now() > deadline) return value;
    await new Promise((next) => setTimeout(next, 100));
  }
}
