import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { loadStaffApiConfig } from '../src/config/staff-api-config';
import {
  createStaffApi,
  type StaffApiEvent,
  type StaffApiResult,
} from '../src/staff-api/router';
import { logger } from '../src/wiring/observability';
import { staffApiOptions } from '../src/wiring/staff-api';

const staffApi = createStaffApi(staffApiOptions(loadStaffApiConfig()));

/**
 * The staff API behind API Gateway's HTTP API and its JWT authorizer. The
 * router answers every request itself, errors included, so nothing thrown
 * reaches Lambda (which would turn it into a bare 500).
 */
async function answerStaff(event: StaffApiEvent): Promise<StaffApiResult> {
  return staffApi(event);
}

export const handler = middy(answerStaff).use(
  injectLambdaContext(logger, { resetKeys: true }),
);
