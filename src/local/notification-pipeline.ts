/**
 * The deployed notification path, on one machine: DynamoDB Local's stream
 * ──(stream-poller)──> the order-events handler ──> the local bus, which
 * routes with serverless.yml's patterns ──> the send-sms handler (texts
 * into the outbox file) and the send-email handler (the SES API of
 * aws-ses-v2-local). Same handlers, same idempotency records, same
 * table; only the adapters at the edges differ.
 */
import { dirname, join, relative } from 'node:path';
import { loadConfig } from '../config/config';
import {
  loadDeliverySettings,
  loadEmailSettings,
  loadEventSettings,
  loadSmsSettings,
} from '../config/notification-settings';
import type { Log, SmsSender } from '../notifications/ports';
import { powertoolsLog } from '../wiring/observability';
import { logger } from '../wiring/observability';
import { orderEventsHandler } from '../wiring/order-events';
import {
  emailConsumer,
  emailDependencies,
  emailSender,
  sesClient,
} from '../wiring/send-email';
import { smsConsumer, smsDependencies, smsSender } from '../wiring/send-sms';
import { DeadLetterBox } from './dead-letters';
import { createDocumentClient } from './document-client';
import { type BusConsumer, LocalEventBus } from './event-bus';
import { readEventRules } from './event-rules';
import { loadServerlessConfig } from './serverless-config';
import { type LocalEmail, type LocalSes, startLocalSes } from './ses-local';
import { startStreamPoller } from './stream-poller';

/** What the pipeline runs against, and how. */
export interface NotificationPipelineOptions {
  tableName: string;
  /** DynamoDB Local, e.g. `http://127.0.0.1:8000`. */
  dynamodbEndpoint: string;
  /** Port of the local SES and its mailbox page; 0 picks a free one. */
  sesPort: number;
  /** The SMS outbox file, e.g. `.local-data/sms-outbox.jsonl`. */
  outboxPath: string;
  /** Default: `dead-letters.jsonl` beside the outbox. */
  deadLetterPath?: string;
  /**
   * The functions' settings (RESTAURANT_NAME, TIME_ZONE, SERVICE_NAME,
   * EMAIL_FROM_ADDRESS, ...). Default: `process.env`, which `npm start`
   * fills from serverless.yml before starting anything.
   */
  environment?: Record<string, string | undefined>;
  /** The stage serverless.yml's patterns are resolved for. Default dev. */
  stage?: string;
  /** Replaces the outbox driver (tests: a provider that fails). */
  smsSender?: SmsSender;
  /** Hands every stream batch and every event over twice. */
  deliverTwice?: boolean;
  pollIntervalMs?: number;
  /** Attempts per delivery and the first retry's delay, bus and stream. */
  retry?: { maxAttempts?: number; delayMs?: number };
  log?: Log;
  /** Where the start-up line goes. Default: standard output. */
  print?: (text: string) => void;
}

/** A running pipeline. */
export interface NotificationPipeline {
  /** The local SES's mailbox page. */
  mailboxUrl: string;
  /** What the local SES received so far. */
  mailbox(): Promise<LocalEmail[]>;
  /** What failed after its retries. */
  deadLetters: DeadLetterBox;
  /** Resolves once every change written so far was notified about. */
  settle(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts the local SES, the bus and the stream poller, and prints where
 * texts and emails can be seen. Stop it with `stop()`.
 */
export async function startNotificationPipeline(
  options: NotificationPipelineOptions,
): Promise<NotificationPipeline> {
  const ses = await startLocalSes(options.sesPort);
  try {
    return await startOnSes(options, ses);
  } catch (error) {
    await ses.stop();
    throw error;
  }
}

async function startOnSes(
  options: NotificationPipelineOptions,
  ses: LocalSes,
): Promise<NotificationPipeline> {
  const environment = pipelineEnvironment(options, ses.endpoint);
  const log = options.log ?? powertoolsLog(logger);
  const deadLetters = new DeadLetterBox(
    options.deadLetterPath ??
      join(dirname(options.outboxPath), 'dead-letters.jsonl'),
  );
  const consumers = localConsumers(options, environment, log);
  const bus = new LocalEventBus({
    rules: readEventRules({ stage: options.stage ?? 'dev' }),
    consumers: consumers.handlers,
    deadLetters,
    log,
    source: loadEventSettings(environment).source,
    maxAttempts: options.retry?.maxAttempts,
    retryDelayMs: options.retry?.delayMs,
    deliverTwice: options.deliverTwice,
  });
  const poller = await startStreamPoller({
    endpoint: options.dynamodbEndpoint,
    tableName: options.tableName,
    handler: orderEventsHandler({ publisher: bus, log }),
    deadLetters,
    log,
    pollIntervalMs: options.pollIntervalMs,
    maxAttempts: options.retry?.maxAttempts,
    retryDelayMs: options.retry?.delayMs,
    deliverTwice: options.deliverTwice,
  }).catch((error: unknown) => {
    consumers.close();
    throw error;
  });
  const print = options.print ?? ((text) => process.stdout.write(text));
  print(
    `Notifications: texts in ${relative(process.cwd(), options.outboxPath)} ` +
      `(npm run sms-outbox), emails at ${ses.mailboxUrl}\n`,
  );

  return {
    mailboxUrl: ses.mailboxUrl,
    mailbox: () => ses.mailbox(),
    deadLetters,
    settle: async () => {
      // Sending writes to the table too; those changes yield no event,
      // so the loop ends once a round finds nothing new for the bus.
      for (;;) {
        await poller.caughtUp();
        if (bus.pending === 0) return;
        await bus.idle();
      }
    },
    stop: async () => {
      await poller.stop();
      await bus.idle();
      consumers.close();
      await ses.stop();
    },
  };
}

/**
 * The functions' settings pointed at the local stack. Settings a
 * deployment must give (a sender address) get local stand-ins when the
 * environment lacks them.
 */
function pipelineEnvironment(
  options: NotificationPipelineOptions,
  sesEndpoint: string,
): Record<string, string | undefined> {
  const service = (loadServerlessConfig() as { service?: string }).service;

  return {
    SERVICE_NAME: service,
    EVENT_BUS_NAME: 'local',
    EMAIL_FROM_ADDRESS: 'orders@example.com',
    ...(options.environment ?? process.env),
    TABLE_NAME: options.tableName,
    DYNAMODB_ENDPOINT: options.dynamodbEndpoint,
    SMS_DRIVER: 'outbox',
    SMS_OUTBOX_PATH: options.outboxPath,
    SES_ENDPOINT: sesEndpoint,
  };
}

/** The consumer functions by their key in serverless.yml. */
function localConsumers(
  options: NotificationPipelineOptions,
  environment: Record<string, string | undefined>,
  log: Log,
): { handlers: Record<string, BusConsumer>; close: () => void } {
  const config = loadConfig(environment);
  const delivery = loadDeliverySettings(environment);
  const email = loadEmailSettings(environment);
  const client = createDocumentClient({ endpoint: options.dynamodbEndpoint });
  const ses = sesClient(email);
  const resources = { client, tableName: options.tableName, log };
  // The outbox: the pipeline carries no AWS SMS driver.
  const sender = options.smsSender ?? smsSender(loadSmsSettings(environment));

  return {
    handlers: {
      sendSms: smsConsumer(
        smsDependencies(config, { delivery }, resources, sender),
      ),
      sendEmail: emailConsumer(
        emailDependencies(
          config,
          { email, delivery },
          resources,
          emailSender(email, ses),
        ),
      ),
    },
    close: () => {
      client.destroy();
      ses.destroy();
    },
  };
}
