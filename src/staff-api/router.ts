/**
 * The staff API as one function of an API Gateway HTTP API event (payload
 * format 2.0): find the route, answer a preflight, check the caller's
 * group, run the route, and turn any error into an answer in one place.
 */
import type {
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyStructuredResultV2,
} from 'aws-lambda';
import { readCaller, requireRole } from './caller';
import { corsHeaders, preflightHeaders } from './cors';
import { type ErrorLog, errorAnswer } from './error-response';
import { MethodNotAllowed, RequestRejected } from './request-rejected';
import type { Route, RouteAnswer, StaffApiDependencies } from './route';
import { matchPath } from './route-path';
import { STAFF_API_ROUTES } from './routes';

/** The event API Gateway sends once its JWT authorizer let a call in. */
export type StaffApiEvent = APIGatewayProxyEventV2WithJWTAuthorizer;

/** The answer, always with headers and a text body. */
export type StaffApiResult = APIGatewayProxyStructuredResultV2 & {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
};

/** Where the API reports each request and each failure. */
export interface StaffApiLog extends ErrorLog {
  info(message: string, fields: Record<string, unknown>): void;
}

/** What the API runs on. */
export interface StaffApiOptions extends StaffApiDependencies {
  /** The live board's origin, the only one CORS lets read answers. */
  boardOrigin: string;
  log: StaffApiLog;
}

/** Where a request goes: a route, or the preflight of a path. */
type Target =
  | { route: Route; pathParameters: Record<string, string> }
  | { preflight: string[] };

/** The API as a function of one event. */
export function createStaffApi(
  options: StaffApiOptions,
): (event: StaffApiEvent) => Promise<StaffApiResult> {
  return async (event) => {
    const method = event.requestContext.http.method.toUpperCase();
    const cors = corsHeaders(event.headers.origin, options.boardOrigin);
    const seen: { route?: string } = {};
    try {
      const answer = await answerRequest(method, event, options, seen);

      return result(answer.statusCode, answer.body, {
        ...cors,
        ...answer.headers,
      });
    } catch (error) {
      const context = { method, route: seen.route };
      const failed = errorAnswer(error, options.log, context);

      return result(failed.statusCode, failed.body, {
        ...cors,
        ...failed.headers,
      });
    }
  };
}

/**
 * Answers a preflight or runs the route; `seen.route` names the route as
 * soon as it is known, for the log of a failure.
 */
async function answerRequest(
  method: string,
  event: StaffApiEvent,
  options: StaffApiOptions,
  seen: { route?: string },
): Promise<RouteAnswer & { headers?: Record<string, string> }> {
  const target = findTarget(method, event.rawPath);
  if ('preflight' in target) {
    const headers = preflightHeaders(target.preflight);

    return { statusCode: 204, body: undefined, headers };
  }
  seen.route = target.route.path;
  const answer = await serve(
    target.route,
    target.pathParameters,
    event,
    options,
  );
  options.log.info('staff request', {
    method,
    route: seen.route,
    status: answer.statusCode,
  });

  return answer;
}

function findTarget(method: string, path: string): Target {
  const matches = STAFF_API_ROUTES.flatMap((route) => {
    const pathParameters = matchPath(route.path, path);

    return pathParameters ? [{ route, pathParameters }] : [];
  });
  if (matches.length === 0) {
    throw new RequestRejected('route_not_found', 'no route has this path');
  }
  const methods = matches.map(({ route }) => route.method);
  if (method === 'OPTIONS') return { preflight: methods };
  const match = matches.find(({ route }) => route.method === method);
  if (match === undefined) throw new MethodNotAllowed(method, methods);

  return match;
}

/** Checks who calls before reading any input, then runs the route. */
async function serve(
  route: Route,
  pathParameters: Record<string, string>,
  event: StaffApiEvent,
  dependencies: StaffApiDependencies,
): Promise<RouteAnswer> {
  const caller = readCaller(event);
  requireRole(caller, route.roles);

  return route.run(
    {
      caller,
      pathParameters,
      queryStringParameters: event.queryStringParameters ?? {},
      body: event.body,
      isBase64Encoded: event.isBase64Encoded,
    },
    dependencies,
  );
}

function result(
  statusCode: number,
  body: unknown,
  headers: Record<string, string>,
): StaffApiResult {
  return {
    statusCode,
    headers: {
      ...headers,
      'content-type': 'application/json',
      // Orders change by the minute and hold customers' details.
      'cache-control': 'no-store',
    },
    body: body === undefined ? '' : JSON.stringify(body),
  };
}
