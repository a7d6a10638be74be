/**
 * Delete of the `Custom::PhoneNumber` resource, in the reverse order of
 * Create: disable the SIP rule (Chime deletes only disabled rules), delete
 * it, then release the number if this resource bought it. The owner's own
 * number is never released. Anything already gone counts as deleted, so a
 * repeated or rolled-back Delete still succeeds.
 */
import { parsePhysicalResourceId } from './phone-number-resource';
import type { ProvisioningDependencies } from './ports';
import { numberEnding } from './provision-phone-number';

type Dependencies = Pick<ProvisioningDependencies, 'inventory' | 'log'>;

/** Releases what the physical id records. */
export async function releasePhoneNumber(
  physicalResourceId: string,
  dependencies: Dependencies,
): Promise<void> {
  const provisioned = parsePhysicalResourceId(physicalResourceId);
  if (provisioned.sipRuleId !== undefined) {
    await removeSipRule(provisioned.sipRuleId, dependencies);
  }
  if (provisioned.source !== 'ordered') return;

  if (provisioned.phoneNumber !== undefined) {
    await releaseNumber(provisioned.phoneNumber, dependencies);
  } else if (provisioned.orderId !== undefined) {
    await releaseOrderedNumbers(provisioned.orderId, dependencies);
  }
}

async function removeSipRule(
  sipRuleId: string,
  { inventory, log }: Dependencies,
): Promise<void> {
  const rule = await inventory.getSipRule(sipRuleId);
  if (rule === undefined) {
    log.info('sip rule already deleted', { sipRuleId });
    return;
  }
  if (!rule.disabled) {
    await inventory.updateSipRule(sipRuleId, {
      name: rule.name,
      disabled: true,
    });
  }
  await inventory.deleteSipRule(sipRuleId);
  log.info('sip rule deleted', { sipRuleId });
}

async function releaseNumber(
  phoneNumber: string,
  { inventory, log }: Dependencies,
): Promise<void> {
  await inventory.releaseNumber(phoneNumber);
  log.info('phone number released', {
    numberEnding: numberEnding(phoneNumber),
  });
}

/**
 * A Create that gave up waiting recorded only its order: whatever the
 * order acquired since then is released now.
 */
async function releaseOrderedNumbers(
  orderId: string,
  dependencies: Dependencies,
): Promise<void> {
  const order = await dependencies.inventory.getOrder(orderId);
  const acquired = (order?.numbers ?? []).filter(
    (number) => number.status === 'Acquired',
  );
  for (const number of acquired) {
    await releaseNumber(number.phoneNumber, dependencies);
  }
}
