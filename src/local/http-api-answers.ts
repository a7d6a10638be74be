/**
 * What the local HTTP API answers besides the function's own answers:
 * API Gateway's messages for a refused token, an unknown route or a
 * failed function, and the rules that turn a function's result into an
 * HTTP answer.
 */
import type { ServerResponse } from 'node:http';

/** An answer before CORS headers are added. */
export interface GatewayAnswer {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

/** API Gateway's own answer to a refused token. */
export function unauthorized(reason: string): GatewayAnswer {
  return {
    status: 401,
    headers: {
      'content-type': 'application/json',
      'www-authenticate': `Bearer error="invalid_token" error_description="${reason}"`,
    },
    body: JSON.stringify({ message: 'Unauthorized' }),
  };
}

/** API Gateway's answer when it has none from a function. */
export function gatewayError(status: number, message: string): GatewayAnswer {
  return {
    status,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ message }),
  };
}

/**
 * Payload 2.0's rules: an object with a statusCode is the answer itself;
 * anything else is a 200 whose JSON body is what the function returned.
 * With CORS configured, API Gateway drops the function's CORS headers for
 * its own, so they are dropped here too.
 */
export function fromLambdaResult(result: unknown): GatewayAnswer {
  const structured = result as {
    statusCode?: unknown;
    headers?: Record<string, unknown>;
    body?: unknown;
    isBase64Encoded?: unknown;
  } | null;
  if (typeof structured?.statusCode !== 'number') {
    const body = typeof result === 'string' ? result : JSON.stringify(result);

    return {
      status: 200,
      headers: { 'content-type': 'application/json' },
      body,
    };
  }
  const headers = Object.fromEntries(
    Object.entries(structured.headers ?? {})
      .filter(([name]) => !name.toLowerCase().startsWith('access-control-'))
      .map(([name, value]) => [name.toLowerCase(), String(value)]),
  );
  const text = typeof structured.body === 'string' ? structured.body : '';
  const body =
    structured.isBase64Encoded === true ? Buffer.from(text, 'base64') : text;

  return { status: structured.statusCode, headers, body };
}

/** Writes an answer. */
export function send(
  response: ServerResponse,
  status: number,
  body: string | Buffer,
  headers: Record<string, string>,
): void {
  response.writeHead(status, {
    ...headers,
    'content-length': String(Buffer.byteLength(body)),
  });
  response.end(body);
}
