import { createInterface, type Interface } from 'node:readline';

import {
  isKeys,
  keyPresses,
  type CallerAction,
  type CallerInput,
  type Listening,
} from './caller-input';

const PROMPTS: Record<Listening, string> = {
  keys: 'keys (h hangs up)> ',
  speech: 'say (h hangs up)> ',
};

/**
 * A person at a terminal playing the caller: one line per turn. While the
 * call listens for keys, `12#` presses 1, 2 and #; while a bot listens, the
 * line is what the caller says (a line of keys is still key presses). An
 * empty line is silence; `h` or Ctrl-D hangs up.
 */
export class TerminalCallerInput implements CallerInput {
  private readonly reader: Interface;
  private readonly buffered: CallerAction[] = [];
  /** Lines typed ahead of a prompt, or piped in all at once. */
  private readonly typedAhead: string[] = [];
  private waiting: ((line: string | null) => void) | undefined;
  private closed = false;
  /** Piped input is not echoed by a terminal, so it is echoed here. */
  private readonly echo: boolean;

  constructor(
    input: NodeJS.ReadableStream & { isTTY?: boolean } = process.stdin,
    private readonly output: NodeJS.WritableStream = process.stdout,
  ) {
    this.echo = input.isTTY !== true;
    this.reader = createInterface({ input, terminal: false });
    this.reader.on('line', (line) => {
      this.typedAhead.push(line);
      this.deliver();
    });
    this.reader.on('close', () => {
      this.closed = true;
      this.deliver();
    });
  }

  async next(listening: Listening): Promise<CallerAction> {
    const queued = this.buffered.shift();
    if (queued !== undefined) return queued;

    this.output.write(PROMPTS[listening]);
    const line = await new Promise<string | null>((resolve) => {
      this.waiting = resolve;
      this.deliver();
    });
    if (this.echo) this.output.write(`${line ?? ''}\n`);
    this.buffered.push(...toActions(line));

    return this.buffered.shift() ?? { kind: 'silence' };
  }

  /** Stops reading the terminal, so the process can exit. */
  close(): void {
    this.reader.close();
  }

  /** Hands the next line, or the end of input, to a pending prompt. */
  private deliver(): void {
    const resolve = this.waiting;
    if (resolve === undefined) return;

    const line = this.typedAhead.shift();
    if (line === undefined && !this.closed) return;

    this.waiting = undefined;
    resolve(line ?? null);
  }
}

/** What one typed line means; null is Ctrl-D, the end of input. */
function toActions(line: string | null): CallerAction[] {
  const text = line?.trim();
  if (text === undefined || text.toLowerCase() === 'h') {
    return [{ kind: 'hangup' }];
  }
  if (text === '') return [{ kind: 'silence' }];

  const compact = text.replace(/\s+/g, '');
  if (isKeys(compact)) return keyPresses(compact);

  // Words typed at a keypad prompt are speech too: the keypad ignores them,
  // as a real one would, and the transcript shows what was said.
  return [{ kind: 'utterance', text }];
}
