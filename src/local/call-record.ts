import type { Action } from '../telephony/actions';
import type {
  ActionData,
  CallDetails,
  InvocationEventType,
} from '../telephony/events';
import type { Answer } from './lambda-delivery';
import type { TranscriptEntry } from './transcript';

/** An invocation event exactly as the simulator sends it. */
export interface SimulatedEvent {
  SchemaVersion: '1.0';
  Sequence: number;
  InvocationEventType: InvocationEventType;
  ActionData?: ActionData;
  /** Top level, on `INVALID_LAMBDA_RESPONSE` only. */
  ErrorType?: string;
  ErrorMessage?: string;
  CallDetails: CallDetails;
}

/** One event and everything the Lambda answered to it. */
export interface Exchange {
  /** A copy taken before sending, so a handler cannot rewrite history. */
  event: SimulatedEvent;
  /** Every invocation's result: retries and duplicates each add one. */
  answers: Answer[];
}

/**
 * How the call ended. `failed` is Chime hanging up on its own: the Lambda
 * never answered, or the call used up its invocations.
 */
export type CallEnding =
  'caller-hung-up' | 'application-hung-up' | 'transferred' | 'failed';

/** Everything a finished simulated call leaves behind. */
export interface CallRecord {
  transactionId: string;
  /** LEG-A's CallId, the one actions address. */
  callId: string;
  transcript: TranscriptEntry[];
  exchanges: Exchange[];
  /** Every action run, in order, the inaudible ones included. */
  actions: Action[];
  transactionAttributes: Record<string, string>;
  ending: CallEnding;
  /** Why Chime gave up, when `ending` is `failed`. */
  failure?: 'lambda-unresponsive' | 'invocation-limit';
  /** The number the caller was bridged to, when transferred. */
  transferredTo?: string;
  /** Protocol breaches: invalid responses, actions answered to HANGUP. */
  problems: string[];
  invocations: number;
  spokenCharacters: number;
}
