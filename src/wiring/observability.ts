import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
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
