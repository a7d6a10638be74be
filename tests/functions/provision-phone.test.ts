import { ThrottledClientException } from '@aws-sdk/client-chime-sdk-voice';
import { NotACustomResourceRequest } from '../../src/provisioning/custom-resource';
import {
  cloudFormationRequest,
  notFound,
  PROPERTIES,
  ProvisioningBench,
  RESPONSE_URL,
  STACK_ID,
  START,
} from '../support/provision-phone-fixture';

const NUMBER = '+12065550123';
const ORDER_ID = 'a1b2c3d4-order-4000-8000-000000000007';
const RULE_ID = 'f0e1d2c3-rule-4000-8000-000000000009';
const ORDERED_ID = `number=${NUMBER};rule=${RULE_ID};source=ordered`;

const TARGET = {
  SipMediaApplicationId: PROPERTIES.SipMediaApplicationId,
  Priority: 1,
  AwsRegion: 'us-east-1',
};

function order(status: string, numberStatus = status) {
  return {
    PhoneNumberOrder: {
      PhoneNumberOrderId: ORDER_ID,
      ProductType: 'SipMediaApplicationDialIn',
      Status: status,
      OrderedPhoneNumbers: [{ E164PhoneNumber: NUMBER, Status: numberStatus }],
    },
  };
}

/** Chime selling NUMBER in area code 206, and routing it as RULE_ID. */
function numberForSale(bench: ProvisioningBench): void {
  bench.chime
    .on('SearchAvailablePhoneNumbersCommand', { E164PhoneNumbers: [NUMBER] })
    .on('CreatePhoneNumberOrderCommand', order('Processing'))
    .on('CreateSipRuleCommand', { SipRule: { SipRuleId: RULE_ID } });
}

/** What CloudFormation is told about the PhoneNumber resource. */
function addressed(fields: Record<string, unknown>) {
  return {
    StackId: STACK_ID,
    LogicalResourceId: 'PhoneNumber',
    ...fields,
  };
}

