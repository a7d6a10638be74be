import * as z from 'zod/mini';
import '../validation/english-messages';
import { parseOpeningHours, type OpeningHours } from './opening-hours';

/**
 * The settings every function reads from its environment, parsed once at
 * start. A missing or malformed variable fails the cold start with the
 * variable's name, rather than a call failing half-way.
 */

const e164 = z
  .string()
  .check(
    z.regex(
      /^\+[1-9]\d{1,14}$/,
      'must be a phone number in E.164, like +15550100',
    ),
  );

const optionalText = z.pipe(
  z.optional(z.string()),
  z.transform((value) => (value === '' ? undefined : value)),
);

const openingHours = z.pipe(
  z._default(z.string(), 'mon-sun 11:00-22:00'),
  // zod/mini's transform has no addIssue: the issue goes on the payload.
  z.transform((text: string, payload) => {
    try {
      return parseOpeningHours(text);
    } catch (error) {
      payload.issues.push({
        code: 'custom',
        message: String(error),
        input: text,
      });
      return z.NEVER;
    }
  }),
);

const environmentSchema = z.object({
  TABLE_NAME: z.string().check(z.minLength(3)),
  RESTAURANT_NAME: z.string().check(z.minLength(1)),
  RESTAURANT_ADDRESS: optionalText,
  TIME_ZONE: z
    .string()
    .check(z.refine(isTimeZone, 'must be an IANA time zone')),
  OPENING_HOURS: openingHours,
  TAX_RATE_PERCENT: z._default(
    z.coerce.number().check(z.minimum(0), z.maximum(50)),
    8.875,
  ),
  CURRENCY: z._default(z.string().check(z.length(3)), 'USD'),
  STAFF_PHONE_NUMBER: z.pipe(optionalText, z.optional(e164)),
  PREP_BASE_MINUTES: z._default(
    z.coerce.number().check(z.int(), z.minimum(1)),
    15,
  ),
  PREP_MINUTES_PER_OPEN_ORDER: z._default(
    z.coerce.number().check(z.minimum(0)),
    4,
  ),
  BOT_ALIAS_ARN: optionalText,
  BOT_LOCALE_ID: z._default(z.string(), 'en_US'),
  VOICE_ID: z._default(z.string(), 'Joanna'),
  VOICE_ENGINE: z._default(z.enum(['standard', 'neural']), 'neural'),
  DYNAMODB_ENDPOINT: optionalText,
  AWS_REGION: z._default(z.string(), 'us-east-1'),
});

export interface Config {
  tableName: string;
  restaurant: {
    name: string;
    address?: string;
    timeZone: string;
    openingHours: OpeningHours;
    staffPhoneNumber?: string;
  };
  pricing: { taxRatePercent: number; currency: string };
  kitchen: { prepBaseMinutes: number; prepMinutesPerOpenOrder: number };
  bot?: { aliasArn: string; localeId: string };
  voice: { voiceId: string; engine: 'standard' | 'neural' };
  aws: { region: string; dynamodbEndpoint?: string };
}

/** Thrown when the environment does not hold a valid configuration. */
export class InvalidConfiguration extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid configuration: ${problems.join('; ')}`);
    this.name = 'InvalidConfiguration';
  }
}

/** Reads and checks the configuration from environment variables. */
export function loadConfig(
  environment: Record<string, string | undefined> = process.env,
): Config {
  const result = environmentSchema.safeParse(environment);
  if (!result.success) {
    throw new InvalidConfiguration(
      result.error.issues.map(
        (issue) => `${issue.path.join('.')} ${issue.message}`,
      ),
    );
  }
  const env = result.data;

  return {
    tableName: env.TABLE_NAME,
    restaurant: {
      name: env.RESTAURANT_NAME,
      address: env.RESTAURANT_ADDRESS,
      timeZone: env.TIME_ZONE,
      openingHours: env.OPENING_HOURS,
      staffPhoneNumber: env.STAFF_PHONE_NUMBER,
    },
    pricing: {
      taxRatePercent: env.TAX_RATE_PERCENT,
      currency: env.CURRENCY,
    },
    kitchen: {
      prepBaseMinutes: env.PREP_BASE_MINUTES,
      prepMinutesPerOpenOrder: env.PREP_MINUTES_PER_OPEN_ORDER,
    },
    bot:
      env.BOT_ALIAS_ARN === undefined
        ? undefined
        : { aliasArn: env.BOT_ALIAS_ARN, localeId: env.BOT_LOCALE_ID },
    voice: { voiceId: env.VOICE_ID, engine: env.VOICE_ENGINE },
    aws: { region: env.AWS_REGION, dynamodbEndpoint: env.DYNAMODB_ENDPOINT },
  };
}

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
