/**
 * API Gateway's CORS, as `provider.httpApi.cors` in serverless.yml sets it:
 * with CORS configured, API Gateway answers preflights itself and puts the
 * CORS headers on every answer, its own 401s and 404s included. The local
 * HTTP API does the same from the same settings.
 */
import * as z from 'zod/mini';
import '../validation/english-messages';
import { loadServerlessConfig, SERVERLESS_FILE } from './serverless-config';
import { resolveVariables, type VariableContext } from './serverless-variables';

/** The CORS settings, variables resolved for a stage. */
export interface HttpApiCors {
  allowedOrigins: string[];
  allowedHeaders: string[];
  allowedMethods: string[];
  maxAge?: number;
}

const corsSchema = z.object({
  provider: z.object({
    httpApi: z.optional(
      z.object({
        cors: z.optional(
          z.union([
            z.literal(true),
            z.object({
              allowedOrigins: z.optional(z.array(z.string())),
              allowedHeaders: z.optional(z.array(z.string())),
              allowedMethods: z.optional(z.array(z.string())),
              maxAge: z.optional(z.number()),
            }),
          ]),
        ),
      }),
    ),
  }),
});

/** The framework's defaults for `cors: true` and for omitted lists. */
const DEFAULT_HEADERS = [
  'Content-Type',
  'X-Amz-Date',
  'Authorization',
  'X-Api-Key',
  'X-Amz-Security-Token',
  'X-Amz-User-Agent',
  'X-Amzn-Trace-Id',
];
const DEFAULT_METHODS = ['OPTIONS', 'GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/**
 * The CORS settings of serverless.yml for `stage`; none when unset.
 * `params` stand for `--param` options (a board served on another port).
 */
export function readHttpApiCors(
  stage: string,
  file = SERVERLESS_FILE,
  params?: Record<string, string>,
): HttpApiCors | undefined {
  const config = loadServerlessConfig(file);
  const cors = corsSchema.parse(config).provider.httpApi?.cors;
  if (cors === undefined) return undefined;
  const settings = cors === true ? {} : cors;
  const context: VariableContext = { config, stage, params };
  const where = 'provider.httpApi.cors.allowedOrigins';

  return {
    allowedOrigins: (settings.allowedOrigins ?? ['*']).map((origin) =>
      resolveVariables(origin, where, context),
    ),
    allowedHeaders: settings.allowedHeaders ?? DEFAULT_HEADERS,
    allowedMethods: settings.allowedMethods ?? DEFAULT_METHODS,
    maxAge: settings.maxAge,
  };
}

/** The headers that let `origin` read an answer; none for other origins. */
export function corsHeadersFor(
  cors: HttpApiCors | undefined,
  origin: string | undefined,
): Record<string, string> {
  if (cors === undefined || origin === undefined) return {};
  const wildcard = cors.allowedOrigins.includes('*');
  if (!wildcard && !cors.allowedOrigins.includes(origin)) return {};

  return {
    'access-control-allow-origin': wildcard ? '*' : origin,
    vary: 'Origin',
  };
}

/** The headers of the answer to a preflight from `origin`. */
export function preflightHeadersFor(
  cors: HttpApiCors,
  origin: string | undefined,
): Record<string, string> {
  const allowed = corsHeadersFor(cors, origin);
  if (Object.keys(allowed).length === 0) return {};

  return {
    ...allowed,
    'access-control-allow-methods': cors.allowedMethods.join(','),
    'access-control-allow-headers': cors.allowedHeaders.join(','),
    ...(cors.maxAge !== undefined && {
      'access-control-max-age': String(cors.maxAge),
    }),
  };
}
