/**
 * Errors the HTTP layer raises itself, before or around a use case: the
 * request is malformed, unauthenticated, forbidden or goes nowhere. Each
 * carries its code and what the client needs to fix it.
 */
import type { ErrorCode } from './error-codes';

/** Extra facts an error answer may carry. */
export interface RejectionDetails {
  /** The offending input, e.g. `query.date`, `body.to`, `path.phone`. */
  field?: string;
}

/** Thrown when a request cannot be served as sent. */
export class RequestRejected extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: RejectionDetails = {},
  ) {
    super(message);
    this.name = 'RequestRejected';
  }
}

/** Thrown when a path exists but not with this method. */
export class MethodNotAllowed extends RequestRejected {
  constructor(
    readonly method: string,
    readonly allowed: string[],
  ) {
    super('method_not_allowed', `${method} is not allowed here`);
    this.name = 'MethodNotAllowed';
  }
}