describe('creating the phone number', () => {
  it('orders a number in the area code, waits for it and routes it', async () => {
    const bench = new ProvisioningBench();
    numberForSale(bench);
    bench.chime.on(
      'GetPhoneNumberOrderCommand',
      order('Processing'),
      order('Successful', 'Acquired'),
    );

    await bench.invoke(cloudFormationRequest('Create'));

    expect(bench.chime.sent).toEqual([
      {
        command: 'SearchAvailablePhoneNumbersCommand',
        input: {
          Country: 'US',
          AreaCode: '206',
          PhoneNumberType: 'Local',
          MaxResults: 1,
        },
      },
      {
        command: 'CreatePhoneNumberOrderCommand',
        input: {
          ProductType: 'SipMediaApplicationDialIn',
          E164PhoneNumbers: [NUMBER],
        },
      },
      {
        command: 'GetPhoneNumberOrderCommand',
        input: { PhoneNumberOrderId: ORDER_ID },
      },
      {
        command: 'GetPhoneNumberOrderCommand',
        input: { PhoneNumberOrderId: ORDER_ID },
      },
      {
        command: 'CreateSipRuleCommand',
        input: {
          Name: 'phone-orders-ci-12065550123',
          TriggerType: 'ToPhoneNumber',
          TriggerValue: NUMBER,
          TargetApplications: [TARGET],
          Disabled: false,
        },
      },
    ]);
    expect(bench.now - START).toBe(10_000);
    expect(bench.answers).toEqual([
      {
        url: RESPONSE_URL,
        response: addressed({
          Status: 'SUCCESS',
          PhysicalResourceId: ORDERED_ID,
          RequestId: 'create-request-1',
          Data: { PhoneNumber: NUMBER, SipRuleId: RULE_ID },
        }),
      },
    ]);
  });

  it('routes the owner’s existing number without ordering one', async () => {
    const bench = new ProvisioningBench();
    bench.chime.on('CreateSipRuleCommand', { SipRule: { SipRuleId: RULE_ID } });
    const properties = { ...PROPERTIES, ExistingPhoneNumber: '+12065550100' };

    await bench.invoke(
      cloudFormationRequest('Create', { ResourceProperties: properties }),
    );

    expect(bench.chime.commands()).toEqual(['CreateSipRuleCommand']);
    expect(bench.chime.inputsOf('CreateSipRuleCommand')).toEqual([
      {
        Name: 'phone-orders-ci-12065550100',
        TriggerType: 'ToPhoneNumber',
        TriggerValue: '+12065550100',
        TargetApplications: [TARGET],
        Disabled: false,
      },
    ]);
    expect(bench.answer()).toMatchObject({
      Status: 'SUCCESS',
      PhysicalResourceId: `number=+12065550100;rule=${RULE_ID};source=supplied`,
      Data: { PhoneNumber: '+12065550100', SipRuleId: RULE_ID },
    });
  });

  it('hands a slow order over to a new invocation, which finishes it', async () => {
    const bench = new ProvisioningBench();
    numberForSale(bench);
    bench.chime.on('GetPhoneNumberOrderCommand', order('Processing'));

    await bench.invoke(cloudFormationRequest('Create'));

    expect(bench.answers).toEqual([]);
    expect(bench.handedOver).toEqual([
      {
        ...cloudFormationRequest('Create'),
        AwaitingOrder: {
          orderId: ORDER_ID,
          phoneNumber: NUMBER,
          since: '2026-12-03T17:00:00.000Z',
        },
      },
    ]);
    // Polled every 10 s while 10 s and the 30 s reserve still fitted.
    expect(bench.chime.inputsOf('GetPhoneNumberOrderCommand')).toHaveLength(28);
    expect(bench.now - START).toBe(270_000);

    bench.chime.on(
      'GetPhoneNumberOrderCommand',
      order('Successful', 'Acquired'),
    );
    await bench.invoke(bench.handedOver[0]);

    expect(
      bench.chime.inputsOf('SearchAvailablePhoneNumbersCommand'),
    ).toHaveLength(1);
    expect(bench.chime.inputsOf('CreatePhoneNumberOrderCommand')).toHaveLength(
      1,
    );
    expect(bench.chime.inputsOf('CreateSipRuleCommand')).toHaveLength(1);
    expect(bench.answer()).toMatchObject({
      Status: 'SUCCESS',
      PhysicalResourceId: ORDERED_ID,
      RequestId: 'create-request-1',
    });
  });

  it('fails with Chime’s reason when the order fails', async () => {
    const bench = new ProvisioningBench();
    numberForSale(bench);
    bench.chime.on('GetPhoneNumberOrderCommand', order('Failed'));

    await bench.invoke(cloudFormationRequest('Create'));

    expect(bench.chime.commands()).not.toContain('CreateSipRuleCommand');
    expect(bench.answer()).toEqual(
      addressed({
        Status: 'FAILED',
        Reason:
          `phone number order ${ORDER_ID} ended Failed (${NUMBER} Failed); ` +
          'no number was provisioned, try another area code or country',
        PhysicalResourceId: 'request=create-request-1',
        RequestId: 'create-request-1',
      }),
    );
  });

  it('gives up on an order still processing after 45 minutes', async () => {
    const bench = new ProvisioningBench();
    bench.chime.on('GetPhoneNumberOrderCommand', order('Processing'));
    bench.now = START + 45 * 60_000;
    const continued = {
      ...cloudFormationRequest('Create'),
      AwaitingOrder: {
        orderId: ORDER_ID,
        phoneNumber: NUMBER,
        since: '2026-12-03T17:00:00.000Z',
      },
    };

    await bench.invoke(continued);

    expect(bench.answer()).toMatchObject({
      Status: 'FAILED',
      Reason: expect.stringContaining(
        `phone number order ${ORDER_ID} still processing after 45 minutes`,
      ) as unknown,
      // The rollback's Delete releases whatever the order acquires.
      PhysicalResourceId: `order=${ORDER_ID};source=ordered`,
    });
  });

  it('says which area code has no number for sale', async () => {
    const bench = new ProvisioningBench();
    bench.chime.on('SearchAvailablePhoneNumbersCommand', {
      E164PhoneNumbers: [],
    });

    await bench.invoke(cloudFormationRequest('Create'));

    expect(bench.answer()).toMatchObject({
      Status: 'FAILED',
      Reason:
        'no local phone number for sale in US with area code 206; ' +
        'set another phoneAreaCode, or none',
    });
  });

  it('releases the number when its SIP rule cannot be created', async () => {
    const bench = new ProvisioningBench();
    numberForSale(bench);
    bench.chime
      .on('GetPhoneNumberOrderCommand', order('Successful', 'Acquired'))
      .on('CreateSipRuleCommand', new Error('Rule limit reached'));

    await bench.invoke(cloudFormationRequest('Create'));

    expect(bench.chime.inputsOf('DeletePhoneNumberCommand')).toEqual([
      { PhoneNumberId: NUMBER },
    ]);
    expect(bench.answer()).toMatchObject({
      Status: 'FAILED',
      Reason: 'Rule limit reached',
      PhysicalResourceId: 'request=create-request-1',
    });
  });
});

