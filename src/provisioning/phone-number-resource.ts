/**
 * The `Custom::PhoneNumber` resource: its properties as serverless.yml sets
 * them, and the physical id that records what was provisioned, so that a
 * later Delete knows what to release without any other state.
 */
import * as z from 'zod/mini';
import '../validation/english-messages';

/** Empty text means "not set": stage parameters default to ''. */
const optionalText = z.pipe(
  z.optional(z.string()),
  z.transform((value) => (value === '' ? undefined : value)),
);

/** Text matching `pattern`, with `message` when it does not. */
function textMatching(pattern: RegExp, message?: string) {
  return z.string().check(z.regex(pattern, message));
}

const propertiesSchema = z.object({
  SipMediaApplicationId: z.string().check(z.minLength(1)),
  AwsRegion: z.string().check(z.minLength(1)),
  // Chime's own limit on SIP rule names.
  RuleName: textMatching(/^[a-zA-Z0-9 _.-]{1,256}$/),
  Country: textMatching(/^[A-Z]{2}$/, 'must be an ISO country code'),
  AreaCode: z.pipe(
    optionalText,
    z.optional(textMatching(/^\d{2,5}$/, 'must be digits')),
  ),
  ExistingPhoneNumber: z.pipe(
    optionalText,
    z.optional(
      textMatching(/^\+[1-9]\d{1,14}$/, 'must be in E.164, like +12065550100'),
    ),
  ),
});

/** What the resource is asked for. */
export type PhoneNumberProperties = z.infer<typeof propertiesSchema>;

/** The resource's properties are missing or malformed. */
export class InvalidPhoneNumberProperties extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid Custom::PhoneNumber properties: ${problems.join('; ')}`);
    this.name = 'InvalidPhoneNumberProperties';
  }
}

/** Reads the properties, or throws {@link InvalidPhoneNumberProperties}. */
export function parsePhoneNumberProperties(
  properties: Record<string, unknown>,
): PhoneNumberProperties {
  const result = propertiesSchema.safeParse(properties);
  if (!result.success) {
    throw new InvalidPhoneNumberProperties(
      result.error.issues.map(
        (issue) => `${issue.path.join('.')} ${issue.message}`,
      ),
    );
  }

  return result.data;
}

/**
 * True when moving from `before` to `after` needs another phone number
 * (and so a replacement), not just a change to the SIP rule.
 */
export function needsAnotherNumber(
  before: PhoneNumberProperties,
  after: PhoneNumberProperties,
): boolean {
  return (
    before.ExistingPhoneNumber !== after.ExistingPhoneNumber ||
    (after.ExistingPhoneNumber === undefined &&
      (before.AreaCode !== after.AreaCode || before.Country !== after.Country))
  );
}

/**
 * What a physical id records. `ordered` numbers were bought by this
 * resource and are released with it; `supplied` ones belong to the owner.
 * A failed Create may record only an `orderId` still being processed.
 */
export interface Provisioned {
  phoneNumber?: string;
  sipRuleId?: string;
  orderId?: string;
  source?: 'ordered' | 'supplied';
}

const FIELDS = {
  phoneNumber: 'number',
  sipRuleId: 'rule',
  orderId: 'order',
  source: 'source',
} as const;

/**
 * `number=+12065550100;rule=...;source=ordered`: readable in the console,
 * and enough for Delete. `request` keeps a Create that provisioned nothing
 * unique, as CloudFormation requires.
 */
export function physicalResourceId(
  provisioned: Provisioned,
  requestId: string,
): string {
  const parts = Object.entries(FIELDS).flatMap(([field, key]) => {
    const value = provisioned[field as keyof Provisioned];

    return value === undefined ? [] : [`${key}=${value}`];
  });

  return parts.length > 0 ? parts.join(';') : `request=${requestId}`;
}

/** Reads a physical id back; an id it did not write records nothing. */
export function parsePhysicalResourceId(id: string): Provisioned {
  const values = new Map(
    id.split(';').map((part) => {
      const [key = '', ...rest] = part.split('=');

      return [key, rest.join('=')] as const;
    }),
  );
  const source = values.get(FIELDS.source);

  return {
    phoneNumber: values.get(FIELDS.phoneNumber),
    sipRuleId: values.get(FIELDS.sipRuleId),
    orderId: values.get(FIELDS.orderId),
    source: source === 'ordered' || source === 'supplied' ? source : undefined,
  };
}
