/**
 * The machine-readable codes of the staff API's errors, with the HTTP
 * status each one travels with. Clients branch on the code; the message
 * is for people.
 */
export const ERROR_STATUS = {
  invalid_json: 400,
  body_too_large: 400,
  missing_field: 400,
  unknown_field: 400,
  invalid_field: 400,
  invalid_cursor: 400,
  unauthorized: 401,
  forbidden: 403,
  route_not_found: 404,
  order_not_found: 404,
  menu_item_not_found: 404,
  customer_not_found: 404,
  method_not_allowed: 405,
  illegal_transition: 409,
  status_conflict: 409,
  internal_error: 500,
} as const;

/** One of the codes above. */
export type ErrorCode = keyof typeof ERROR_STATUS;

/** All codes, for the error schema. */
export const ERROR_CODES = Object.keys(ERROR_STATUS) as [
  ErrorCode,
  ...ErrorCode[],
];
