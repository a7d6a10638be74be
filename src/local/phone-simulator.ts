import type { BotEngine } from './bot-engine';
import {
  LOCAL_SIP_APPLICATION,
  type SipApplicationIdentity,
} from './call-details';
import type { CallRecord } from './call-record';
import { ScriptedCallerInput, type CallerInput } from './caller-input';
import { LambdaDelivery, type InvokeLambda } from './lambda-delivery';
import { SimulatedCall } from './simulated-call';
import type { CallerPace, TranscriptListener } from './transcript';

/** How the simulated Chime behaves; every field has Chime's default. */
export interface PhoneSimulatorOptions {
  /** How long one invocation may take before it is sent again (5 s). */
  retryAfterMs?: number;
  /** How long Chime keeps trying before it hangs up (20 s). */
  giveUpAfterMs?: number;
  /** Chime's limit of invocations per call (1,000). */
  maxInvocations?: number;
  /** Send every event twice and act on the second answer. */
  duplicateDelivery?: boolean;
  /** How long a caller sits in silence before hanging up (10 s). */
  silenceTimeoutMs?: number;
  /** Account, region, application and rule ids put in CallDetails. */
  identity?: Partial<SipApplicationIdentity>;
  /** Sees each transcript entry as it happens. */
  onTranscript?: TranscriptListener;
  /**
   * The simulator plays speech and takes keys in no time, so the next
   * event goes out at once; a pace stands in for a person on the line.
   */
  pace?: CallerPace;
}

/** What a simulator needs: the Lambda, both numbers, optionally a bot. */
export interface PhoneSimulatorSetup extends PhoneSimulatorOptions {
  /** The SIP media application's handler, or a Lambda Invoke API client. */
  invoke: InvokeLambda;
  /** The caller's number, E.164. */
  from: string;
  /** The number dialled: the restaurant's. */
  to: string;
  /** Plays Lex for `StartBotConversation`; without one the action fails. */
  botEngine?: BotEngine;
}

/** Chime's documented timings and limits. */
export const CHIME_DEFAULTS = {
  retryAfterMs: 5_000,
  giveUpAfterMs: 20_000,
  maxInvocations: 1_000,
  silenceTimeoutMs: 10_000,
} as const;

/**
 * Plays the Amazon Chime SIP media application's part in phone calls to
 * one number, invoking the Lambda as Chime does, so calls can be placed
 * with no AWS account.
 */
export class PhoneSimulator {
  constructor(private readonly setup: PhoneSimulatorSetup) {}

  /**
   * Places one call, with a new TransactionId, and plays it to its end.
   * @param caller the caller's actions, or a script such as `"1 2 # hangup"`
   */
  async call(caller: CallerInput | string): Promise<CallRecord> {
    const { setup } = this;
    const input =
      typeof caller === 'string' ? new ScriptedCallerInput(caller) : caller;
    const delivery = new LambdaDelivery(setup.invoke, {
      retryAfterMs: setup.retryAfterMs ?? CHIME_DEFAULTS.retryAfterMs,
      giveUpAfterMs: setup.giveUpAfterMs ?? CHIME_DEFAULTS.giveUpAfterMs,
      maxInvocations: setup.maxInvocations ?? CHIME_DEFAULTS.maxInvocations,
      duplicateDelivery: setup.duplicateDelivery ?? false,
    });

    return new SimulatedCall({
      from: setup.from,
      to: setup.to,
      input,
      botEngine: setup.botEngine,
      delivery,
      identity: { ...LOCAL_SIP_APPLICATION, ...setup.identity },
      silenceTimeoutMs:
        setup.silenceTimeoutMs ?? CHIME_DEFAULTS.silenceTimeoutMs,
      onTranscript: setup.onTranscript,
      pace: setup.pace,
    }).run();
  }
}
