/**
 * The `Custom::PhoneNumber` use case: one CloudFormation request in, and
 * always one answer out, SUCCESS or FAILED, unless the work goes on in a
 * later invocation, which then answers. A stack never waits for an answer
 * that will not come.
 */
import * as z from 'zod/mini';
import '../validation/english-messages';
import { PhoneNumberOrderTimedOut } from './await-order';
import {
  parseCustomResourceRequest,
  responseTo,
  type CustomResourceOutcome,
  type CustomResourceRequest,
} from './custom-resource';
import {
  parsePhoneNumberProperties,
  physicalResourceId,
} from './phone-number-resource';
import type { AwaitingOrder, ProvisioningDependencies } from './ports';
import {
  finishOrder,
  provisionPhoneNumber,
  updatePhoneNumber,
  type ProvisionResult,
} from './provision-phone-number';
import { releasePhoneNumber } from './release-phone-number';

/** What the invocation itself offers: its remaining time. */
export interface Invocation {
  remainingTimeMs: () => number;
}

const continuedSchema = z.object({
  AwaitingOrder: z.optional(
    z.object({
      orderId: z.string().check(z.minLength(1)),
      phoneNumber: z.string().check(z.minLength(1)),
      since: z.iso.datetime(),
    }),
  ),
});

/**
 * Answers one request. Throws only when the event is not a CloudFormation
 * request (there is nobody to answer) or the answer cannot be delivered.
 */
export async function answerPhoneNumberRequest(
  event: unknown,
  dependencies: ProvisioningDependencies,
  invocation: Invocation,
): Promise<void> {
  const request = parseCustomResourceRequest(event);
  const { AwaitingOrder: awaiting } = continuedSchema.parse(event);
  dependencies.log.info('custom resource request', {
    requestType: request.RequestType,
    logicalResourceId: request.LogicalResourceId,
    continued: awaiting !== undefined,
  });

  const outcome = await settle(request, awaiting, dependencies, invocation);
  if (outcome === 'continued') return;

  await dependencies.sendResponse(
    request.ResponseURL,
    responseTo(request, outcome),
  );
  dependencies.log.info('custom resource answered', {
    status: outcome.status,
  });
}

async function settle(
  request: CustomResourceRequest,
  awaiting: AwaitingOrder | undefined,
  dependencies: ProvisioningDependencies,
  invocation: Invocation,
): Promise<CustomResourceOutcome | 'continued'> {
  try {
    const result = await carryOut(request, awaiting, dependencies, invocation);
    if (result.kind === 'continued') return 'continued';

    return {
      status: 'SUCCESS',
      physicalResourceId: result.physicalResourceId,
      data: result.data,
    };
  } catch (error) {
    dependencies.log.error('custom resource request failed', { error });

    return {
      status: 'FAILED',
      physicalResourceId: failedPhysicalResourceId(request, error),
      reason: error instanceof Error ? error.message : String(error),
    };
  }
}

async function carryOut(
  request: CustomResourceRequest,
  awaiting: AwaitingOrder | undefined,
  dependencies: ProvisioningDependencies,
  { remainingTimeMs }: Invocation,
): Promise<ProvisionResult> {
  if (request.RequestType === 'Delete') {
    const id = request.PhysicalResourceId ?? '';
    await releasePhoneNumber(id, dependencies);

    return { kind: 'done', physicalResourceId: id, data: {} };
  }
  if (awaiting !== undefined) {
    return finishOrder(request, awaiting, dependencies, remainingTimeMs);
  }
  const properties = parsePhoneNumberProperties(request.ResourceProperties);
  const provision =
    request.RequestType === 'Update' ? updatePhoneNumber : provisionPhoneNumber;

  return provision(request, properties, dependencies, remainingTimeMs);
}

/**
 * A failed Update or Delete keeps the resource's id, so CloudFormation
 * neither replaces nor forgets it. A failed Create names what its rollback
 * Delete should release: the order still processing, or nothing.
 */
function failedPhysicalResourceId(
  request: CustomResourceRequest,
  error: unknown,
): string {
  if (request.PhysicalResourceId !== undefined) {
    return request.PhysicalResourceId;
  }
  const provisioned =
    error instanceof PhoneNumberOrderTimedOut
      ? { orderId: error.orderId, source: 'ordered' as const }
      : {};

  return physicalResourceId(provisioned, request.RequestId);
}