describe('updating the phone number', () => {
  const previous = (properties: Record<string, unknown>) =>
    cloudFormationRequest('Update', {
      PhysicalResourceId: ORDERED_ID,
      OldResourceProperties: PROPERTIES,
      ResourceProperties: properties,
    });

  it('orders a number in a new area code under a new physical id', async () => {
    const bench = new ProvisioningBench();
    const other = '+12125550145';
    bench.chime
      .on('SearchAvailablePhoneNumbersCommand', { E164PhoneNumbers: [other] })
      .on('CreatePhoneNumberOrderCommand', order('Processing'))
      .on('GetPhoneNumberOrderCommand', order('Successful', 'Acquired'))
      .on('CreateSipRuleCommand', { SipRule: { SipRuleId: 'rule-212' } });

    await bench.invoke(previous({ ...PROPERTIES, AreaCode: '212' }));

    expect(bench.chime.inputsOf('SearchAvailablePhoneNumbersCommand')).toEqual([
      {
        Country: 'US',
        AreaCode: '212',
        PhoneNumberType: 'Local',
        MaxResults: 1,
      },
    ]);
    // The old number and rule are CloudFormation's Delete to release.
    expect(bench.chime.commands()).not.toContain('DeleteSipRuleCommand');
    expect(bench.chime.commands()).not.toContain('DeletePhoneNumberCommand');
    expect(bench.answer()).toMatchObject({
      Status: 'SUCCESS',
      PhysicalResourceId: `number=${other};rule=rule-212;source=ordered`,
      Data: { PhoneNumber: other, SipRuleId: 'rule-212' },
    });
  });

  it('points the same rule at a new SIP media application', async () => {
    const bench = new ProvisioningBench();
    const moved = { ...PROPERTIES, SipMediaApplicationId: 'sma-replaced' };

    await bench.invoke(previous(moved));

    expect(bench.chime.sent).toEqual([
      {
        command: 'UpdateSipRuleCommand',
        input: {
          SipRuleId: RULE_ID,
          Name: 'phone-orders-ci-12065550123',
          Disabled: false,
          TargetApplications: [
            { ...TARGET, SipMediaApplicationId: 'sma-replaced' },
          ],
        },
      },
    ]);
    expect(bench.answer()).toMatchObject({
      Status: 'SUCCESS',
      PhysicalResourceId: ORDERED_ID,
      RequestId: 'update-request-1',
      Data: { PhoneNumber: NUMBER, SipRuleId: RULE_ID },
    });
  });

  it('keeps its physical id when the update fails', async () => {
    const bench = new ProvisioningBench();
    bench.chime.on('UpdateSipRuleCommand', new Error('Service unavailable'));

    await bench.invoke(previous({ ...PROPERTIES, RuleName: 'renamed' }));

    expect(bench.answer()).toMatchObject({
      Status: 'FAILED',
      Reason: 'Service unavailable',
      PhysicalResourceId: ORDERED_ID,
    });
  });
});

