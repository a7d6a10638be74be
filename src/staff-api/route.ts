/**
 * A route of the staff API: its method and path, who may call it, the
 * schemas of its inputs and answer, and the use case it runs. The router
 * serves routes, the OpenAPI document describes them, and serverless.yml
 * declares them; a test keeps the three the same.
 */
import * as z from 'zod/mini';
import '../validation/english-messages';
import type { CustomerRepository } from '../customers/model';
import type { MenuRepository } from '../menu/model';
import type { OrderRepository } from '../orders/model';
import type { Caller, Role } from './caller';
import type { ErrorCode } from './error-codes';
import {
  decodePathParameters,
  parseInput,
  type RawBody,
  readJsonBody,
} from './request-input';

/** What the routes' use cases work with. */
export interface StaffApiDependencies {
  orders: OrderRepository;
  customers: CustomerRepository;
  menu: MenuRepository;
  /** The restaurant's time zone: "today" is a business day there. */
  timeZone: string;
  now: () => Date;
}

/** The methods a route may have. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A route with no path parameters, or no query parameters, takes none. */
export const noParameters = z.strictObject({});

/** The request as a route receives it, inputs not yet validated. */
export interface RouteRequest extends RawBody {
  caller: Caller;
  /** As matched from the path, still percent-encoded. */
  pathParameters: Record<string, string>;
  queryStringParameters: Record<string, string | undefined>;
}

/** What a route answers: its documented status and body. */
export interface RouteAnswer {
  statusCode: number;
  body: unknown;
}

/** A route as the router, the document and the tests see it. */
export interface Route {
  method: HttpMethod;
  path: string;
  operationId: string;
  summary: string;
  roles: readonly Role[];
  pathSchema: z.ZodMiniType;
  querySchema: z.ZodMiniType;
  bodySchema?: z.ZodMiniType;
  response: { status: number; description: string; schema: z.ZodMiniType };
  /** The errors of its own use case, besides those every route has. */
  errors: readonly ErrorCode[];
  run(
    request: RouteRequest,
    dependencies: StaffApiDependencies,
  ): Promise<RouteAnswer>;
}

/** The validated inputs a route's use case receives. */
export interface RouteInput<P, Q, B> {
  path: P;
  query: Q;
  body: B;
  caller: Caller;
}

/** A route as written: typed inputs and answer. */
export interface RouteDefinition<
  P extends z.ZodMiniType,
  Q extends z.ZodMiniType,
  B extends z.ZodMiniType,
  R extends z.ZodMiniType,
> extends Omit<
  Route,
  'run' | 'pathSchema' | 'querySchema' | 'bodySchema' | 'response'
> {
  pathSchema?: P;
  querySchema?: Q;
  bodySchema?: B;
  response: { status: number; description: string; schema: R };
  handle: (
    input: RouteInput<z.output<P>, z.output<Q>, z.output<B>>,
    dependencies: StaffApiDependencies,
  ) => Promise<z.input<R>>;
}

/**
 * Makes a route that validates path, query and body, in that order, then
 * runs `handle`. A route without a body schema ignores any body sent.
 */
export function defineRoute<
  P extends z.ZodMiniType = typeof noParameters,
  Q extends z.ZodMiniType = typeof noParameters,
  B extends z.ZodMiniType = z.ZodMiniUndefined,
  R extends z.ZodMiniType = z.ZodMiniType,
>(definition: RouteDefinition<P, Q, B, R>): Route {
  const { handle, ...declared } = definition;
  const pathSchema = definition.pathSchema ?? noParameters;
  const querySchema = definition.querySchema ?? noParameters;
  const bodySchema = definition.bodySchema;

  return {
    ...declared,
    pathSchema,
    querySchema,
    bodySchema,
    run: async (request, dependencies) => {
      const path = parseInput(
        pathSchema,
        decodePathParameters(request.pathParameters),
        'path',
      );
      const query = parseInput(
        querySchema,
        request.queryStringParameters,
        'query',
      );
      const body =
        bodySchema && parseInput(bodySchema, readJsonBody(request), 'body');
      const input = { path, query, body, caller: request.caller };
      // The defaults above stand for P and Q when a route omits them, and
      // B's output is undefined without a body schema: TypeScript cannot
      // follow either, so the input is asserted to the declared types.
      const answer = await handle(
        input as RouteInput<z.output<P>, z.output<Q>, z.output<B>>,
        dependencies,
      );

      return { statusCode: definition.response.status, body: answer };
    },
  };
}
