/**
 * API Gateway's HTTP API over plain HTTP, for the routes serverless.yml
 * declares: match the route, verify the bearer token as the JWT authorizer
 * does, build the payload 2.0 event and invoke the function, with the CORS
 * settings of serverless.yml. The board and curl talk to it as they would
 * talk to the deployed API.
 */
import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { DEFAULT_STAGE } from './function-environment';
import {
  corsHeadersFor,
  type HttpApiCors,
  preflightHeadersFor,
  readHttpApiCors,
} from './http-api-cors';
import {
  fromLambdaResult,
  type GatewayAnswer,
  gatewayError,
  send,
  unauthorized,
} from './http-api-answers';
import { type ClaimValue, httpApiEvent } from './http-api-event';
import { authorize, headersOf, readBody } from './http-api-request';
import { type HttpApiRoute, readHttpApiRoutes } from './http-api-routes';
import { LocalAuth } from './local-auth';
import { readFunctionDeclarations } from './function-declarations';
import { type LoadOptions, LocalFunctions } from './local-functions';
import { PortInUse } from './ports';
import { matchPath } from '../staff-api/route-path';

export { issueStaffToken } from './local-auth';

/** serverless-offline's port for HTTP events. */
export const DEFAULT_HTTP_API_PORT = 3000;

/** How to start the local HTTP API. */
export interface StartHttpApiOptions {
  /** Default 3000; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1: nothing outside this machine can call it. */
  host?: string;
  /** The serverless.yml stage, for `${param:...}` (CORS). Default dev. */
  stage?: string;
  /** Path to serverless.yml. Default: the repository's. */
  file?: string;
  /**
   * Parameters as `sls --param="name=value"` gives them, for CORS: e.g.
   * `{ boardOrigin }` when the board is not at serverless.yml's origin.
   */
  params?: Record<string, string>;
  /** The local stack's functions; loaded here from serverless.yml if not. */
  functions?: LocalFunctions;
  /** Put in process.env before handlers are imported here. */
  env?: Record<string, string>;
  /** How handlers are imported when loaded here (see LocalFunctions). */
  importModule?: LoadOptions['importModule'];
  /** The local user pool. Default: the key kept in .local-data/auth. */
  auth?: LocalAuth;
  /** Told of every request once it is answered. */
  onRequest?: (request: HttpApiRequestLog) => void;
}

/** One request, for a log line. */
export interface HttpApiRequestLog {
  method: string;
  /** The matched route, e.g. `GET /orders/{orderId}`, or the raw path. */
  route: string;
  status: number;
  /** Why the token was refused, when it was. */
  refused?: string;
  durationMs: number;
}

/** A running HTTP API. */
export interface HttpApi {
  /** `http://127.0.0.1:<port>`. */
  endpoint: string;
  port: number;
  /** The user pool it trusts: issue tokens with it. */
  auth: LocalAuth;
  routes: HttpApiRoute[];
  close(): Promise<void>;
}

/** A route with the deployed name of the function it invokes. */
interface Target extends HttpApiRoute {
  functionName: string;
}

/** What answering a request needs. */
interface ServingContext {
  targets: Target[];
  cors: HttpApiCors | undefined;
  auth: LocalAuth;
  functions: LocalFunctions;
  onRequest?: (request: HttpApiRequestLog) => void;
}

/** Starts serving; rejects with PortInUse when the port is taken. */
export async function startHttpApi(
  options: StartHttpApiOptions = {},
): Promise<HttpApi> {
  const stage = options.stage ?? DEFAULT_STAGE;
  const routes = readHttpApiRoutes(options.file);
  const functions = options.functions ?? (await loadFunctions(routes, options));
  const context: ServingContext = {
    targets: routes.map((route) => targetOf(route, functions)),
    cors: readHttpApiCors(stage, options.file, options.params),
    auth: options.auth ?? (await LocalAuth.fromDirectory()),
    functions,
    onRequest: options.onRequest,
  };
  const host = options.host ?? '127.0.0.1';
  const server = createServer((request, response) => {
    void answer(request, response, context);
  });
  const port = await listen(
    server,
    options.port ?? DEFAULT_HTTP_API_PORT,
    host,
  );

  return {
    endpoint: `http://${host}:${port}`,
    port,
    auth: context.auth,
    routes,
    close: () => closeServer(server),
  };
}

/** Imports only the functions that have routes; sets `env` first. */
async function loadFunctions(
  routes: HttpApiRoute[],
  options: StartHttpApiOptions,
): Promise<LocalFunctions> {
  if (options.env) Object.assign(process.env, options.env);
  const keys = new Set(routes.map((route) => route.functionKey));
  const declared = readFunctionDeclarations(
    options.stage ?? DEFAULT_STAGE,
    options.file,
  ).filter((fn) => keys.has(fn.key));

  return LocalFunctions.load(declared, { importModule: options.importModule });
}

