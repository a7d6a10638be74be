import {
  callAndBridge,
  hangup,
  smaResponse,
  speak,
  speakAndGetDigits,
  type Action,
  type SmaResponse,
} from '../telephony/actions';
import { MAX_SPEECH_CHARACTERS } from '../telephony/validate-response';
import { encodeCallState } from './state-codec';
import { STEP_HANDLERS } from './steps';
import type { Outcome, Turn } from './types';
import { botHandOff } from './voice';

/** How long the caller has to press a key before the prompt counts as missed. */
const KEY_TIMEOUT_MS = 8000;

/** Said by Chime itself when a key is wrong or none comes. */
const FAILURE_PROMPT = 'Sorry, I did not catch that.';

/**
 * Turns a step's decision into Chime actions. A question is one
 * SpeakAndGetDigits, so Chime invokes the Lambda only when a key arrives;
 * the lead-in rides in the same prompt unless it would run over Chime's
 * 1,000-character limit.
 */
export function render(outcome: Outcome, turn: Turn): SmaResponse {
  const attributes = encodeCallState(outcome.state);
  const lead = outcome.say ?? '';
  const { voice, staffPhoneNumber } = turn.dependencies.settings;

  if (outcome.kind === 'hangup') {
    return smaResponse(
      [...speech(lead, turn), hangup(turn.callId)],
      attributes,
    );
  }
  if (outcome.kind === 'transfer' && staffPhoneNumber !== undefined) {
    const bridge = callAndBridge(turn.restaurantNumber, staffPhoneNumber);
    return smaResponse([...speech(lead, turn), bridge], attributes);
  }
  const step = outcome.state.step;
  if (step === 'ENDED' || step === 'TRANSFERRED') {
    return smaResponse(
      [...speech(lead, turn), hangup(turn.callId)],
      attributes,
    );
  }
  if (step === 'VOICE') {
    // The bot's action goes last: Chime reports back once it is done.
    const bot = botHandOff(outcome.state, turn);
    return smaResponse([...speech(lead, turn), bot], attributes);
  }
  const prompt = STEP_HANDLERS[step].prompt(outcome.state, turn);
  const joined = lead === '' ? prompt.text : `${lead} ${prompt.text}`;
  const fits = joined.length <= MAX_SPEECH_CHARACTERS;
  const question = speakAndGetDigits({
    callId: turn.callId,
    prompt: fits ? joined : prompt.text,
    failurePrompt: FAILURE_PROMPT,
    digitsRegex: `^[${prompt.keys.replace('*', '\\*')}]$`,
    timeoutMs: KEY_TIMEOUT_MS,
    voice,
  });

  return smaResponse(
    [...(fits ? [] : speech(lead, turn)), question],
    attributes,
  );
}

/** Speak actions for a text, split at sentences to fit Chime's limit. */
export function speech(text: string, turn: Turn): Action[] {
  if (text === '') return [];
  const chunks: string[] = [];
  let current = '';
  for (const sentence of text.match(/[^.!?]+[.!?]*\s*/g) ?? [text]) {
    if (current.length + sentence.length > MAX_SPEECH_CHARACTERS) {
      chunks.push(current.trim());
      current = '';
    }
    current += sentence.slice(0, MAX_SPEECH_CHARACTERS);
  }
  chunks.push(current.trim());
  const { voice } = turn.dependencies.settings;

  return chunks
    .filter((c) => c !== '')
    .map((c) => speak(turn.callId, c, voice));
}
