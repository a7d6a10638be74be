import { ChimeSDKVoiceClient } from '@aws-sdk/client-chime-sdk-voice';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { ChimePhoneNumberInventory } from '../provisioning/chime-phone-number-inventory';
import { httpsResponseSender } from '../provisioning/https-response-sender';
import { lambdaContinuation } from '../provisioning/lambda-continuation';
import type {
  Clock,
  OrderTiming,
  ProvisioningDependencies,
  ProvisioningLog,
} from '../provisioning/ports';
import { logger } from './observability';

/**
 * How the phone number function waits for an order. The function's
 * timeout (serverless.yml) is 5 minutes; the custom resource's
 * ServiceTimeout, 60: the wait limit stays well inside it, so the
 * function, not CloudFormation, reports an order that never completes.
 */
export const ORDER_TIMING: OrderTiming = {
  pollIntervalMs: 10_000,
  reserveMs: 30_000,
  maxOrderWaitMs: 45 * 60_000,
};

const wallClock: Clock = {
  now: () => Date.now(),
  sleep: (milliseconds) =>
    new Promise((resolve) => setTimeout(resolve, milliseconds)),
};

const provisioningLog: ProvisioningLog = {
  info: (message, fields) => {
    logger.info(message, fields ?? {});
  },
  warn: (message, fields) => {
    logger.warn(message, fields ?? {});
  },
  error: (message, fields) => {
    logger.error(message, fields ?? {});
  },
};

/** The clients, built once per container; they connect lazily. */
const chime = new ChimeSDKVoiceClient({});
const lambda = new LambdaClient({});

/**
 * The phone number use case wired to Chime, Lambda and the ResponseURL.
 * `functionName` is the running function's own name, which a long order
 * wait invokes again.
 */
export function provisioningDependencies(
  functionName: string,
): ProvisioningDependencies {
  return {
    inventory: new ChimePhoneNumberInventory(chime),
    sendResponse: httpsResponseSender(),
    continueLater: lambdaContinuation(lambda, functionName),
    clock: wallClock,
    log: provisioningLog,
    timing: ORDER_TIMING,
  };
}
