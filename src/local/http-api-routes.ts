/**
 * The HTTP API's routes as serverless.yml declares them: each function's
 * `httpApi` events, with the method, the path (`{param}` segments) and the
 * authorizer. The local HTTP API serves exactly these, as API Gateway
 * would after a deployment.
 */
import * as z from 'zod/mini';
import '../validation/english-messages';
import { loadServerlessConfig, SERVERLESS_FILE } from './serverless-config';

/** One route of the HTTP API. */
export interface HttpApiRoute {
  /** The function's key under `functions:`, e.g. `staffApi`. */
  functionKey: string;
  /** e.g. `functions/staff-api.handler`. */
  handler: string;
  /** Upper case; `ANY` for `*`. */
  method: string;
  /** e.g. `/orders/{orderId}`. */
  path: string;
  /** The name under `provider.httpApi.authorizers`, if the route has one. */
  authorizer?: string;
}

const httpApiEvent = z.union([
  z.string(),
  z.object({
    method: z.optional(z.string()),
    path: z.string(),
    authorizer: z.optional(
      z.union([z.string(), z.object({ name: z.optional(z.string()) })]),
    ),
  }),
]);

const functionsSchema = z.object({
  functions: z.record(
    z.string(),
    z.object({
      handler: z.string(),
      events: z.optional(z.array(z.record(z.string(), z.unknown()))),
    }),
  ),
});

/** Every `httpApi` event of serverless.yml, in the file's order. */
export function readHttpApiRoutes(file = SERVERLESS_FILE): HttpApiRoute[] {
  const { functions } = functionsSchema.parse(loadServerlessConfig(file));

  return Object.entries(functions).flatMap(([functionKey, declared]) =>
    (declared.events ?? [])
      .filter((event) => 'httpApi' in event)
      .map((event) => ({
        functionKey,
        handler: declared.handler,
        ...routeOf(httpApiEvent.parse(event.httpApi)),
      })),
  );
}

function routeOf(
  event: z.infer<typeof httpApiEvent>,
): Pick<HttpApiRoute, 'method' | 'path' | 'authorizer'> {
  if (typeof event === 'string') {
    // The short form: `GET /orders`, or `*` for every method and path.
    const [method = '*', path = '*'] = event === '*' ? [] : event.split(' ');

    return { method: anyFor(method), path };
  }
  const authorizer =
    typeof event.authorizer === 'string'
      ? event.authorizer
      : event.authorizer?.name;

  return {
    method: anyFor(event.method ?? '*'),
    path: event.path,
    ...(authorizer !== undefined && { authorizer }),
  };
}

function anyFor(method: string): string {
  return method === '*' ? 'ANY' : method.toUpperCase();
}
