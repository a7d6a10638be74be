import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { invokeOverHttp } from '../../src/local/lambda-clients';
import { PhoneSimulator } from '../../src/local/phone-simulator';
import { readSmsOutbox } from '../../src/notifications/adapters/sms-outbox';
import {
  eventually,
  exitOf,
  isRunning,
  type StartedStack,
  startStack,
} from '../support/start-process';

const INBOUND_CALL = readFileSync(
  resolve(__dirname, '../../events/sma-new-inbound-call.json'),
  'utf8',
);
const CALLER = '+15555550123';
const CUSTOMER_EMAIL = 'sam@example.com';
/** Order, sides, garlic knots, one, done, place it. */
const KEYPAD_ORDER = '1 2 1 1 3 1';

/**
 * One `npm start --no-phone --in-memory` for the whole file, since its
 * start takes seconds: each test uses what the banner printed, and the
 * last one stops it.
 */
let stack: StartedStack;

beforeAll(async () => {
  stack = await startStack(['--no-phone', '--in-memory']);
}, 40_000);

afterAll(() => {
  // A failed test must not leave the stack behind: SIGTERM lets it stop
  // its own JVM.
  if (stack.child.exitCode === null) stack.child.kill('SIGTERM');
});

async function staffApi(path: string, init: RequestInit = {}) {
  const token = readFileSync(stack.banner.tokenPath, 'utf8').trim();

  return fetch(new URL(path, stack.banner.staffApi), {
    ...init,
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
    },
  });
}

async function emailsTo(address: string) {
  const reply = await fetch(new URL('/store', stack.banner.mailboxUrl));
  const store = (await reply.json()) as {
    emails: { destination: { to: string[] }; subject: string }[];
  };

  return store.emails.filter((email) => email.destination.to.includes(address));
}

describe('npm start --no-phone', () => {
  it('greets a call through the Lambda Invoke API', async () => {
    const path = '/2015-03-31/functions/phone-orders-dev-sma/invocations';

    const reply = await fetch(new URL(path, stack.banner.lambdaEndpoint), {
      method: 'POST',
      body: INBOUND_CALL,
    });

    expect(reply.status).toBe(200);
    const response = (await reply.json()) as {
      Actions: { Parameters: { SpeechParameters: { Text: string } } }[];
    };
    expect(response.Actions[0]?.Parameters.SpeechParameters.Text).toMatch(
      /^Thanks for calling .+ To order by voice, press 2\.$/,
    );
  });

  it('answers the staff API with the token it printed', async () => {
    const reply = await staffApi('/orders?status=PLACED');

    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await reply.json()).toEqual({ orders: [] });
  });

  it('serves the mailbox page and the order board', async () => {
    const mailbox = await fetch(stack.banner.mailboxUrl);
    const board = await fetch(stack.banner.boardUrl);

    expect(mailbox.status).toBe(200);
    expect(board.status).toBe(200);
    expect(board.headers.get('content-type')).toMatch(/^text\/html/);
    expect(stack.banner.boardLink).toContain(
      `api=${encodeURIComponent(stack.banner.staffApi)}&token=ey`,
    );
  });

  it('texts and emails the customer of an order placed by phone', async () => {
    // Prepare
    const profile = await staffApi(`/customers/${encodeURIComponent(CALLER)}`, {
      method: 'PATCH',
      body: JSON.stringify({ email: CUSTOMER_EMAIL }),
    });
    expect(profile.status).toBe(200);
    const phone = new PhoneSimulator({
      invoke: invokeOverHttp(
        stack.banner.lambdaEndpoint,
        'phone-orders-dev-sma',
      ),
      from: CALLER,
      to: '+15555550100',
    });

    // Act
    const record = await phone.call(KEYPAD_ORDER);

    // Assess
    expect(record.problems).toEqual([]);
    const texts = await eventually(
      () => Promise.resolve(readSmsOutbox(stack.banner.outboxPath)),
      (entries) => entries.length > 0,
    );
    expect(texts).toEqual([
      expect.objectContaining({
        to: CALLER,
        body: expect.stringContaining('order #1 received') as string,
      }),
    ]);
    const emails = await eventually(
      () => emailsTo(CUSTOMER_EMAIL),
      (found) => found.length > 0,
    );
    expect(emails).toHaveLength(1);
  });

  it('stops everything on SIGTERM and exits 0', async () => {
    const exited = exitOf(stack.child, 10_000);

    stack.child.kill('SIGTERM');

    expect(await exited).toBe(0);
    expect(isRunning(stack.banner.javaPid)).toBe(false);
    // --in-memory keeps its outbox in a directory of its own, now gone.
    expect(existsSync(stack.banner.outboxPath)).toBe(false);
  });
});
