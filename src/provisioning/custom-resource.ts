/**
 * The CloudFormation custom resource protocol: the request CloudFormation
 * sends to the function, and the answer it waits for at the ResponseURL.
 * Nothing here knows about phone numbers.
 */
import * as z from 'zod/mini';
import '../validation/english-messages';

const properties = z.record(z.string(), z.unknown());

const nonEmptyText = z.string().check(z.minLength(1));

const requestSchema = z.object({
  RequestType: z.enum(['Create', 'Update', 'Delete']),
  ResponseURL: z.url(),
  StackId: nonEmptyText,
  RequestId: nonEmptyText,
  LogicalResourceId: nonEmptyText,
  ResourceType: nonEmptyText,
  ServiceToken: z.optional(z.string()),
  PhysicalResourceId: z.optional(nonEmptyText),
  ResourceProperties: properties,
  OldResourceProperties: z.optional(properties),
});

/**
 * A request from CloudFormation. `PhysicalResourceId` is absent on Create;
 * `OldResourceProperties` is present on Update only.
 */
export type CustomResourceRequest = z.infer<typeof requestSchema>;

/** The event could not be read as a CloudFormation request. */
export class NotACustomResourceRequest extends Error {
  constructor(readonly problems: string[]) {
    super(
      `not a CloudFormation custom resource request: ${problems.join('; ')}`,
    );
    this.name = 'NotACustomResourceRequest';
  }
}

/** Reads a CloudFormation request, or throws {@link NotACustomResourceRequest}. */
export function parseCustomResourceRequest(
  event: unknown,
): CustomResourceRequest {
  const result = requestSchema.safeParse(event);
  if (!result.success) {
    throw new NotACustomResourceRequest(
      result.error.issues.map(
        (issue) => `${issue.path.join('.')} ${issue.message}`,
      ),
    );
  }

  return result.data;
}

/** How a request ended, before it is addressed to CloudFormation. */
export type CustomResourceOutcome =
  | { status: 'SUCCESS'; physicalResourceId: string; data: Data }
  | { status: 'FAILED'; physicalResourceId: string; reason: string };

type Data = Record<string, string>;

/** The body CloudFormation expects at the ResponseURL. */
export interface CustomResourceResponse {
  Status: 'SUCCESS' | 'FAILED';
  Reason?: string;
  PhysicalResourceId: string;
  StackId: string;
  RequestId: string;
  LogicalResourceId: string;
  Data?: Data;
}

/**
 * The whole response body is limited to 4 KB; a long SDK message must not
 * push the answer over it and leave the stack waiting.
 */
export const MAX_REASON_LENGTH = 1000;

/** Addresses an outcome to the request it answers. */
export function responseTo(
  request: CustomResourceRequest,
  outcome: CustomResourceOutcome,
): CustomResourceResponse {
  const addressed = {
    PhysicalResourceId: outcome.physicalResourceId,
    StackId: request.StackId,
    RequestId: request.RequestId,
    LogicalResourceId: request.LogicalResourceId,
  };
  if (outcome.status === 'SUCCESS') {
    return { Status: 'SUCCESS', ...addressed, Data: outcome.data };
  }

  return {
    Status: 'FAILED',
    Reason: outcome.reason.slice(0, MAX_REASON_LENGTH),
    ...addressed,
  };
}

/** Delivers a response to CloudFormation (an HTTPS PUT to the ResponseURL). */
export type ResponseSender = (
  responseUrl: string,
  response: CustomResourceResponse,
) => Promise<void>;
