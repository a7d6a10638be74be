import type { CallRecord } from './call-record';
import type { TranscriptEntry } from './transcript';

/** One transcript entry as a line a person reads. */
export function transcriptLine(entry: TranscriptEntry): string {
  switch (entry.kind) {
    case 'heard':
      return `[phone] ${entry.text}`;
    case 'pause':
      return `[pause ${entry.durationMs} ms]`;
    case 'audio':
      return `[audio] ${entry.source}`;
    case 'pressed':
      return `[keys] ${entry.keys}`;
    case 'said':
      return `[said] ${entry.text}`;
    case 'silence':
      return '[silence]';
    case 'transferred':
      return `[transferred] ${entry.to}`;
    case 'hung-up':
      return `[hung up] by the ${entry.by === 'system' ? 'phone system' : entry.by}`;
  }
}

function endingText(record: CallRecord): string {
  switch (record.ending) {
    case 'caller-hung-up':
      return 'the caller hung up';
    case 'application-hung-up':
      return 'the restaurant hung up';
    case 'transferred':
      return `transferred to ${record.transferredTo ?? 'another number'}`;
    case 'failed':
      return record.failure === 'invocation-limit'
        ? 'the phone system hung up: the call used all its invocations'
        : 'the phone system hung up: the restaurant did not answer';
  }
}

/**
 * How many events, sent twice, drew two different answers: a sign that the
 * handler is not idempotent.
 */
export function differingDuplicateAnswers(record: CallRecord): number {
  return record.exchanges.filter((exchange) => {
    const responses = exchange.answers
      .filter((answer) => answer.kind === 'response')
      .map((answer) => JSON.stringify(answer.response));

    return new Set(responses).size > 1;
  }).length;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** The one line that closes a call's printout. */
export function summaryLine(record: CallRecord, duplicates = false): string {
  const facts = [
    plural(record.invocations, 'invocation'),
    plural(record.spokenCharacters, 'spoken character'),
  ];
  if (record.problems.length > 0) {
    facts.push(plural(record.problems.length, 'protocol problem'));
  }
  if (duplicates) {
    const differing = differingDuplicateAnswers(record);
    facts.push(`duplicate answers differed for ${plural(differing, 'event')}`);
  }

  return `Call ended: ${endingText(record)} (${facts.join(', ')}).`;
}
