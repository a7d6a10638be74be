/**
 * How Chime gets an answer out of the Lambda: each invocation may take
 * `retryAfterMs`; a failed or late one is abandoned and the same event is
 * sent again, until `giveUpAfterMs` have passed since the first:
 *
 *   0 s         5 s         10 s        15 s        20 s
 *   |-invoke 1--|-invoke 2--|-invoke 3--|-invoke 4--| hang up
 *
 * An invocation that throws early still waits out its window, so a
 * failing Lambda is invoked at the same pace as a slow one.
 */

/** A function that invokes the SIP media application's Lambda. */
export type InvokeLambda = (event: unknown) => Promise<unknown>;

/** One invocation's result, as the call record keeps it. */
export type Answer =
  | { kind: 'response'; response: unknown }
  | { kind: 'error'; message: string }
  | { kind: 'timeout' };

export interface DeliveryOptions {
  retryAfterMs: number;
  giveUpAfterMs: number;
  maxInvocations: number;
  /** Send each event twice, as Chime does when the Lambda is slow. */
  duplicateDelivery: boolean;
}

/** Either the answer the call acts on, or why there is none. */
export type Delivery =
  | { kind: 'answered'; response: unknown }
  | { kind: 'unanswered'; reason: 'lambda-unresponsive' | 'invocation-limit' };

const sleep = (ms: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** Invokes once, settling with `timeout` when the window closes first. */
async function invokeWithin(
  invoke: InvokeLambda,
  event: unknown,
  windowMs: number,
): Promise<Answer> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Answer>((resolve) => {
    timer = setTimeout(() => {
      resolve({ kind: 'timeout' });
    }, windowMs);
  });
  const answer = Promise.resolve()
    .then(() => invoke(event))
    .then(
      (response): Answer => ({ kind: 'response', response }),
      (error: unknown): Answer => ({
        kind: 'error',
        message: error instanceof Error ? error.message : String(error),
      }),
    );
  try {
    return await Promise.race([answer, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Delivers events to the Lambda for one call, counting invocations. */
export class LambdaDelivery {
  private count = 0;

  constructor(
    private readonly invoke: InvokeLambda,
    private readonly options: DeliveryOptions,
  ) {}

  /** Invocations so far, retries and duplicates included. */
  get invocations(): number {
    return this.count;
  }

  /**
   * Delivers one event, pushing every answer to `answers`. With duplicate
   * delivery the same event object goes twice and the later answer wins.
   */
  async deliver(event: unknown, answers: Answer[]): Promise<Delivery> {
    const delivery = await this.deliverOnce(event, answers);
    if (!this.options.duplicateDelivery || delivery.kind !== 'answered') {
      return delivery;
    }

    const again = await this.deliverOnce(event, answers);

    return again.kind === 'answered' ? again : delivery;
  }

  private async deliverOnce(
    event: unknown,
    answers: Answer[],
  ): Promise<Delivery> {
    const { retryAfterMs, giveUpAfterMs, maxInvocations } = this.options;
    const started = Date.now();
    while (Date.now() - started < giveUpAfterMs) {
      if (this.count >= maxInvocations) {
        return { kind: 'unanswered', reason: 'invocation-limit' };
      }
      this.count += 1;
      const windowStart = Date.now();
      const answer = await invokeWithin(this.invoke, event, retryAfterMs);
      answers.push(answer);
      if (answer.kind === 'response') {
        return { kind: 'answered', response: answer.response };
      }
      const left = giveUpAfterMs - (Date.now() - started);
      await sleep(Math.min(left, retryAfterMs - (Date.now() - windowStart)));
    }

    return { kind: 'unanswered', reason: 'lambda-unresponsive' };
  }
}
