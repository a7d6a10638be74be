import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import {
  INVOCATION_EVENT_TYPES,
  parseInvocationEvent,
} from '../../src/telephony/events';

const EVENTS_DIR = join(__dirname, '..', '..', 'events');

const smaSamples = readdirSync(EVENTS_DIR)
  .filter((file) => file.startsWith('sma-'))
  .sort();

function readSample(file: string): unknown {
  return JSON.parse(readFileSync(join(EVENTS_DIR, file), 'utf8'));
}

describe('events/sma-*.json', () => {
  it.each(smaSamples)('%s is an event the sma function accepts', (file) => {
    // Prepare
    const sample = readSample(file);

    // Act
    const act = () => parseInvocationEvent(sample);

    // Assess
    expect(act).not.toThrow();
  });

  it('holds a sample of every invocation event type', () => {
    // Prepare
    const samples = smaSamples.map(readSample);

    // Act
    const types = new Set(
      samples.map((sample) => parseInvocationEvent(sample).InvocationEventType),
    );

    // Assess
    expect([...types].sort()).toEqual([...INVOCATION_EVENT_TYPES].sort());
  });

  it('gives the menu key and the bot result the flow reads', () => {
    // Prepare
    const digits = readSample('sma-action-successful-digits.json');
    const bot = readSample('sma-action-successful-bot.json');

    // Act
    const digitsEvent = parseInvocationEvent(digits);
    const botEvent = parseInvocationEvent(bot);

    // Assess
    expect(digitsEvent.ActionData?.Type).toBe('SpeakAndGetDigits');
    expect(digitsEvent.ActionData?.ReceivedDigits).toBe('1');
    expect(botEvent.ActionData?.Type).toBe('StartBotConversation');
    expect(botEvent.ActionData?.IntentResult?.SessionState.Intent?.Name).toBe(
      'OrderFood',
    );
  });
});
