import * as z from 'zod';
import { parseOpeningHours, type OpeningHours } from './opening-hours';

/**
 * The settings every function reads from its environment, parsed once at
 * start. A missing or malformed variable fails the cold start with the
 * variable's name, rather than a call failing half-way.
 */

const e164 = z
  .string()
  .regex(
    /^\+[1-9]\d{1,14}$/,
    'must be a phone number in E.164, like +15550100',
  );

const optionalText = z
  .string()
  .optional()
  .transform((value) => (value === '' ? undefined : value));

const environmentSchema = z.object({
  TABLE_NAME: z.string().min(3),
  RESTAURANT_NAME: z.string().min(1),
  RESTAURANT_ADDRESS: optionalText,
  TIME_ZONE: z.string().refine(isTimeZone, 'must be an IANA time zone'),
  OPENING_HOURS: z
    .string()
    .default('mon-sun 11:00-22:00')
    .transform((text, context) => {
      try {
        return parseOpeningHours(text);
      } catch (error) {
        context.addIssue({ code: 'custom', message: String(error) });
        return z.NEVER;
      }
    }),
  TAX_RATE_PERCENT: z.coerce.number().min(0).max(50).default(8.875),
  CURRENCY: z.string().length(3).default('USD'),
  STAFF_PHONE_NUMBER: optionalText.pipe(e164.optional()),
  PREP_BASE_MINUTES: z.coerce.number().int().min(1).default(15),
  PREP_MINUTES_PER_OPEN_ORDER: z.coerce.number().min(0).default(4),
  BOT_ALIAS_ARN: optionalText,
  BOT_LOCALE_ID: z.string().default('en_US'),
  VOICE_ID: z.string().default('Joanna'),
  VOICE_ENGINE: z.enum(['standard', 'neural']).default('neural'),
  DYNAMODB_ENDPOINT: optionalText,
  AWS_REGION: z.string().default('us-east-1'),
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
