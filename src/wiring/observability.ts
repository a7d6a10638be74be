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

/** The call flow's log port on the Powertools logger. */
export const callLog: CallLog = {
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
