/**
 * The staff API's OpenAPI 3.1 document, generated from the routes and the
 * same zod schemas the router validates with, so it cannot promise what
 * the API does not do. OpenAPI 3.1 takes JSON Schema 2020-12 as it is,
 * which is what zod writes.
 */
import * as z from 'zod/mini';
import { ERROR_STATUS, type ErrorCode } from './error-codes';
import { errorResponseSchema } from './response-schemas';
import type { Route } from './route';
import { STAFF_API_ROUTES } from './routes';

type JsonSchema = Record<string, unknown>;

/** One operation of the document. */
export interface OpenApiOperation {
  operationId: string;
  summary: string;
  description: string;
  security: Record<string, string[]>[];
  parameters: OpenApiParameter[];
  requestBody?: { required: true; content: JsonContent };
  responses: Record<string, { description: string; content?: JsonContent }>;
}

interface OpenApiParameter {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  schema: JsonSchema;
}

type JsonContent = Record<'application/json', { schema: JsonSchema }>;

/** The document, typed as far as the tests read it. */
export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string };
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: {
    schemas: Record<string, JsonSchema>;
    securitySchemes: Record<string, Record<string, string>>;
  };
}

/** The name of the JWT scheme, as serverless.yml names the authorizer. */
export const SECURITY_SCHEME = 'staffJwt';

const ERROR_REFERENCE = { $ref: '#/components/schemas/Error' };

/** Errors any route may answer with, whatever it does. */
const COMMON_ERRORS: ErrorCode[] = [
  'missing_field',
  'unknown_field',
  'invalid_field',
  'unauthorized',
  'forbidden',
  'internal_error',
];
const BODY_ERRORS: ErrorCode[] = ['invalid_json', 'body_too_large'];

/** The document for `routes` (all of the staff API's by default). */
export function buildOpenApiDocument(
  routes: readonly Route[] = STAFF_API_ROUTES,
): OpenApiDocument {
  const paths: OpenApiDocument['paths'] = {};
  for (const route of routes) {
    const operations = (paths[route.path] ??= {});
    operations[route.method.toLowerCase()] = operationOf(route);
  }

  return {
    openapi: '3.1.0',
    info: {
      title: 'Phone orders staff API',
      version: '1.0.0',
      description:
        'Orders, menu and customers for the kitchen and the live board. ' +
        'Errors answer {"error":{"code","message",...}}.',
    },
    paths,
    components: {
      schemas: { Error: jsonSchemaOf(errorResponseSchema, 'output') },
      securitySchemes: {
        [SECURITY_SCHEME]: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            'A Cognito ID or access token of the staff user pool; the ' +
            'groups staff and managers decide what a caller may do.',
        },
      },
    },
  };
}

function operationOf(route: Route): OpenApiOperation {
  const { status, description, schema } = route.response;

  return {
    operationId: route.operationId,
    summary: route.summary,
    description: `Groups: ${route.roles.join(', ')}.`,
    security: [{ [SECURITY_SCHEME]: [] }],
    parameters: [
      ...parametersOf(route.pathSchema, 'path'),
      ...parametersOf(route.querySchema, 'query'),
    ],
    ...(route.bodySchema && {
      requestBody: {
        required: true,
        content: jsonContent(jsonSchemaOf(route.bodySchema, 'input')),
      },
    }),
    responses: {
      [String(status)]: {
        description,
        content: jsonContent(jsonSchemaOf(schema, 'output')),
      },
      ...errorResponsesOf(route),
    },
  };
}

function parametersOf(
  schema: z.ZodMiniType,
  location: 'path' | 'query',
): OpenApiParameter[] {
  const object = jsonSchemaOf(schema, 'input') as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };

  return Object.entries(object.properties ?? {}).map(([name, property]) => ({
    name,
    in: location,
    required: location === 'path' || (object.required ?? []).includes(name),
    schema: property,
  }));
}

/** One response per status, listing the codes that travel with it. */
function errorResponsesOf(route: Route): OpenApiOperation['responses'] {
  const codes = [
    ...COMMON_ERRORS,
    ...(route.bodySchema ? BODY_ERRORS : []),
    ...route.errors,
  ];
  const responses: OpenApiOperation['responses'] = {};
  for (const code of codes) {
    const status = String(ERROR_STATUS[code]);
    const listed = responses[status]?.description;
    responses[status] = {
      description: listed === undefined ? code : `${listed}, ${code}`,
      content: jsonContent(ERROR_REFERENCE),
    };
  }

  return responses;
}

function jsonContent(schema: JsonSchema): JsonContent {
  return { 'application/json': { schema } };
}

/** A zod schema as JSON Schema, the request's side or the answer's. */
export function jsonSchemaOf(
  schema: z.ZodMiniType,
  io: 'input' | 'output',
): JsonSchema {
  const json: JsonSchema = z.toJSONSchema(schema, { io });
  // The document's dialect is already JSON Schema 2020-12.
  delete json.$schema;

  return json;
}
