import type { SpeechParameters } from '../telephony/actions';
import type { CallerInput } from './caller-input';

/** Who ended the call: `system` is Chime giving up on the Lambda. */
export type HungUpBy = 'caller' | 'application' | 'system';

/** One moment of the call as the caller lived it, in order. */
export type TranscriptEntry =
  | { kind: 'heard'; text: string }
  | { kind: 'pause'; durationMs: number }
  | { kind: 'audio'; source: string }
  | { kind: 'pressed'; keys: string }
  | { kind: 'said'; text: string }
  | { kind: 'silence' }
  | { kind: 'transferred'; to: string }
  | { kind: 'hung-up'; by: HungUpBy };

/** Called with each entry as it happens, for a live display. */
export type TranscriptListener = (entry: TranscriptEntry) => void;

/**
 * Awaited before the next event with what the last answer led to (the
 * entries added since the previous event): the time the caller spends
 * listening to the prompts and pressing keys.
 */
export type CallerPace = (turn: readonly TranscriptEntry[]) => Promise<void>;

const ENTITIES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&apos;': "'",
};

/**
 * The words a listener hears: SSML markup is not spoken, and Polly does not
 * bill it either, so it counts toward neither the transcript nor the
 * spoken characters.
 */
export function heardText(speech: SpeechParameters): string {
  if (speech.TextType !== 'ssml') return speech.Text;

  return speech.Text.replace(/<[^>]*>/g, ' ')
    .replace(/&(amp|lt|gt|quot|apos);/g, (entity) => ENTITIES[entity] ?? '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The ordered record of what the caller heard and did. */
export class Transcript {
  readonly entries: TranscriptEntry[] = [];
  private spoken = 0;

  constructor(private readonly listener?: TranscriptListener) {}

  /** Characters of speech synthesized so far: what Polly would bill. */
  get spokenCharacters(): number {
    return this.spoken;
  }

  /** The caller hears synthesized speech. */
  hear(speech: SpeechParameters): void {
    const text = heardText(speech);
    this.spoken += text.length;
    this.add({ kind: 'heard', text });
  }

  add(entry: TranscriptEntry): void {
    this.entries.push(entry);
    this.listener?.(entry);
  }
}

/** The two ends of the phone line an action works with. */
export interface CallerLine {
  readonly transcript: Transcript;
  readonly input: CallerInput;
}
