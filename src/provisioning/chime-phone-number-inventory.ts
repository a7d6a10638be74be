/**
 * The phone number inventory on the Amazon Chime SDK Voice API. Chime's
 * NotFoundException becomes "absent" here, so the use case reads as the
 * rules it follows rather than as error handling.
 */
import {
  ChimeSDKVoiceClient,
  CreatePhoneNumberOrderCommand,
  CreateSipRuleCommand,
  DeletePhoneNumberCommand,
  DeleteSipRuleCommand,
  GetPhoneNumberOrderCommand,
  GetSipRuleCommand,
  NotFoundException,
  SearchAvailablePhoneNumbersCommand,
  UpdateSipRuleCommand,
  type PhoneNumberOrder as ChimeOrder,
  type SipRuleTargetApplication,
} from '@aws-sdk/client-chime-sdk-voice';
import type {
  PhoneNumberInventory,
  PhoneNumberOrder,
  SipRuleSettings,
  SipRuleState,
  SipRuleTarget,
} from './ports';

/** Chime answered without a field the call cannot do without. */
export class UnexpectedChimeResponse extends Error {
  constructor(
    readonly operation: string,
    readonly missing: string,
  ) {
    super(`Chime ${operation} answered without ${missing}`);
    this.name = 'UnexpectedChimeResponse';
  }
}

/** Resolves to `undefined` when Chime says the thing does not exist. */
async function unlessNotFound<T>(call: Promise<T>): Promise<T | undefined> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof NotFoundException) return undefined;
    throw error;
  }
}

/** The only priority there is: one rule, one SIP media application. */
function targetApplications(target: SipRuleTarget): SipRuleTargetApplication[] {
  return [
    {
      SipMediaApplicationId: target.sipMediaApplicationId,
      Priority: 1,
      AwsRegion: target.awsRegion,
    },
  ];
}

function toOrder(operation: string, order?: ChimeOrder): PhoneNumberOrder {
  if (order?.PhoneNumberOrderId === undefined) {
    throw new UnexpectedChimeResponse(operation, 'PhoneNumberOrderId');
  }

  return {
    orderId: order.PhoneNumberOrderId,
    status: order.Status ?? 'Unknown',
    numbers: (order.OrderedPhoneNumbers ?? []).map((number) => ({
      phoneNumber: number.E164PhoneNumber ?? '',
      status: number.Status ?? 'Unknown',
    })),
  };
}

/** {@link PhoneNumberInventory} on a Chime SDK Voice client. */
export class ChimePhoneNumberInventory implements PhoneNumberInventory {
  constructor(private readonly client: ChimeSDKVoiceClient) {}

  async findAvailableNumber(search: {
    country: string;
    areaCode?: string;
  }): Promise<string | undefined> {
    const { E164PhoneNumbers } = await this.client.send(
      new SearchAvailablePhoneNumbersCommand({
        Country: search.country,
        AreaCode: search.areaCode,
        PhoneNumberType: 'Local',
        MaxResults: 1,
      }),
    );

    return E164PhoneNumbers?.[0];
  }

  async orderNumber(phoneNumber: string): Promise<PhoneNumberOrder> {
    const { PhoneNumberOrder } = await this.client.send(
      new CreatePhoneNumberOrderCommand({
        ProductType: 'SipMediaApplicationDialIn',
        E164PhoneNumbers: [phoneNumber],
      }),
    );

    return toOrder('CreatePhoneNumberOrder', PhoneNumberOrder);
  }

  async getOrder(orderId: string): Promise<PhoneNumberOrder | undefined> {
    const found = await unlessNotFound(
      this.client.send(
        new GetPhoneNumberOrderCommand({ PhoneNumberOrderId: orderId }),
      ),
    );

    return found && toOrder('GetPhoneNumberOrder', found.PhoneNumberOrder);
  }

  async createSipRule(
    phoneNumber: string,
    settings: SipRuleSettings,
  ): Promise<string> {
    const { SipRule } = await this.client.send(
      new CreateSipRuleCommand({
        Name: settings.name,
        TriggerType: 'ToPhoneNumber',
        TriggerValue: phoneNumber,
        TargetApplications: targetApplications(settings.target),
        Disabled: false,
      }),
    );
    if (SipRule?.SipRuleId === undefined) {
      throw new UnexpectedChimeResponse('CreateSipRule', 'SipRuleId');
    }

    return SipRule.SipRuleId;
  }

  async updateSipRule(
    sipRuleId: string,
    update: { name: string; disabled: boolean; target?: SipRuleTarget },
  ): Promise<void> {
    await this.client.send(
      new UpdateSipRuleCommand({
        SipRuleId: sipRuleId,
        Name: update.name,
        Disabled: update.disabled,
        TargetApplications: update.target && targetApplications(update.target),
      }),
    );
  }

  async getSipRule(sipRuleId: string): Promise<SipRuleState | undefined> {
    const found = await unlessNotFound(
      this.client.send(new GetSipRuleCommand({ SipRuleId: sipRuleId })),
    );
    const rule = found?.SipRule;
    if (rule === undefined) return undefined;

    return {
      sipRuleId,
      name: rule.Name ?? sipRuleId,
      disabled: rule.Disabled ?? false,
    };
  }

  async deleteSipRule(sipRuleId: string): Promise<void> {
    await unlessNotFound(
      this.client.send(new DeleteSipRuleCommand({ SipRuleId: sipRuleId })),
    );
  }

  async releaseNumber(phoneNumber: string): Promise<void> {
    // Chime's phone number id is the number in E.164.
    await unlessNotFound(
      this.client.send(
        new DeletePhoneNumberCommand({ PhoneNumberId: phoneNumber }),
      ),
    );
  }
}
