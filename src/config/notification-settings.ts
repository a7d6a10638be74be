/**
 * The settings of the event publisher and the notification consumers,
 * each read once at cold start and checked, like src/config/config.ts;
 * a function reads only the group it uses, so the stream function never
 * fails for a missing email address.
 */
import * as z from 'zod/mini';
import '../validation/english-messages';
import { InvalidConfiguration } from './config';

const optionalText = z.pipe(
  z.optional(z.string()),
  z.transform((value) => (value === '' ? undefined : value)),
);

const region = z._default(z.string(), 'us-east-1');

/** Where the `outbox` driver writes when SMS_OUTBOX_PATH is not set. */
export const DEFAULT_SMS_OUTBOX_PATH = '.local-data/sms-outbox.jsonl';

/** The SMS drivers SMS_DRIVER selects. */
export const SMS_DRIVERS = [
  'end-user-messaging',
  'pinpoint',
  'outbox',
] as const;

/** One of {@link SMS_DRIVERS}. */
export type SmsDriver = (typeof SMS_DRIVERS)[number];

/** Where order events are published. */
export interface EventSettings {
  /** The events' `source`: the service's name. */
  source: string;
  eventBusName: string;
  region: string;
}

/** How texts are sent. */
export interface SmsSettings {
  driver: SmsDriver;
  /** A phone number, sender id, pool or their ARN; optional on AWS. */
  originationIdentity?: string;
  configurationSetName?: string;
  /** Required by the `pinpoint` driver. */
  pinpointApplicationId?: string;
  /** Where the `outbox` driver appends texts. */
  outboxPath: string;
  region: string;
}

/** How emails are sent. */
export interface EmailSettings {
  fromAddress: string;
  configurationSetName?: string;
  /** An SES API other than AWS's (aws-ses-v2-local in the local stack). */
  endpoint?: string;
  region: string;
}

/** How long a consumer remembers what it sent. */
export interface DeliverySettings {
  /** Lifetime of an idempotency record, in days. */
  recordTtlDays: number;
  /** How long a send in progress holds its record against a duplicate. */
  lockSeconds: number;
}

const eventSchema = z.object({
  SERVICE_NAME: z.string().check(z.minLength(1)),
  EVENT_BUS_NAME: z.string().check(z.minLength(1)),
  AWS_REGION: region,
});

const smsSchema = z
  .object({
    SMS_DRIVER: z._default(z.enum(SMS_DRIVERS), 'end-user-messaging'),
    SMS_ORIGINATION_IDENTITY: optionalText,
    SMS_CONFIGURATION_SET: optionalText,
    PINPOINT_APPLICATION_ID: optionalText,
    SMS_OUTBOX_PATH: z._default(z.string(), DEFAULT_SMS_OUTBOX_PATH),
    AWS_REGION: region,
  })
  .check(
    z.refine(
      (env) =>
        env.SMS_DRIVER !== 'pinpoint' ||
        env.PINPOINT_APPLICATION_ID !== undefined,
      {
        path: ['PINPOINT_APPLICATION_ID'],
        error: 'is required when SMS_DRIVER is pinpoint',
      },
    ),
  );

const emailSchema = z.object({
  EMAIL_FROM_ADDRESS: z.email(),
  EMAIL_CONFIGURATION_SET: optionalText,
  SES_ENDPOINT: z.pipe(optionalText, z.optional(z.url())),
  AWS_REGION: region,
});

const wholeNumberFromOne = z.coerce.number().check(z.int(), z.minimum(1));

const deliverySchema = z.object({
  NOTIFICATION_RECORD_TTL_DAYS: z._default(wholeNumberFromOne, 3),
  NOTIFICATION_LOCK_SECONDS: z._default(wholeNumberFromOne, 30),
});

type Environment = Record<string, string | undefined>;

function parse<Schema extends z.ZodMiniType>(
  schema: Schema,
  environment: Environment,
): z.infer<Schema> {
  const result = schema.safeParse(environment);
  if (!result.success) {
    throw new InvalidConfiguration(
      result.error.issues.map(
        (issue) => `${issue.path.join('.')} ${issue.message}`,
      ),
    );
  }

  return result.data;
}

/** Reads SERVICE_NAME, EVENT_BUS_NAME and AWS_REGION. */
export function loadEventSettings(
  environment: Environment = process.env,
): EventSettings {
  const env = parse(eventSchema, environment);

  return {
    source: env.SERVICE_NAME,
    eventBusName: env.EVENT_BUS_NAME,
    region: env.AWS_REGION,
  };
}

/**
 * Reads SMS_DRIVER, SMS_ORIGINATION_IDENTITY, SMS_CONFIGURATION_SET,
 * PINPOINT_APPLICATION_ID, SMS_OUTBOX_PATH and AWS_REGION.
 */
export function loadSmsSettings(
  environment: Environment = process.env,
): SmsSettings {
  const env = parse(smsSchema, environment);

  return {
    driver: env.SMS_DRIVER,
    originationIdentity: env.SMS_ORIGINATION_IDENTITY,
    configurationSetName: env.SMS_CONFIGURATION_SET,
    pinpointApplicationId: env.PINPOINT_APPLICATION_ID,
    outboxPath: env.SMS_OUTBOX_PATH,
    region: env.AWS_REGION,
  };
}

/**
 * Reads EMAIL_FROM_ADDRESS, EMAIL_CONFIGURATION_SET, SES_ENDPOINT and
 * AWS_REGION.
 */
export function loadEmailSettings(
  environment: Environment = process.env,
): EmailSettings {
  const env = parse(emailSchema, environment);

  return {
    fromAddress: env.EMAIL_FROM_ADDRESS,
    configurationSetName: env.EMAIL_CONFIGURATION_SET,
    endpoint: env.SES_ENDPOINT,
    region: env.AWS_REGION,
  };
}

/** Reads NOTIFICATION_RECORD_TTL_DAYS and NOTIFICATION_LOCK_SECONDS. */
export function loadDeliverySettings(
  environment: Environment = process.env,
): DeliverySettings {
  const env = parse(deliverySchema, environment);

  return {
    recordTtlDays: env.NOTIFICATION_RECORD_TTL_DAYS,
    lockSeconds: env.NOTIFICATION_LOCK_SECONDS,
  };
}
