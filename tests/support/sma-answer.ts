/**
 * The sma function's answer to one event, on dependencies a test chooses:
 * the same steps as functions/sma.ts (find the call's legs, parse, let the
 * call flow decide, check the answer as Chime would, and fall back to the
 * fail-safe answer on any failure), without middy and Powertools, which
 * Jest cannot load. tests/functions/sma.test.ts runs the bundled handler
 * itself; this runs the same modules in process, fast enough to fuzz.
 */
import { failSafeResponse, findCallEnds } from '../../src/call-flow/fail-safe';
import { handleCallEvent } from '../../src/call-flow/handle-call-event';
import type { CallFlowDependencies } from '../../src/call-flow/types';
import {
  PhoneSimulator,
  type PhoneSimulatorOptions,
} from '../../src/local/phone-simulator';
import type { SmaResponse } from '../../src/telephony/actions';
import { parseInvocationEvent } from '../../src/telephony/events';
import { validateResponse } from '../../src/telephony/validate-response';
import { CALLER_NUMBER, RESTAURANT_NUMBER } from './call-flow-fixture';

/** How the answer came about, for tests that tell the paths apart. */
export type SmaPath = 'call-flow' | 'rejected-response' | 'failed';

/** The answer, and the path that produced it. */
export interface SmaAnswer {
  response: SmaResponse;
  path: SmaPath;
  /** What the call flow threw, on the `failed` path. */
  error?: unknown;
}

/** Answers `event` as functions/sma.ts does. */
export async function answerAsSma(
  event: unknown,
  dependencies: CallFlowDependencies,
): Promise<SmaAnswer> {
  const ends = findCallEnds(event);
  try {
    const response = await handleCallEvent(
      parseInvocationEvent(event),
      dependencies,
    );
    if (validateResponse(response).valid) {
      return { response, path: 'call-flow' };
    }

    return {
      response: failSafeResponse(ends, dependencies.settings),
      path: 'rejected-response',
    };
  } catch (error) {
    return {
      response: failSafeResponse(ends, dependencies.settings),
      path: 'failed',
      error,
    };
  }
}

/**
 * A simulated Chime calling the restaurant with the sma function's answers
 * on `dependencies`, fail-safe included; a silent caller hangs up at once.
 */
export function smaPhone(
  dependencies: CallFlowDependencies,
  options: PhoneSimulatorOptions & { from?: string } = {},
): PhoneSimulator {
  const { from, ...chime } = options;

  return new PhoneSimulator({
    invoke: async (event) => (await answerAsSma(event, dependencies)).response,
    from: from ?? CALLER_NUMBER,
    to: RESTAURANT_NUMBER,
    silenceTimeoutMs: 1,
    ...chime,
  });
}
