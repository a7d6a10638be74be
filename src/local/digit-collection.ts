import type {
  SpeakAndGetDigitsAction,
  SpeechParameters,
} from '../telephony/actions';
import type { CallerLine } from './transcript';

/**
 * The `SpeakAndGetDigits` action as the Amazon Chime SDK developer guide
 * documents it: speak, gather keys until enough are pressed, a terminator
 * is pressed or the caller pauses; on a bad attempt speak the failure
 * prompt and start again, up to `Repeat` attempts in all.
 */

type DigitParameters = SpeakAndGetDigitsAction['Parameters'];

/** How one `SpeakAndGetDigits` ended. */
export type DigitCollectionOutcome =
  | { kind: 'received'; digits: string }
  | { kind: 'failed'; errorType: string; errorMessage: string }
  | { kind: 'hung-up' };

/** Chime's defaults for the optional parameters. */
export const DIGIT_DEFAULTS = {
  minDigits: 0,
  maxDigits: 128,
  terminators: ['#'],
  attempts: 1,
} as const;

interface Attempt {
  digits: string;
  hungUp: boolean;
}

/** The keys of one attempt, or a hang-up part way through it. */
async function collectAttempt(
  parameters: DigitParameters,
  line: CallerLine,
): Promise<Attempt> {
  const max = parameters.MaxNumberOfDigits ?? DIGIT_DEFAULTS.maxDigits;
  const terminators: readonly string[] =
    parameters.TerminatorDigits ?? DIGIT_DEFAULTS.terminators;
  let digits = '';
  let pressed = '';
  const finish = (hungUp: boolean): Attempt => {
    if (pressed !== '') line.transcript.add({ kind: 'pressed', keys: pressed });

    return { digits, hungUp };
  };

  for (;;) {
    const action = await line.input.next('keys');
    if (action.kind === 'hangup') return finish(true);
    if (action.kind === 'silence') {
      if (pressed === '') line.transcript.add({ kind: 'silence' });

      return finish(false);
    }
    if (action.kind === 'utterance') {
      // The keypad cannot hear speech: the attempt goes on.
      line.transcript.add({ kind: 'said', text: action.text });
      continue;
    }
    pressed += action.key;
    if (terminators.includes(action.key)) return finish(false);
    digits += action.key;
    if (digits.length >= max) return finish(false);
  }
}

/** Why an attempt's digits are refused, or undefined when they are fine. */
function refusal(
  digits: string,
  parameters: DigitParameters,
  pattern: RegExp | undefined,
): string | undefined {
  const min = parameters.MinNumberOfDigits ?? DIGIT_DEFAULTS.minDigits;
  if (digits.length < min) {
    return `received ${digits.length} digits, at least ${min} needed`;
  }
  if (pattern !== undefined && !pattern.test(digits)) {
    return `"${digits}" does not match ${pattern.source}`;
  }

  return undefined;
}

function compile(regex: string | undefined): RegExp | undefined | Error {
  if (regex === undefined) return undefined;
  try {
    return new RegExp(regex);
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/**
 * Runs one `SpeakAndGetDigits`. `InputDigitsRegex` is matched against the
 * received digits, the terminator excluded.
 */
export async function speakAndGetDigits(
  parameters: DigitParameters,
  line: CallerLine,
): Promise<DigitCollectionOutcome> {
  const pattern = compile(parameters.InputDigitsRegex);
  if (pattern instanceof Error) {
    return {
      kind: 'failed',
      errorType: 'InvalidActionParameter',
      errorMessage: `InputDigitsRegex is not a valid regular expression: ${pattern.message}`,
    };
  }

  const attempts = parameters.Repeat ?? DIGIT_DEFAULTS.attempts;
  const reasons: string[] = [];
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    line.transcript.hear(parameters.SpeechParameters);
    const { digits, hungUp } = await collectAttempt(parameters, line);
    if (hungUp) return { kind: 'hung-up' };

    const reason = refusal(digits, parameters, pattern);
    if (reason === undefined) return { kind: 'received', digits };

    reasons.push(`attempt ${attempt}: ${reason}`);
    line.transcript.hear(failureSpeech(parameters));
  }

  return {
    kind: 'failed',
    errorType: 'InvalidDigitsReceived',
    errorMessage: `No valid digits after ${attempts} attempts (${reasons.join('; ')})`,
  };
}

/** The failure prompt inherits the main prompt's voice where it has none. */
function failureSpeech(parameters: DigitParameters): SpeechParameters {
  return {
    ...parameters.SpeechParameters,
    ...parameters.FailureSpeechParameters,
  };
}
