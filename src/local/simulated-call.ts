import { randomUUID } from 'node:crypto';

import type { Action, CallAndBridgeAction } from '../telephony/actions';
import type { ActionData, Participant } from '../telephony/events';
import { validateResponse } from '../telephony/validate-response';
import { runActionList, type ListOutcome } from './action-runner';
import type { BotEngine } from './bot-engine';
import {
  bridgedParticipant,
  callDetails,
  callerParticipant,
  type SipApplicationIdentity,
} from './call-details';
import type {
  CallEnding,
  CallRecord,
  Exchange,
  SimulatedEvent,
} from './call-record';
import type { CallerInput } from './caller-input';
import type { Delivery, LambdaDelivery } from './lambda-delivery';
import {
  type CallerPace,
  Transcript,
  type TranscriptListener,
} from './transcript';

/** Everything one call needs, resolved from the simulator's options. */
export interface CallSetup {
  from: string;
  to: string;
  input: CallerInput;
  botEngine?: BotEngine | undefined;
  delivery: LambdaDelivery;
  identity: SipApplicationIdentity;
  silenceTimeoutMs: number;
  onTranscript?: TranscriptListener | undefined;
  pace?: CallerPace | undefined;
}

interface CallEnd {
  ending: CallEnding;
  failure?: CallRecord['failure'];
}

/** What the Lambda's answer to one event amounts to. */
type Reply =
  | Extract<Delivery, { kind: 'unanswered' }>
  | { kind: 'invalid'; problems: string[] }
  | { kind: 'valid'; actions: Action[] };

type EventFields = Pick<
  SimulatedEvent,
  'ActionData' | 'ErrorType' | 'ErrorMessage'
>;

