import {
  callAndBridge,
  hangup,
  smaResponse,
  speak,
  type SmaResponse,
} from '../telephony/actions';
import type { CallFlowSettings } from './types';

/** The call legs a fail-safe answer needs, read from any event shape. */
export interface CallEnds {
  callId: string;
  restaurantNumber?: string;
}

const APOLOGY = 'Sorry, something went wrong on our side.';

/**
 * The answer when the IVR itself fails: an event it cannot read, a database
 * that does not answer, a response that would not pass Chime's checks. The
 * caller hears an apology and is bridged to staff, or told to call again;
 * never silence.
 */
export function failSafeResponse(
  ends: CallEnds | undefined,
  settings: CallFlowSettings,
): SmaResponse {
  if (ends === undefined) return smaResponse([]);
  const sorry = speak(ends.callId, APOLOGY, settings.voice);
  const staff = settings.staffPhoneNumber;
  if (staff !== undefined && ends.restaurantNumber !== undefined) {
    const transfer = speak(
      ends.callId,
      'Connecting you to our staff now.',
      settings.voice,
    );
    return smaResponse([
      sorry,
      transfer,
      callAndBridge(ends.restaurantNumber, staff),
    ]);
  }
  const later = speak(
    ends.callId,
    'Please call again in a few minutes. Goodbye.',
    settings.voice,
  );

  return smaResponse([sorry, later, hangup(ends.callId)]);
}

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null;
}

/** An E.164 number, the only caller id CallAndBridge accepts. */
export function isPhoneNumber(value: unknown): value is string {
  return typeof value === 'string' && /^\+[1-9]\d{1,14}$/.test(value);
}

/** Finds the caller's leg in whatever arrived, however malformed. */
export function findCallEnds(event: unknown): CallEnds | undefined {
  const details = (event as { CallDetails?: { Participants?: unknown } } | null)
    ?.CallDetails;
  const participants = Array.isArray(details?.Participants)
    ? details.Participants
    : [];
  const leg = (participants as unknown[])
    .filter((p): p is Record<string, unknown> => isObject(p))
    .find((p) => typeof p.CallId === 'string' && p.CallId !== '');
  if (leg === undefined) return undefined;
  // A transfer shows this number as caller id: Chime takes E.164 only.
  const restaurantNumber =
    isPhoneNumber(leg.To) && leg.Direction !== 'Outbound' ? leg.To : undefined;

  return { callId: leg.CallId as string, restaurantNumber };
}
