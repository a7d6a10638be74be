/**
 * What the simulated caller does whenever the call waits on them, and a
 * scripted source of those actions so a whole call can be written as one
 * line such as `1 2 # _ say:two large pepperoni hangup`.
 */

/** One thing the caller does when the call listens. */
export type CallerAction =
  | { kind: 'key'; key: string }
  | { kind: 'utterance'; text: string }
  | { kind: 'silence' }
  | { kind: 'hangup' };

/**
 * What the call is listening for, so an interactive source can prompt for
 * keys or for speech; a scripted source ignores it.
 */
export type Listening = 'keys' | 'speech';

/** Where the caller's key presses, utterances, pauses and hang-up come from. */
export interface CallerInput {
  /** Resolves with the caller's next action. */
  next(listening: Listening): Promise<CallerAction>;
}

/** Thrown when a caller script holds a token the syntax does not know. */
export class CallerScriptError extends Error {
  constructor(readonly token: string) {
    super(
      `unknown token "${token}" in caller script: use keys (0-9 * #), _, hangup, say:words or "a quoted phrase"`,
    );
    this.name = 'CallerScriptError';
  }
}

const KEYS = /^[0-9*#]+$/;

/** True for a string made only of keypad keys, such as `12#`. */
export function isKeys(text: string): boolean {
  return KEYS.test(text);
}

/** Turns `12#` into three key presses. */
export function keyPresses(keys: string): CallerAction[] {
  return Array.from(keys, (key) => ({ kind: 'key', key }));
}

interface Word {
  text: string;
  quoted: boolean;
}

/** Splits a script on spaces, keeping a quoted phrase as one word. */
function words(script: string): Word[] {
  const found: Word[] = [];
  const pattern = /"([^"]*)"|'([^']*)'|(\S+)/g;
  for (const match of script.matchAll(pattern)) {
    const quotedText = match[1] ?? match[2];
    found.push(
      quotedText === undefined
        ? { text: match[3] ?? '', quoted: false }
        : { text: quotedText, quoted: true },
    );
  }

  return found;
}

/** A word that starts a new caller action rather than continuing `say:`. */
function startsAction(word: Word): boolean {
  const text = word.text.toLowerCase();

  return (
    word.quoted ||
    isKeys(text) ||
    text === '_' ||
    text === 'hangup' ||
    text.startsWith('say:')
  );
}

/**
 * Reads a caller script: space separated tokens where a run of `0-9 * #` is
 * key presses, `_` is silence for one attempt, `hangup` hangs up, and
 * `say:` (running on until the next token of another kind) or a quoted
 * phrase is something the caller says to a bot.
 * @throws {CallerScriptError} on a token of no known kind.
 */
export function parseCallerScript(script: string): CallerAction[] {
  const actions: CallerAction[] = [];
  const all = words(script);
  for (let index = 0; index < all.length; index += 1) {
    const word = all[index] as Word;
    const lower = word.text.toLowerCase();
    if (word.quoted) actions.push({ kind: 'utterance', text: word.text });
    else if (isKeys(lower)) actions.push(...keyPresses(lower));
    else if (lower === '_') actions.push({ kind: 'silence' });
    else if (lower === 'hangup') actions.push({ kind: 'hangup' });
    else if (lower.startsWith('say:')) {
      const spoken = [word.text.slice('say:'.length)];
      while (index + 1 < all.length && !startsAction(all[index + 1] as Word)) {
        index += 1;
        spoken.push((all[index] as Word).text);
      }
      actions.push({ kind: 'utterance', text: spoken.join(' ').trim() });
    } else throw new CallerScriptError(word.text);
  }

  return actions;
}

/**
 * A caller who follows a script. When the script runs out the caller hangs
 * up, as a person with nothing left to say would, so a flow that keeps
 * asking cannot keep a scripted call open.
 */
export class ScriptedCallerInput implements CallerInput {
  private readonly remaining: CallerAction[];

  constructor(script: string | readonly CallerAction[]) {
    this.remaining =
      typeof script === 'string' ? parseCallerScript(script) : [...script];
  }

  /** The actions the call never asked for. */
  get unused(): readonly CallerAction[] {
    return this.remaining;
  }

  next(): Promise<CallerAction> {
    return Promise.resolve(this.remaining.shift() ?? { kind: 'hangup' });
  }
}
