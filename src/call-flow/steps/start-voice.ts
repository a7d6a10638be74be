import type { CallState } from '../state';
import type { Outcome, Turn } from '../types';

/**
 * Main menu key 2: the caller is handed to the voice bot with what the IVR
 * knows of them (render builds the StartBotConversation), and the call
 * waits in the VOICE step until Chime reports how the conversation ended.
 */
export function startVoice(state: CallState, turn: Turn): Outcome {
  turn.dependencies.metrics.count('VoiceConversations');

  return {
    kind: 'bot',
    state: { ...state, step: 'VOICE', pick: {}, tries: 0 },
  };
}
