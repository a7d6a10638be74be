/**
 * The limits of the PSTN audio service that this code keeps to, in one
 * place: the validator checks responses against them and the call state
 * codec refuses a state that would break them.
 */

/** Most actions one response may carry. */
export const MAX_ACTIONS = 10;

/** Longest text `Speak` and `SpeakAndGetDigits` accept. */
export const MAX_SPEECH_CHARACTERS = 1000;

/**
 * Most TransactionAttributes keys per response. The guide documents 100
 * pairs, but its own error example rejects 11 mappings with "Maximum number
 * of mappings is 10": the lower figure is the one that cannot fail.
 */
export const MAX_TRANSACTION_ATTRIBUTE_KEYS = 10;

/** Most characters of TransactionAttributes keys and values together. */
export const MAX_TRANSACTION_ATTRIBUTES_SIZE = 20_000;

/** Largest `StartBotConversation` Configuration, as JSON, in bytes (10 KB). */
export const MAX_BOT_CONFIGURATION_BYTES = 10 * 1024;
