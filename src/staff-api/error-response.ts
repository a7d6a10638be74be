/**
 * The one place errors become answers. Known errors map to their code and
 * a message written here; anything else is a 500 that says only "internal
 * error" and is logged, so no stack trace or internal message leaves.
 */
import { CustomerNotFound } from '../customers/model';
import { MenuItemNotFound } from '../menu/model';
import { InvalidCursor, OrderNotFound, StatusConflict } from '../orders/model';
import { IllegalTransition } from '../orders/status-machine';
import { ERROR_STATUS } from './error-codes';
import { MethodNotAllowed, RequestRejected } from './request-rejected';
import type { ErrorBody } from './response-schemas';

/** An error answer before CORS headers are added. */
export interface ErrorAnswer {
  statusCode: number;
  headers: Record<string, string>;
  body: ErrorBody;
}

/** Where a failure nobody expected is reported. */
export interface ErrorLog {
  error(message: string, fields: Record<string, unknown>): void;
}

/** The answer to `error`; unexpected errors are logged first. */
export function errorAnswer(
  error: unknown,
  log: ErrorLog,
  context: Record<string, unknown>,
): ErrorAnswer {
  const known = describe(error);
  if (known === undefined) {
    log.error('staff request failed', { ...context, error });

    return answer({ code: 'internal_error', message: 'internal error' });
  }

  return answer(known, error instanceof MethodNotAllowed ? error : undefined);
}

function answer(
  error: ErrorBody['error'],
  notAllowed?: MethodNotAllowed,
): ErrorAnswer {
  const headers: Record<string, string> = {};
  if (notAllowed) headers.allow = notAllowed.allowed.join(', ');

  return { statusCode: ERROR_STATUS[error.code], headers, body: { error } };
}

/** The error body of a known error, undefined for any other. */
function describe(error: unknown): ErrorBody['error'] | undefined {
  if (error instanceof RequestRejected) {
    return { code: error.code, message: error.message, ...error.details };
  }
  if (error instanceof IllegalTransition) {
    return {
      code: 'illegal_transition',
      message: `an order cannot move from ${error.from} to ${error.to}`,
      currentStatus: error.currentStatus,
      allowedStatuses: error.allowedStatuses,
    };
  }
  if (error instanceof StatusConflict) {
    return {
      code: 'status_conflict',
      message: `the order is no longer in that status; it is ${error.currentStatus}`,
      currentStatus: error.currentStatus,
    };
  }

  return notFound(error) ?? badCursor(error);
}

function notFound(error: unknown): ErrorBody['error'] | undefined {
  if (error instanceof OrderNotFound) {
    return { code: 'order_not_found', message: 'no order has this id' };
  }
  if (error instanceof MenuItemNotFound) {
    return { code: 'menu_item_not_found', message: 'no menu item has this id' };
  }
  if (error instanceof CustomerNotFound) {
    return {
      code: 'customer_not_found',
      message: 'no customer has this phone number',
    };
  }

  return undefined;
}

function badCursor(error: unknown): ErrorBody['error'] | undefined {
  if (!(error instanceof InvalidCursor)) return undefined;

  return {
    code: 'invalid_cursor',
    message: 'query.cursor: is not a cursor of this listing',
    field: 'query.cursor',
  };
}
