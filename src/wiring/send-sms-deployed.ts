/**
 * The send-sms handler as both of its entry points build it at cold
 * start, each with the AWS SMS driver it carries.
 */
import { loadConfig } from '../config/config';
import {
  loadDeliverySettings,
  loadSmsSettings,
} from '../config/notification-settings';
import { logger, powertoolsLog } from './observability';
import type { OrderEventConsumer } from './order-event-consumer';
import {
  smsConsumer,
  smsDependencies,
  smsSender,
  type SmsDriverWiring,
} from './send-sms';
import { documentClient } from './sma';

/**
 * Reads and checks the configuration from the environment, and answers
 * order events with texts through the driver SMS_DRIVER names, which must
 * be `carried` (or the local outbox).
 */
export function deployedSmsConsumer(
  carried: SmsDriverWiring,
): OrderEventConsumer {
  const config = loadConfig();
  const sender = smsSender(loadSmsSettings(), carried);
  const resources = {
    client: documentClient(config),
    tableName: config.tableName,
    log: powertoolsLog(logger),
  };

  return smsConsumer(
    smsDependencies(
      config,
      { delivery: loadDeliverySettings() },
      resources,
      sender,
    ),
  );
}