const sleep = (ms: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * One call from its first ring to its HANGUP event: sends each event,
 * applies the answer's TransactionAttributes, runs its actions, and picks
 * the next event from how they went.
 */
export class SimulatedCall {
  private readonly transactionId = randomUUID();
  private readonly participants: Participant[];
  private readonly transcript: Transcript;
  private readonly exchanges: Exchange[] = [];
  private readonly problems: string[] = [];
  private readonly performed: Action[] = [];
  private attributes: Record<string, string> = {};
  private sequence = 0;
  /** Where the turn the caller is living through began in the transcript. */
  private turnStart = 0;
  private transferredTo: string | undefined;

  constructor(private readonly setup: CallSetup) {
    this.participants = [
      callerParticipant({ ...setup, startedAtMs: Date.now() }),
    ];
    this.transcript = new Transcript(setup.onTranscript);
  }

  private get callerLeg(): Participant {
    return this.participants[0] as Participant;
  }

  /** Plays the call to its end and returns what happened. */
  async run(): Promise<CallRecord> {
    let next: SimulatedEvent | CallEnd = this.event('NEW_INBOUND_CALL');
    while ('Sequence' in next) next = await this.step(next);

    return this.record(next);
  }

  private async step(event: SimulatedEvent): Promise<SimulatedEvent | CallEnd> {
    const reply = await this.send(event);
    switch (reply.kind) {
      case 'unanswered':
        return this.giveUp(reply.reason);
      case 'invalid':
        return this.event('INVALID_LAMBDA_RESPONSE', {
          ErrorType: 'InvalidResponse',
          ErrorMessage: reply.problems.join('; '),
        });
      case 'valid':
        return this.follow(
          await runActionList(reply.actions, {
            line: { transcript: this.transcript, input: this.setup.input },
            botEngine: this.setup.botEngine,
            performed: this.performed,
          }),
        );
    }
  }

  private follow(outcome: ListOutcome): SimulatedEvent | Promise<CallEnd> {
    switch (outcome.kind) {
      case 'completed':
        return this.event('ACTION_SUCCESSFUL', {
          ActionData: outcome.actionData,
        });
      case 'failed':
        return this.event('ACTION_FAILED', { ActionData: outcome.actionData });
      case 'idle':
        return this.waitInSilence();
      case 'caller-hung-up':
        return this.hangUp('caller-hung-up');
      case 'application-hung-up':
        return this.hangUp(
          'application-hung-up',
          outcome.action.Parameters.SipResponseCode,
        );
      case 'bridged':
        return this.bridge(outcome.actionData, outcome.to);
    }
  }

  /** Sends one event and reads the answer, keeping a copy of both. */
  private async send(event: SimulatedEvent): Promise<Reply> {
    await this.waitForCaller();
    const exchange: Exchange = { event: structuredClone(event), answers: [] };
    this.exchanges.push(exchange);
    const delivery = await this.setup.delivery.deliver(event, exchange.answers);
    if (delivery.kind === 'unanswered') return delivery;

    return this.accept(delivery.response);
  }

  /** The caller lives through the last answer before the next event. */
  private async waitForCaller(): Promise<void> {
    const { entries } = this.transcript;
    const turn = entries.slice(this.turnStart);
    this.turnStart = entries.length;
    if (this.exchanges.length > 0) await this.setup.pace?.(turn);
  }

  /**
   * Validates an answer and applies its TransactionAttributes: a returned
   * map becomes the call's map, a missing one keeps it. The simulator only
   * invokes the Lambda once the previous list is done or has failed, so a
   * null action list, which keeps the pending list, runs nothing: the
   * validator hands it back as an empty list.
   */
  private accept(response: unknown): Reply {
    const result = validateResponse(response);
    if (!result.valid) {
      this.problems.push(...result.problems);

      return { kind: 'invalid', problems: result.problems };
    }
    const attributes = result.response.TransactionAttributes;
    if (attributes !== undefined) this.attributes = { ...attributes };

    return { kind: 'valid', actions: result.response.Actions };
  }

  /** Nothing to play: the caller waits in silence, then hangs up. */
  private async waitInSilence(): Promise<CallEnd> {
    this.transcript.add({ kind: 'silence' });
    await sleep(this.setup.silenceTimeoutMs);
    this.transcript.add({ kind: 'hung-up', by: 'caller' });

    return this.hangUp('caller-hung-up');
  }

  /** Tells the Lambda the call is over; its answer must run nothing. */
  private async hangUp(ending: CallEnding, sipCode = '0'): Promise<CallEnd> {
    this.callerLeg.Status = 'Disconnected';
    const reply = await this.send(
      this.event('HANGUP', {
        ActionData: this.hangupData(sipCode),
      }),
    );
    if (reply.kind === 'valid' && reply.actions.length > 0) {
      this.problems.push(
        `the answer to HANGUP must be an empty action list, got ${reply.actions.length} actions`,
      );
    }

    return { ending };
  }

  private hangupData(sipCode: string): ActionData {
    return {
      Type: 'Hangup',
      Parameters: {
        SipResponseCode: sipCode,
        CallId: this.callerLeg.CallId,
        ParticipantTag: 'LEG-A',
      },
    };
  }

  /**
   * The caller now talks to staff on LEG-B. The Lambda hears of the bridge;
   * what it answers is recorded but not run, since the simulator plays no
   * staff member; the caller then hangs up.
   */
  private async bridge(actionData: ActionData, to: string): Promise<CallEnd> {
    this.transferredTo = to;
    const { CallerIdNumber } = actionData.Parameters as Partial<
      CallAndBridgeAction['Parameters']
    >;
    this.participants.push(
      bridgedParticipant(CallerIdNumber ?? this.setup.to, to, Date.now()),
    );
    await this.send(
      this.event('ACTION_SUCCESSFUL', { ActionData: actionData }),
    );
    this.transcript.add({ kind: 'hung-up', by: 'caller' });

    return this.hangUp('transferred');
  }

  /** Chime hangs up on its own; the Lambda is not told. */
  private giveUp(failure: NonNullable<CallRecord['failure']>): CallEnd {
    this.transcript.add({ kind: 'hung-up', by: 'system' });

    return { ending: 'failed', failure };
  }

  private event(
    type: SimulatedEvent['InvocationEventType'],
    fields: EventFields = {},
  ): SimulatedEvent {
    this.sequence += 1;

    return {
      SchemaVersion: '1.0',
      Sequence: this.sequence,
      InvocationEventType: type,
      ...fields,
      CallDetails: callDetails(
        this.transactionId,
        this.setup.identity,
        this.participants,
        this.attributes,
      ),
    };
  }

  private record(end: CallEnd): CallRecord {
    return {
      transactionId: this.transactionId,
      callId: this.callerLeg.CallId,
      transcript: this.transcript.entries,
      exchanges: this.exchanges,
      actions: this.performed,
      transactionAttributes: { ...this.attributes },
      ending: end.ending,
      ...(end.failure === undefined ? {} : { failure: end.failure }),
      ...(this.transferredTo === undefined
        ? {}
        : { transferredTo: this.transferredTo }),
      problems: this.problems,
      invocations: this.setup.delivery.invocations,
      spokenCharacters: this.transcript.spokenCharacters,
    };
  }
}