function targetOf(route: HttpApiRoute, functions: LocalFunctions): Target {
  const functionName = functions.nameOf(route.functionKey);
  if (functionName === undefined) {
    throw new Error(
      `functions.${route.functionKey} has httpApi events but is not loaded`,
    );
  }

  return { ...route, functionName };
}

async function answer(
  request: IncomingMessage,
  response: ServerResponse,
  context: ServingContext,
): Promise<void> {
  const startedAt = performance.now();
  const outcome = await handle(request, context);
  const origin = request.headers.origin;
  send(response, outcome.status, outcome.body, {
    ...outcome.headers,
    ...corsHeadersFor(context.cors, origin),
  });
  context.onRequest?.({
    method: request.method ?? '',
    route: outcome.route,
    status: outcome.status,
    ...(outcome.refused !== undefined && { refused: outcome.refused }),
    durationMs: Math.round(performance.now() - startedAt),
  });
}

/** An answer, with what the request log reports about it. */
interface Outcome extends GatewayAnswer {
  route: string;
  refused?: string;
}

async function handle(
  request: IncomingMessage,
  context: ServingContext,
): Promise<Outcome> {
  const method = (request.method ?? 'GET').toUpperCase();
  const url = splitUrl(request.url ?? '/');
  if (method === 'OPTIONS' && context.cors && isPreflight(request)) {
    const headers = preflightHeadersFor(context.cors, request.headers.origin);

    return { status: 204, headers, body: '', route: `OPTIONS ${url.rawPath}` };
  }
  const match = findTarget(context.targets, method, url.rawPath);
  if (match === undefined) {
    return { ...gatewayError(404, 'Not Found'), route: url.rawPath };
  }
  const route = `${match.target.method} ${match.target.path}`;
  const authorization = await authorize(request, match.target, context.auth);
  if ('refused' in authorization) {
    const { refused } = authorization;

    return { ...unauthorized(refused), route, refused };
  }
  const answer = await forward(
    request,
    { ...url, ...match, route },
    {
      claims: authorization.verified,
      context,
    },
  );

  return { ...answer, route };
}

/** The request's path and query string, both as received. */
function splitUrl(url: string): { rawPath: string; rawQueryString: string } {
  const queryAt = url.indexOf('?');
  if (queryAt < 0) return { rawPath: url, rawQueryString: '' };

  return {
    rawPath: url.slice(0, queryAt),
    rawQueryString: url.slice(queryAt + 1),
  };
}

/** Reads the body and invokes the route's function with the event. */
async function forward(
  request: IncomingMessage,
  matched: {
    rawPath: string;
    rawQueryString: string;
    route: string;
    target: Target;
    pathParameters: Record<string, string>;
  },
  {
    claims,
    context,
  }: { claims?: Record<string, ClaimValue>; context: ServingContext },
): Promise<GatewayAnswer> {
  const body = await readBody(request);
  if (body === undefined) return gatewayError(413, 'Request Entity Too Large');
  const event = httpApiEvent({
    method: (request.method ?? 'GET').toUpperCase(),
    rawPath: matched.rawPath,
    rawQueryString: matched.rawQueryString,
    headers: headersOf(request),
    ...(body !== '' && { body }),
    routeKey: matched.route,
    pathParameters: matched.pathParameters,
    claims,
    sourceIp: request.socket.remoteAddress,
  });

  return invoke(matched.target, event, context);
}

function isPreflight(request: IncomingMessage): boolean {
  return request.headers['access-control-request-method'] !== undefined;
}

function findTarget(
  targets: Target[],
  method: string,
  rawPath: string,
): { target: Target; pathParameters: Record<string, string> } | undefined {
  for (const target of targets) {
    if (target.method !== method && target.method !== 'ANY') continue;
    const pathParameters = matchPath(target.path, rawPath);
    if (pathParameters !== undefined) return { target, pathParameters };
  }

  return undefined;
}

/** Invokes the function and reads its answer as API Gateway does. */
async function invoke(
  target: Target,
  event: unknown,
  context: ServingContext,
): Promise<GatewayAnswer> {
  const result = await context.functions.invoke(
    target.functionName,
    JSON.stringify(event),
  );
  if (result.functionError !== undefined) {
    return gatewayError(500, 'Internal Server Error');
  }

  return fromLambdaResult(JSON.parse(result.payload) as unknown);
}

async function listen(
  server: Server,
  port: number,
  host: string,
): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE' ? new PortInUse(port) : error);
    });
    server.listen({ port, host, exclusive: true }, resolve);
  });
  const address = server.address();

  return typeof address === 'object' && address ? address.port : port;
}

async function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => {
      resolve();
    });
    // A browser's keep-alive sockets would otherwise hold close() open.
    server.closeAllConnections();
  });
}
