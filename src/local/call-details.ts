import { randomUUID } from 'node:crypto';

import type { CallDetails, Participant } from '../telephony/events';

/** The AWS side of a simulated call: which account, application and rule. */
export interface SipApplicationIdentity {
  awsAccountId: string;
  awsRegion: string;
  sipMediaApplicationId: string;
  sipRuleId: string;
}

/** Placeholder identifiers in the shape AWS uses, stable across calls. */
export const LOCAL_SIP_APPLICATION: SipApplicationIdentity = {
  awsAccountId: '123456789012',
  awsRegion: 'us-east-1',
  sipMediaApplicationId: '1f6a9c2e-0b7d-4e35-9a41-5c8d2f7e6b10',
  sipRuleId: '8d3b5e71-2c4a-4f96-b0e8-7a1c9d6f3e25',
};

/** Who called whom, and when the call started (epoch milliseconds). */
export interface InboundCall {
  from: string;
  to: string;
  startedAtMs: number;
}

/** The caller's leg of a new inbound call. */
export function callerParticipant(call: InboundCall): Participant {
  return {
    CallId: randomUUID(),
    ParticipantTag: 'LEG-A',
    To: call.to,
    From: call.from,
    Direction: 'Inbound',
    StartTimeInMilliseconds: String(call.startedAtMs),
    Status: 'Connected',
  };
}

/** The leg Chime dials for `CallAndBridge`. */
export function bridgedParticipant(
  callerIdNumber: string,
  to: string,
  startedAtMs: number,
): Participant {
  return {
    CallId: randomUUID(),
    ParticipantTag: 'LEG-B',
    To: to,
    From: callerIdNumber,
    Direction: 'Outbound',
    StartTimeInMilliseconds: String(startedAtMs),
    Status: 'Connected',
  };
}

/**
 * CallDetails as Chime sends them. TransactionAttributes appear only when
 * the call has some, as Chime leaves the key out of an empty map.
 */
export function callDetails(
  transactionId: string,
  identity: SipApplicationIdentity,
  participants: readonly Participant[],
  attributes: Record<string, string>,
): CallDetails {
  const hasAttributes = Object.keys(attributes).length > 0;

  return {
    TransactionId: transactionId,
    ...(hasAttributes ? { TransactionAttributes: { ...attributes } } : {}),
    AwsAccountId: identity.awsAccountId,
    AwsRegion: identity.awsRegion,
    SipMediaApplicationId: identity.sipMediaApplicationId,
    SipRuleId: identity.sipRuleId,
    Participants: participants.map((participant) => ({ ...participant })),
  };
}
