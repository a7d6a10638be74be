/**
 * Scripted keypad orders through the phone simulator, as many at a time
 * as asked, with the time of every invocation of the handler recorded.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Context } from 'aws-lambda';
import type { CallRecord } from '../local/call-record';
import { invokeInProcess } from '../local/lambda-clients';
import type { InvokeLambda } from '../local/lambda-delivery';
import { PhoneSimulator } from '../local/phone-simulator';
import type { CallerPace } from '../local/transcript';
import type { LoadedFunction } from './bench-stack';

/**
 * Order, pizzas, pepperoni, large, one; add more, drinks, cola, one;
 * finish; place it (pickup). Two different items, every question
 * answered on the first try.
 */
export const TWO_ITEM_ORDER = '1 1 2 2 1 1 3 1 1 3 1';

/** The restaurant's number the simulated callers dial. */
export const RESTAURANT_NUMBER = '+12065550100';

/** Which part of a call an invocation served. */
export type InvocationKind = 'answer' | 'keypress' | 'place';

/** One invocation of the handler, timed. */
export interface InvocationSample {
  kind: InvocationKind;
  ms: number;
  /** When it began, on `performance.now()`'s clock. */
  startedAt: number;
  /** Whether it ran into the function's timeout (`ms` is then that). */
  timedOut: boolean;
}

/** A stretch of a level, on `performance.now()`'s clock. */
export interface TimeWindow {
  from: number;
  to: number;
}

/** Times every invocation of a handler made through it. */
export class InvocationTimer {
  readonly samples: InvocationSample[] = [];
  private readonly running = new Set<Promise<unknown>>();

  /** Lambda's side of an invocation, timed from call to answer. */
  invoker(fn: LoadedFunction): InvokeLambda {
    return invokeInProcess((event, context) => {
      const invocation = this.timed(fn, event, context);
      this.running.add(invocation);
      const forget = () => this.running.delete(invocation);
      // The caller sees a failure through `invocation` itself.
      invocation.then(forget, forget);

      return invocation;
    });
  }

  /**
   * A late invocation counts as the function's timeout, where Lambda
   * would have stopped it (see {@link withoutDeadline}).
   */
  private async timed(
    fn: LoadedFunction,
    event: unknown,
    context: Context,
  ): Promise<unknown> {
    const timeoutMs = context.getRemainingTimeInMillis();
    const startedAt = performance.now();
    const response = await fn.handler(event, withoutDeadline(context));
    const elapsed = performance.now() - startedAt;
    const timedOut = elapsed >= timeoutMs;
    this.samples.push({
      kind: kindOf(event, response),
      ms: timedOut ? timeoutMs : elapsed,
      startedAt,
      timedOut,
    });

    return response;
  }

  /**
   * Resolves once no invocation is running. The simulator stops waiting
   * for an invocation after 5 s, as Chime does, but in this process the
   * handler carries on (Lambda would stop it at its timeout): the next
   * measurement must not start while such invocations still load the
   * table.
   */
  async settled(): Promise<void> {
    while (this.running.size > 0) {
      await Promise.allSettled([...this.running]);
    }
  }

  /**
   * The durations of the invocations of `kind` (all when omitted) that
   * began within `window` (whenever when omitted).
   */
  durations(kind?: InvocationKind, window?: TimeWindow): number[] {
    return this.within(window).flatMap((sample) =>
      kind === undefined || sample.kind === kind ? [sample.ms] : [],
    );
  }

  /** How many invocations that began within `window` timed out. */
  timeouts(window?: TimeWindow): number {
    return this.within(window).filter((sample) => sample.timedOut).length;
  }

  private within(window: TimeWindow | undefined): InvocationSample[] {
    return this.samples.filter(
      (sample) => window === undefined || beganWithin(window, sample),
    );
  }
}

/**
 * The context without its deadline. Given one, the handler's middleware
 * answers just before it and leaves the work running, as Lambda would
 * before stopping it; in this process that work would go on (an order
 * still being placed, say) after the invocation looked done, and load
 * the table during the next measurement.
 */
function withoutDeadline(context: Context): Context {
  const copy: Partial<Context> = { ...context };
  delete copy.getRemainingTimeInMillis;

  return copy as Context;
}

function beganWithin(window: TimeWindow, sample: InvocationSample): boolean {
  return sample.startedAt >= window.from && sample.startedAt < window.to;
}

