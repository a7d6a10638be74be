/**
 * Reading a request's inputs: the body as JSON within a size limit, and
 * path, query and body through their zod schemas. Every failure becomes a
 * {@link RequestRejected} naming the field, so a client learns what to fix
 * and never sees a parser's internals.
 */
import type * as z from 'zod/mini';
import type { ErrorCode } from './error-codes';
import { RequestRejected } from './request-rejected';

/** Larger bodies are refused: no request of this API comes close. */
export const MAX_BODY_BYTES = 16 * 1024;

/** Where an input came from, as the prefix of a field's name. */
export type InputLocation = 'path' | 'query' | 'body';

/** The raw body as API Gateway passes it. */
export interface RawBody {
  body?: string;
  isBase64Encoded: boolean;
}

/** The body as JSON; undefined when there is none. */
export function readJsonBody(raw: RawBody): unknown {
  if (raw.body === undefined || raw.body === '') return undefined;
  const bytes = Buffer.from(raw.body, raw.isBase64Encoded ? 'base64' : 'utf8');
  if (bytes.length > MAX_BODY_BYTES) {
    throw new RequestRejected(
      'body_too_large',
      `body: must be at most ${MAX_BODY_BYTES} bytes`,
      { field: 'body' },
    );
  }
  try {
    return JSON.parse(bytes.toString('utf8')) as unknown;
  } catch {
    throw new RequestRejected('invalid_json', 'body: is not valid JSON', {
      field: 'body',
    });
  }
}

/** Percent-decodes path parameters; a broken escape is the client's. */
export function decodePathParameters(
  raw: Record<string, string>,
): Record<string, string> {
  const decoded: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    try {
      decoded[name] = decodeURIComponent(value);
    } catch {
      throw new RequestRejected('invalid_field', `path.${name}: bad escape`, {
        field: `path.${name}`,
      });
    }
  }

  return decoded;
}

/** `value` checked against `schema`; throws the first problem found. */
export function parseInput<S extends z.ZodMiniType>(
  schema: S,
  value: unknown,
  location: InputLocation,
): z.output<S> {
  // reportInput tells a missing field from a wrong one; inputs are never
  // echoed back, as they may hold a phone number or an email address.
  const parsed = schema.safeParse(value, { reportInput: true });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  if (issue === undefined) {
    throw new RequestRejected('invalid_field', `${location}: is not valid`);
  }
  const field = fieldName(location, issue);

  throw new RequestRejected(codeOf(issue), `${field}: ${issue.message}`, {
    field,
  });
}

function fieldName(location: InputLocation, issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys') path.push(issue.keys[0] ?? '');

  return [location, ...path].join('.');
}

function codeOf(issue: z.core.$ZodIssue): ErrorCode {
  if (issue.code === 'unrecognized_keys') return 'unknown_field';
  // Whatever the schema expected, nothing at all was given.
  if (issue.input === undefined) return 'missing_field';

  return 'invalid_field';
}
