/**
 * Create and Update of the `Custom::PhoneNumber` resource: get a number
 * (the owner's, or a new one ordered from Chime), then route it to the SIP
 * media application with a SIP rule.
 */
import type { CustomResourceRequest } from './custom-resource';
import { awaitOrder } from './await-order';
import {
  needsAnotherNumber,
  parsePhoneNumberProperties,
  parsePhysicalResourceId,
  physicalResourceId,
  type PhoneNumberProperties,
  type Provisioned,
} from './phone-number-resource';
import type {
  AwaitingOrder,
  ProvisioningDependencies,
  SipRuleSettings,
} from './ports';

/** Finished with a physical id and the resource's attributes, or handed over. */
export type ProvisionResult =
  | { kind: 'done'; physicalResourceId: string; data: Record<string, string> }
  | { kind: 'continued'; orderId: string };

/** Chime has no local number for sale where the owner asked for one. */
export class NoPhoneNumberAvailable extends Error {
  constructor(
    readonly country: string,
    readonly areaCode: string | undefined,
  ) {
    super(
      `no local phone number for sale in ${country}` +
        (areaCode === undefined ? '' : ` with area code ${areaCode}`) +
        '; set another phoneAreaCode, or none',
    );
    this.name = 'NoPhoneNumberAvailable';
  }
}

/** The last digits only: logs never carry a whole phone number. */
export function numberEnding(phoneNumber: string): string {
  return phoneNumber.slice(-4);
}

/**
 * The rule name carries the number, so the rule of a replacement number
 * never collides with the rule it replaces while both exist.
 */
function ruleSettings(
  properties: PhoneNumberProperties,
  phoneNumber: string,
): SipRuleSettings {
  return {
    name: `${properties.RuleName}-${phoneNumber.slice(1)}`,
    target: {
      sipMediaApplicationId: properties.SipMediaApplicationId,
      awsRegion: properties.AwsRegion,
    },
  };
}

function done(
  requestId: string,
  provisioned: Provisioned & { phoneNumber: string; sipRuleId: string },
): ProvisionResult {
  return {
    kind: 'done',
    physicalResourceId: physicalResourceId(provisioned, requestId),
    data: {
      PhoneNumber: provisioned.phoneNumber,
      SipRuleId: provisioned.sipRuleId,
    },
  };
}

/**
 * Provisions a number and its rule for a Create, or for an Update that
 * needs another number (a new physical id: CloudFormation then deletes the
 * old one).
 */
export async function provisionPhoneNumber(
  request: CustomResourceRequest,
  properties: PhoneNumberProperties,
  dependencies: ProvisioningDependencies,
  remainingTimeMs: () => number,
): Promise<ProvisionResult> {
  const { inventory, clock, log } = dependencies;
  const existing = properties.ExistingPhoneNumber;
  if (existing !== undefined) {
    const settings = ruleSettings(properties, existing);
    const sipRuleId = await inventory.createSipRule(existing, settings);
    log.info('sip rule created', { sipRuleId, source: 'supplied' });

    return done(request.RequestId, {
      phoneNumber: existing,
      sipRuleId,
      source: 'supplied',
    });
  }

  const phoneNumber = await findNumber(properties, dependencies);
  const order = await inventory.orderNumber(phoneNumber);
  log.info('phone number ordered', {
    orderId: order.orderId,
    numberEnding: numberEnding(phoneNumber),
  });
  const awaiting = {
    orderId: order.orderId,
    phoneNumber,
    since: new Date(clock.now()).toISOString(),
  };

  return finishOrder(request, awaiting, dependencies, remainingTimeMs);
}

async function findNumber(
  properties: PhoneNumberProperties,
  { inventory }: ProvisioningDependencies,
): Promise<string> {
  const search = { country: properties.Country, areaCode: properties.AreaCode };
  const phoneNumber = await inventory.findAvailableNumber(search);
  if (phoneNumber === undefined) {
    throw new NoPhoneNumberAvailable(search.country, search.areaCode);
  }

  return phoneNumber;
}

/**
 * Waits for the order; once the number is acquired, routes it. When this
 * invocation runs out of time first, the same request goes on in a new
 * invocation, which calls this again.
 */
export async function finishOrder(
  request: CustomResourceRequest,
  awaiting: AwaitingOrder,
  dependencies: ProvisioningDependencies,
  remainingTimeMs: () => number,
): Promise<ProvisionResult> {
  const { inventory, log } = dependencies;
  const state = await awaitOrder(awaiting, dependencies, remainingTimeMs);
  if (state === 'pending') {
    await dependencies.continueLater({ ...request, AwaitingOrder: awaiting });
    log.info('still waiting in a new invocation', {
      orderId: awaiting.orderId,
    });

    return { kind: 'continued', orderId: awaiting.orderId };
  }

  const properties = parsePhoneNumberProperties(request.ResourceProperties);
  const { phoneNumber } = awaiting;
  const settings = ruleSettings(properties, phoneNumber);
  const sipRuleId = await createRuleOrRelease(phoneNumber, settings, {
    inventory,
    log,
  });
  log.info('sip rule created', { sipRuleId, source: 'ordered' });

  return done(request.RequestId, { phoneNumber, sipRuleId, source: 'ordered' });
}

/** A number nobody can call is not kept: it is released before failing. */
async function createRuleOrRelease(
  phoneNumber: string,
  settings: SipRuleSettings,
  { inventory, log }: Pick<ProvisioningDependencies, 'inventory' | 'log'>,
): Promise<string> {
  try {
    return await inventory.createSipRule(phoneNumber, settings);
  } catch (error) {
    log.warn('releasing the number the sip rule could not use', {
      numberEnding: numberEnding(phoneNumber),
    });
    await inventory
      .releaseNumber(phoneNumber)
      .catch((releaseError: unknown) => {
        log.error('number not released', { error: releaseError });
      });
    throw error;
  }
}

/**
 * An Update: another number when the number settings changed, otherwise
 * the same rule renamed or pointed at the (possibly new) SIP media
 * application, keeping the physical id.
 */
export async function updatePhoneNumber(
  request: CustomResourceRequest,
  properties: PhoneNumberProperties,
  dependencies: ProvisioningDependencies,
  remainingTimeMs: () => number,
): Promise<ProvisionResult> {
  const before = parsePhoneNumberProperties(
    request.OldResourceProperties ?? {},
  );
  const current = parsePhysicalResourceId(request.PhysicalResourceId ?? '');
  const { phoneNumber, sipRuleId } = current;
  if (
    needsAnotherNumber(before, properties) ||
    phoneNumber === undefined ||
    sipRuleId === undefined
  ) {
    return provisionPhoneNumber(
      request,
      properties,
      dependencies,
      remainingTimeMs,
    );
  }

  const settings = ruleSettings(properties, phoneNumber);
  await dependencies.inventory.updateSipRule(sipRuleId, {
    ...settings,
    disabled: false,
  });
  dependencies.log.info('sip rule updated', { sipRuleId });

  return {
    kind: 'done',
    physicalResourceId: request.PhysicalResourceId ?? '',
    data: { PhoneNumber: phoneNumber, SipRuleId: sipRuleId },
  };
}