/**
 * The call's first event reads who is calling; the one whose answer
 * speaks the ticket number placed the order; the rest are key presses.
 */
export function kindOf(event: unknown, response: unknown): InvocationKind {
  const type = (event as { InvocationEventType?: string }).InvocationEventType;
  if (type === 'NEW_INBOUND_CALL') return 'answer';

  return JSON.stringify(response).includes('ticket number')
    ? 'place'
    : 'keypress';
}

let nextCaller = 0;

/**
 * A caller number no earlier call used: a returning caller hears a
 * different greeting and menu, which would change the script.
 */
export function freshCallerNumber(): string {
  nextCaller += 1;

  return `+1312555${String(nextCaller % 10_000).padStart(4, '0')}`;
}

/**
 * One scripted order from a new caller, who answers each prompt at once
 * unless given a pace.
 */
export function placeKeypadOrder(
  invoke: InvokeLambda,
  pace?: CallerPace,
): Promise<CallRecord> {
  return new PhoneSimulator({
    invoke,
    from: freshCallerNumber(),
    to: RESTAURANT_NUMBER,
    // The script never waits in silence; a stray silence ends at once.
    silenceTimeoutMs: 1,
    pace,
  }).call(TWO_ITEM_ORDER);
}

/** True when the call ended with the restaurant reading a ticket number. */
export function placedAnOrder(record: CallRecord): boolean {
  const last = record.transcript.findLast((entry) => entry.kind === 'heard');

  return (
    record.ending === 'application-hung-up' &&
    record.problems.length === 0 &&
    last?.kind === 'heard' &&
    last.text.includes('ticket number')
  );
}

/**
 * Why a call placed no order: Chime giving up on the Lambda, or the
 * first words of the last thing the caller heard.
 */
export function failureOf(record: CallRecord): string {
  if (record.ending === 'failed') {
    return `Chime hung up: ${record.failure ?? 'unknown'}`;
  }
  const last = record.transcript.findLast((entry) => entry.kind === 'heard');
  const heard = last?.kind === 'heard' ? last.text.slice(0, 60) : 'nothing';

  return `${record.ending}: ${heard}`;
}

/** What a batch of calls came to. */
export interface CallBatch {
  records: CallRecord[];
  failed: number;
  /** Calls that placed no order, by {@link failureOf}. */
  failures: Record<string, number>;
  seconds: number;
  /**
   * From the last line's first call to the first line left with no call
   * to place: while every line was busy, but for the moment between one
   * call's end and the next one's start.
   */
  fullLine: TimeWindow;
}

/** How the callers of a batch take their time. */
export interface CallerPacing {
  /** Awaited before each event of a call but the first. */
  pace: CallerPace;
  /** How long after the start line `line` places its first call. */
  firstCallAfterMs: (line: number) => number;
}

/**
 * Places `calls` orders on `concurrency` lines: each line places a call
 * as soon as its last one ended. Without pacing every line starts at
 * once and its caller answers each prompt the moment it arrives.
 */
export async function placeOrders(
  invoke: InvokeLambda,
  calls: number,
  concurrency: number,
  pacing?: CallerPacing,
): Promise<CallBatch> {
  const records: CallRecord[] = [];
  let started = 0;
  const startedAt = performance.now();
  const fullLine = { from: startedAt, to: Number.POSITIVE_INFINITY };
  const line = async (index: number) => {
    if (pacing !== undefined) await sleep(pacing.firstCallAfterMs(index));
    fullLine.from = Math.max(fullLine.from, performance.now());
    while (started < calls) {
      started += 1;
      records.push(await placeKeypadOrder(invoke, pacing?.pace));
    }
    fullLine.to = Math.min(fullLine.to, performance.now());
  };
  await Promise.all(Array.from({ length: concurrency }, (_, i) => line(i)));
  const seconds = (performance.now() - startedAt) / 1000;

  return { records, ...failuresOf(records), seconds, fullLine };
}

function failuresOf(
  records: readonly CallRecord[],
): Pick<CallBatch, 'failed' | 'failures'> {
  const failures: Record<string, number> = {};
  for (const record of records.filter((call) => !placedAnOrder(call))) {
    const reason = failureOf(record);
    failures[reason] = (failures[reason] ?? 0) + 1;
  }
  const failed = Object.values(failures).reduce((sum, n) => sum + n, 0);

  return { failed, failures };
}
