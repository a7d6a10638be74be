import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { MiddlewareObj } from '@middy/core';
import type { CallLog, CallMetric, CallMetrics } from '../call-flow/types';

/**
 * One logger and one metrics buffer per function, shared by its use cases.
 * Service name, namespace and level come from the POWERTOOLS_* variables.
 */
export const logger = new Logger();
export const metrics = new Metrics();

/** The call flow's metrics port on Powertools (CloudWatch EMF). */
export const callMetrics: CallMetrics = {
  count(metric: CallMetric) {
    metrics.addMetric(metric, MetricUnit.Count, 1);
  },
};

/**
 * The log port every use case takes (a fixed message and fields) on a
 * Powertools logger.
 */
export function powertoolsLog(target: Logger): CallLog {
  return {
    info: (message, fields) => {
      target.info(message, fields ?? {});
    },
    warn: (message, fields) => {
      target.warn(message, fields ?? {});
    },
    error: (message, fields) => {
      target.error(message, fields ?? {});
    },
  };
}

/** The call flow's log port on the function's logger. */
export const callLog: CallLog = powertoolsLog(logger);

/**
 * Flushes the invocation's metrics as one EMF line, and writes nothing when
 * it counted none: Powertools' own middleware warns on every such
 * invocation, and most Chime events (a hang-up, a key press) count none.
 */
export function publishMetrics(): MiddlewareObj {
  const flush = (): void => {
    if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
  };

  return { after: flush, onError: flush };
}
