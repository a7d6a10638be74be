/**
 * The OpenAPI document against what is really served: its operations are
 * the router's routes and serverless.yml's httpApi events, one for one,
 * and its schemas are the router's own zod schemas as JSON Schema. The
 * API tests then check every real answer against those zod schemas (see
 * support/documented.ts), which is checking them against the document.
 */
import { readHttpApiRoutes } from '../../src/local/http-api-routes';
import {
  buildOpenApiDocument,
  jsonSchemaOf,
  SECURITY_SCHEME,
} from '../../src/staff-api/openapi';
import { errorResponseSchema } from '../../src/staff-api/response-schemas';
import { STAFF_API_ROUTES } from '../../src/staff-api/routes';

const document = buildOpenApiDocument();

const operationsOfDocument = () =>
  Object.entries(document.paths)
    .flatMap(([path, operations]) =>
      Object.keys(operations).map(
        (method) => `${method.toUpperCase()} ${path}`,
      ),
    )
    .sort();

describe('the OpenAPI document', () => {
  it('has one operation per route of the router', () => {
    const routes = STAFF_API_ROUTES.map((r) => `${r.method} ${r.path}`).sort();

    expect(operationsOfDocument()).toEqual(routes);
  });

  it('has one operation per httpApi event of the staffApi function', () => {
    const declared = readHttpApiRoutes()
      .filter((route) => route.functionKey === 'staffApi')
      .map((route) => `${route.method} ${route.path}`)
      .sort();

    expect(operationsOfDocument()).toEqual(declared);
  });

  it('puts every route of serverless.yml behind the staffJwt authorizer', () => {
    const routes = readHttpApiRoutes().filter(
      (route) => route.functionKey === 'staffApi',
    );

    expect(routes.map((route) => route.authorizer)).toEqual(
      routes.map(() => SECURITY_SCHEME),
    );
  });

  it('is OpenAPI 3.1 with the JWT scheme required everywhere', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(document.components.securitySchemes[SECURITY_SCHEME]).toMatchObject({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
    });
    for (const operations of Object.values(document.paths)) {
      for (const operation of Object.values(operations)) {
        expect(operation.security).toEqual([{ [SECURITY_SCHEME]: [] }]);
      }
    }
  });

  describe.each(STAFF_API_ROUTES.map((r) => [`${r.method} ${r.path}`, r]))(
    '%s',
    (_, route) => {
      const operation =
        document.paths[route.path]![route.method.toLowerCase()]!;

      it("describes its answer with the route's response schema", () => {
        const answer = operation.responses[String(route.response.status)];

        expect(answer?.content?.['application/json'].schema).toEqual(
          jsonSchemaOf(route.response.schema, 'output'),
        );
      });

      it('describes its body with the schema the router validates with', () => {
        const body = operation.requestBody?.content['application/json'].schema;

        expect(body).toEqual(
          route.bodySchema && jsonSchemaOf(route.bodySchema, 'input'),
        );
      });

      it('lists each path parameter of its path, required', () => {
        const inPath = operation.parameters.filter((p) => p.in === 'path');
        const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);

        expect(inPath.map((p) => p.name)).toEqual(names);
        expect(inPath.every((p) => p.required)).toBe(true);
      });

      it('documents 400, 401, 403 and 500 with the error schema', () => {
        for (const status of ['400', '401', '403', '500']) {
          expect(operation.responses[status]?.content).toEqual({
            'application/json': {
              schema: { $ref: '#/components/schemas/Error' },
            },
          });
        }
      });
    },
  );

  it('documents the listing query: status required, the rest optional', () => {
    const parameters = document.paths['/orders']!.get!.parameters;

    expect(
      parameters.map(({ name, in: where, required }) => [
        name,
        where,
        required,
      ]),
    ).toEqual([
      ['status', 'query', true],
      ['date', 'query', false],
      ['limit', 'query', false],
      ['cursor', 'query', false],
    ]);
  });

  it('documents the conflicts of a status move', () => {
    const move = document.paths['/orders/{orderId}/status']!.post!;

    expect(move.responses['409']?.description).toBe(
      'illegal_transition, status_conflict',
    );
    expect(move.responses['404']?.description).toBe('order_not_found');
  });

  it('defines the error shape from the error schema', () => {
    expect(document.components.schemas.Error).toEqual(
      jsonSchemaOf(errorResponseSchema, 'output'),
    );
  });

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(document))).toEqual(document);
  });
});
