/**
 * Builds the event API Gateway's HTTP API hands a Lambda function (payload
 * format 2.0) from an HTTP request, as the deployed API would: lower-cased
 * headers, repeated query parameters joined with commas, the verified JWT
 * claims flattened to text the way the JWT authorizer passes them.
 */
import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';

/** A claim's value as a token holds it. */
export type ClaimValue = string | number | boolean | string[] | object;

/** The parts of a request the event is made of. */
export interface HttpApiRequest {
  method: string;
  /** The path as received, still percent-encoded. */
  rawPath: string;
  /** After the `?`, without it; '' when there is none. */
  rawQueryString: string;
  /** Header names in any case; repeated headers already joined. */
  headers: Record<string, string>;
  /** The body as text; undefined when the request has none. */
  body?: string;
  /** The route that matched, e.g. `GET /orders/{orderId}`. */
  routeKey: string;
  /** As matched from the path, still percent-encoded. */
  pathParameters?: Record<string, string>;
  /** The verified token's claims; undefined on a route without one. */
  claims?: Record<string, ClaimValue>;
  sourceIp?: string;
  now?: Date;
}

/** The payload 2.0 event of a request. */
export function httpApiEvent(
  request: HttpApiRequest,
): APIGatewayProxyEventV2WithJWTAuthorizer {
  const now = request.now ?? new Date();
  const headers = lowerCased(request.headers);
  const query = queryParameters(request.rawQueryString);
  const path = request.pathParameters;

  return {
    version: '2.0',
    routeKey: request.routeKey,
    rawPath: request.rawPath,
    rawQueryString: request.rawQueryString,
    headers,
    ...(query && { queryStringParameters: query }),
    ...(path && { pathParameters: decodedValues(path) }),
    requestContext: {
      accountId: '123456789012',
      apiId: 'local',
      ...(request.claims && { authorizer: authorizerOf(request.claims) }),
      domainName: headers.host ?? 'localhost',
      domainPrefix: (headers.host ?? 'localhost').split('.')[0] ?? 'localhost',
      http: {
        method: request.method.toUpperCase(),
        path: request.rawPath,
        protocol: 'HTTP/1.1',
        sourceIp: request.sourceIp ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey: request.routeKey,
      stage: '$default',
      time: now.toISOString(),
      timeEpoch: now.getTime(),
    },
    ...(request.body !== undefined && { body: request.body }),
    isBase64Encoded: false,
  } as APIGatewayProxyEventV2WithJWTAuthorizer;
}

function authorizerOf(claims: Record<string, ClaimValue>) {
  return {
    principalId: '',
    integrationLatency: 0,
    jwt: { claims: flattenClaims(claims), scopes: [] },
  };
}

/**
 * Claims as the JWT authorizer passes them on: text, with a list written
 * `[a b]` (which is how `cognito:groups` reaches the function).
 */
export function flattenClaims(
  claims: Record<string, ClaimValue>,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(claims).map(([name, value]) => [name, flatten(value)]),
  );
}

function flatten(value: ClaimValue): string {
  if (Array.isArray(value)) return `[${value.join(' ')}]`;
  if (typeof value === 'object') return JSON.stringify(value);

  return String(value);
}

function lowerCased(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]),
  );
}

/** Decoded values, repeated names joined by commas; none when empty. */
function queryParameters(raw: string): Record<string, string> | undefined {
  const joined: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(raw)) {
    joined[name] = name in joined ? `${joined[name] ?? ''},${value}` : value;
  }

  return Object.keys(joined).length === 0 ? undefined : joined;
}

function decodedValues(raw: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(raw).map(([name, value]) => [name, safeDecode(value)]),
  );
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
