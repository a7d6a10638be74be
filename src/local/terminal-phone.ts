/**
 * The phone in the `npm start` terminal: one call after another from the
 * same number, each followed by what it left in the order table.
 */
import { PassThrough } from 'node:stream';
import { createInterface, type Interface } from 'node:readline';
import type { Order, OrderRepository } from '../orders/model';
import type { BotEngine } from './bot-engine';
import type { CallRecord } from './call-record';
import { summaryLine, transcriptLine } from './call-summary';
import type { InvokeLambda } from './lambda-delivery';
import { PhoneSimulator } from './phone-simulator';
import { TerminalCallerInput } from './terminal-caller-input';
import type { TranscriptEntry } from './transcript';

/** What the terminal phone needs. */
export interface TerminalPhoneOptions {
  /** The SIP media application's function. */
  invoke: InvokeLambda;
  from: string;
  to: string;
  /** Where the order a call placed is looked up. */
  orders: OrderRepository;
  /** Plays Lex after "2": the caller's typed lines are what they say. */
  botEngine?: BotEngine;
  input?: NodeJS.ReadableStream & { isTTY?: boolean };
  output?: NodeJS.WritableStream;
}

/**
 * Places calls until the person at the terminal types `q` or input ends.
 * Resolves when they are done.
 */
export async function runTerminalPhone(
  options: TerminalPhoneOptions,
): Promise<void> {
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stdout;
  const lines = new TerminalLines(input);
  const simulator = phoneFor(options, output);
  try {
    let answer: string | null = '';
    while (answer !== null && answer.trim().toLowerCase() !== 'q') {
      output.write(`\nCalling ${options.to} from ${options.from}.\n`);
      const record = await placeCall(simulator, lines, input.isTTY === true);
      output.write(`${summaryLine(record)}\n`);
      const order = await options.orders.get(record.transactionId);
      output.write(`${orderLine(order)}\n`);
      output.write('Press Enter to call again, or q to quit.\n');
      answer = await lines.next();
    }
  } finally {
    lines.close();
  }
}

/** The simulator, printing what the caller hears as it happens. */
function phoneFor(
  options: TerminalPhoneOptions,
  output: NodeJS.WritableStream,
): PhoneSimulator {
  return new PhoneSimulator({
    invoke: options.invoke,
    from: options.from,
    to: options.to,
    botEngine: options.botEngine,
    onTranscript: (entry) => {
      printLive(entry, output);
    },
  });
}

async function placeCall(
  simulator: PhoneSimulator,
  lines: TerminalLines,
  isTTY: boolean,
): Promise<CallRecord> {
  const caller = new TerminalCallerInput(lines.routeToCall(isTTY));
  try {
    return await simulator.call(caller);
  } finally {
    caller.close();
    lines.endCall();
  }
}

function printLive(
  entry: TranscriptEntry,
  output: NodeJS.WritableStream,
): void {
  // The person at the terminal typed the keys and words: no echo.
  if (entry.kind === 'pressed' || entry.kind === 'said') return;
  output.write(`${transcriptLine(entry)}\n`);
}

/** One line on what a call left in the table, for the person who called. */
export function orderLine(order: Order | undefined): string {
  if (order === undefined) return 'No order was placed.';
  const items = order.lines.reduce((sum, line) => sum + line.quantity, 0);
  const total = new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: order.currency,
  }).format(order.totalCents / 100);

  return (
    `Order stored: ticket ${order.ticketNumber}, ` +
    `${items} item${items === 1 ? '' : 's'}, total ${total}, ` +
    `status ${order.status}`
  );
}

/**
 * One reader of the terminal for the whole session. During a call its
 * lines go to the call's input; between calls they answer "call again?".
 * A reader per call would lose the lines another one had buffered.
 */
class TerminalLines {
  private readonly reader: Interface;
  private readonly queued: string[] = [];
  private ended = false;
  private call: PassThrough | undefined;
  private waiting: ((line: string | null) => void) | undefined;

  constructor(input: NodeJS.ReadableStream) {
    this.reader = createInterface({ input, terminal: false });
    this.reader.on('line', (line) => {
      this.queued.push(line);
      this.deliver();
    });
    this.reader.on('close', () => {
      this.ended = true;
      this.deliver();
    });
  }

  /**
   * A stream of the lines typed from now until {@link endCall}. It claims
   * to be a terminal when the real input is one, so the caller input does
   * not echo what the terminal already shows.
   */
  routeToCall(isTTY: boolean): PassThrough & { isTTY: boolean } {
    const call = Object.assign(new PassThrough(), { isTTY });
    this.call = call;
    this.deliver();

    return call;
  }

  endCall(): void {
    this.call?.end();
    this.call = undefined;
  }

  /** The next line typed between calls; null once input has ended. */
  async next(): Promise<string | null> {
    return new Promise((resolve) => {
      this.waiting = resolve;
      this.deliver();
    });
  }

  close(): void {
    this.reader.close();
  }

  private deliver(): void {
    if (this.call !== undefined) {
      const call = this.call;
      if (call.writableEnded) return;
      for (const line of this.queued.splice(0)) call.write(`${line}\n`);
      if (this.ended) call.end();

      return;
    }
    const resolve = this.waiting;
    if (resolve === undefined) return;
    const line = this.queued.shift();
    if (line === undefined && !this.ended) return;
    this.waiting = undefined;
    resolve(line ?? null);
  }
}
