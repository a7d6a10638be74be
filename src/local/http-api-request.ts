/**
 * Reading a request as API Gateway does before it invokes a function:
 * the bearer token checked by the JWT authorizer, the headers, the body.
 */
import type { IncomingMessage } from 'node:http';
import type { ClaimValue } from './http-api-event';
import type { HttpApiRoute } from './http-api-routes';
import { type LocalAuth, TokenRejected } from './local-auth';

/** API Gateway's limit on a request's payload. */
const MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;

/** What the authorizer made of a request. */
export type Authorization =
  { verified?: Record<string, ClaimValue> } | { refused: string };

/** The verified claims, none on a route without authorizer, or why not. */
export async function authorize(
  request: IncomingMessage,
  route: HttpApiRoute,
  auth: LocalAuth,
): Promise<Authorization> {
  if (route.authorizer === undefined) return {};
  const header = request.headers.authorization;
  if (header === undefined || header.trim() === '') {
    return { refused: 'no token' };
  }
  // The authorizer takes the header's value with or without "Bearer ".
  const token = header.replace(/^Bearer\s+/i, '').trim();
  try {
    const payload = await auth.verifyToken(token);

    return { verified: payload as Record<string, ClaimValue> };
  } catch (error) {
    if (error instanceof TokenRejected) return { refused: error.reason };
    throw error;
  }
}

/** The body as text; undefined when it is over API Gateway's limit. */
export async function readBody(
  request: IncomingMessage,
): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_PAYLOAD_BYTES) return undefined;
    chunks.push(buffer);
  }

  return Buffer.concat(chunks).toString('utf8');
}

/** Headers as API Gateway passes them: repeated ones joined by commas. */
export function headersOf(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) {
      headers[name] = Array.isArray(value) ? value.join(',') : value;
    }
  }

  return headers;
}