describe('deleting the phone number', () => {
  const deleting = (physicalResourceId: string) =>
    cloudFormationRequest('Delete', { PhysicalResourceId: physicalResourceId });

  it('disables and deletes the rule, then releases the number', async () => {
    const bench = new ProvisioningBench();
    bench.chime.on('GetSipRuleCommand', {
      SipRule: {
        SipRuleId: RULE_ID,
        Name: 'phone-orders-ci-1',
        Disabled: false,
      },
    });

    await bench.invoke(deleting(ORDERED_ID));

    expect(bench.chime.sent).toEqual([
      { command: 'GetSipRuleCommand', input: { SipRuleId: RULE_ID } },
      {
        command: 'UpdateSipRuleCommand',
        input: {
          SipRuleId: RULE_ID,
          Name: 'phone-orders-ci-1',
          Disabled: true,
          TargetApplications: undefined,
        },
      },
      { command: 'DeleteSipRuleCommand', input: { SipRuleId: RULE_ID } },
      {
        command: 'DeletePhoneNumberCommand',
        input: { PhoneNumberId: NUMBER },
      },
    ]);
    expect(bench.answer()).toEqual(
      addressed({
        Status: 'SUCCESS',
        PhysicalResourceId: ORDERED_ID,
        RequestId: 'delete-request-1',
        Data: {},
      }),
    );
  });

  it('keeps a number the owner supplied', async () => {
    const bench = new ProvisioningBench();
    bench.chime.on('GetSipRuleCommand', {
      SipRule: { SipRuleId: RULE_ID, Name: 'rule', Disabled: true },
    });

    await bench.invoke(
      deleting(`number=+12065550100;rule=${RULE_ID};source=supplied`),
    );

    expect(bench.chime.commands()).toEqual([
      'GetSipRuleCommand',
      'DeleteSipRuleCommand',
    ]);
    expect(bench.answer().Status).toBe('SUCCESS');
  });

  it('succeeds when the rule and the number are already gone', async () => {
    const bench = new ProvisioningBench();
    bench.chime
      .on('GetSipRuleCommand', notFound())
      .on('DeletePhoneNumberCommand', notFound());

    await bench.invoke(deleting(ORDERED_ID));

    expect(bench.chime.commands()).toEqual([
      'GetSipRuleCommand',
      'DeletePhoneNumberCommand',
    ]);
    expect(bench.answer()).toMatchObject({
      Status: 'SUCCESS',
      PhysicalResourceId: ORDERED_ID,
    });
  });

  it('releases what a given-up order acquired since', async () => {
    const bench = new ProvisioningBench();
    bench.chime.on(
      'GetPhoneNumberOrderCommand',
      order('Successful', 'Acquired'),
    );

    await bench.invoke(deleting(`order=${ORDER_ID};source=ordered`));

    expect(bench.chime.sent).toEqual([
      {
        command: 'GetPhoneNumberOrderCommand',
        input: { PhoneNumberOrderId: ORDER_ID },
      },
      {
        command: 'DeletePhoneNumberCommand',
        input: { PhoneNumberId: NUMBER },
      },
    ]);
    expect(bench.answer().Status).toBe('SUCCESS');
  });

  it('has nothing to release after a Create that failed early', async () => {
    const bench = new ProvisioningBench();

    await bench.invoke(deleting('request=create-request-1'));

    expect(bench.chime.sent).toEqual([]);
    expect(bench.answer().Status).toBe('SUCCESS');
  });
});

describe('answering CloudFormation whatever happens', () => {
  it('answers FAILED when Chime throws unexpectedly', async () => {
    const bench = new ProvisioningBench();
    bench.chime.on(
      'SearchAvailablePhoneNumbersCommand',
      new ThrottledClientException({ message: 'Rate exceeded', $metadata: {} }),
    );

    await bench.invoke(cloudFormationRequest('Create'));

    expect(bench.answer()).toEqual(
      addressed({
        Status: 'FAILED',
        Reason: 'Rate exceeded',
        PhysicalResourceId: 'request=create-request-1',
        RequestId: 'create-request-1',
      }),
    );
  });

  it('answers FAILED when the hand-over to a new invocation fails', async () => {
    const bench = new ProvisioningBench();
    numberForSale(bench);
    bench.chime.on('GetPhoneNumberOrderCommand', order('Processing'));
    bench.dependencies.continueLater = () =>
      Promise.reject(new Error('Rate exceeded for Invoke'));

    await bench.invoke(cloudFormationRequest('Create'));

    expect(bench.answer()).toMatchObject({
      Status: 'FAILED',
      Reason: 'Rate exceeded for Invoke',
    });
  });

  it('answers FAILED naming a malformed property', async () => {
    const bench = new ProvisioningBench();
    const properties = { ...PROPERTIES, Country: 'USA' };

    await bench.invoke(
      cloudFormationRequest('Create', { ResourceProperties: properties }),
    );

    expect(bench.chime.sent).toEqual([]);
    expect(bench.answer()).toMatchObject({
      Status: 'FAILED',
      Reason:
        'invalid Custom::PhoneNumber properties: Country must be an ISO country code',
    });
  });

  it('keeps a long reason within what CloudFormation accepts', async () => {
    const bench = new ProvisioningBench();
    bench.chime.on(
      'SearchAvailablePhoneNumbersCommand',
      new Error('x'.repeat(5000)),
    );

    await bench.invoke(cloudFormationRequest('Create'));

    expect(bench.answer().Reason).toHaveLength(1000);
  });

  it('refuses an event that is not a CloudFormation request', async () => {
    const bench = new ProvisioningBench();

    await expect(bench.invoke({ hello: 'world' })).rejects.toThrow(
      NotACustomResourceRequest,
    );
    expect(bench.answers).toEqual([]);
  });
});
