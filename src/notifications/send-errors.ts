/**
 * Errors of the senders, named by what failed and never carrying the
 * phone number or address: they end up in logs and dead-letter queues.
 */

/** Thrown when an SMS provider did not accept a text. */
export class SmsNotSent extends Error {
  constructor(
    readonly driver: string,
    readonly reason: string,
  ) {
    super(`text not sent through ${driver}: ${reason}`);
    this.name = 'SmsNotSent';
  }
}

/** Thrown when the email provider did not accept an email. */
export class EmailNotSent extends Error {
  constructor(readonly reason: string) {
    super(`email not sent: ${reason}`);
    this.name = 'EmailNotSent';
  }
}

/**
 * A short reason from whatever an SDK threw: the error's name and HTTP
 * status. Not its message, which may quote the phone number or address;
 * for the same reason the SDK error is not kept as the `cause`.
 */
export function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return 'unknown error';
  const status = (error as { $metadata?: { httpStatusCode?: number } })
    .$metadata?.httpStatusCode;

  return status === undefined ? error.name : `${error.name} (HTTP ${status})`;
}
