/**
 * Checks an answer against the API's own description: a success body
 * against the route's response schema, an error body against the error
 * schema, and its status against the statuses the OpenAPI document lists
 * for the operation. The document is generated from these same zod
 * schemas (src/staff-api/openapi.ts), so validating with zod directly is
 * validating against the document; openapi.test.ts checks that the
 * document's schemas are exactly these schemas' JSON Schema.
 */
import { buildOpenApiDocument } from '../../../src/staff-api/openapi';
import { ERROR_STATUS } from '../../../src/staff-api/error-codes';
import { errorResponseSchema } from '../../../src/staff-api/response-schemas';
import { matchPath } from '../../../src/staff-api/route-path';
import { STAFF_API_ROUTES } from '../../../src/staff-api/routes';

const document = buildOpenApiDocument();

/** Throws unless `body` is what the document promises for this answer. */
export function expectDocumented(
  method: string,
  rawPath: string,
  statusCode: number,
  body: unknown,
): void {
  const route = STAFF_API_ROUTES.find(
    (candidate) =>
      candidate.method === method &&
      matchPath(candidate.path, rawPath) !== undefined,
  );
  if (statusCode < 400) {
    if (route === undefined) return; // a preflight: no body to check
    expect(statusCode).toBe(route.response.status);
    route.response.schema.parse(body);

    return;
  }
  const { error } = errorResponseSchema.parse(body);
  expect(ERROR_STATUS[error.code]).toBe(statusCode);
  if (route !== undefined) {
    const operation = document.paths[route.path]?.[route.method.toLowerCase()];
    expect(Object.keys(operation?.responses ?? {})).toContain(
      String(statusCode),
    );
  }
}
