/**
 * The template `sls deploy` would send to CloudFormation, packaged offline
 * for stage ci and checked against CloudFormation's specification and the
 * security rules this service keeps; packaged again with the other SMS
 * driver for what sendSms is deployed with.
 */
import {
  CloudFormationSpec,
  type Template,
} from '../support/cloudformation-spec';
import {
  asList,
  identityStatements,
  packageService,
  type PackagedService,
  resourcesOfType,
  type PolicyStatement,
} from '../support/packaged-template';
import { zipEntries } from '../support/zip-entries';

/**
 * Actions IAM authorizes on no resource type: a statement can only name
 * them with Resource "*". Each entry says why; anything else must name
 * the resources it acts on.
 */
const ACTIONS_ONLY_ON_ANY_RESOURCE: Record<string, string> = {
  'chime:SearchAvailablePhoneNumbers':
    'searches numbers for sale, which belong to no one yet',
  'chime:CreatePhoneNumberOrder': 'Chime defines no ARN for phone numbers',
  'chime:GetPhoneNumberOrder': 'Chime defines no ARN for number orders',
  'chime:DeletePhoneNumber': 'Chime defines no ARN for phone numbers',
  'chime:GetSipRule': 'Chime defines no ARN for SIP rules',
  'chime:DeleteSipRule': 'Chime defines no ARN for SIP rules',
  'dynamodb:ListStreams':
    "lists the account's streams; IAM takes no stream ARN for it",
  'xray:PutTraceSegments': 'X-Ray defines no resource types',
  'xray:PutTelemetryRecords': 'X-Ray defines no resource types',
  'cloudwatch:PutMetricData': 'metrics have no ARN; limit by namespace',
  'polly:SynthesizeSpeech':
    "the bot's voice uses no lexicon, Polly's only resource type",
};

const CHIME_PRINCIPAL = 'voiceconnector.chime.amazonaws.com';

let packaged: PackagedService;
let template: Template;
let spec: CloudFormationSpec;

beforeAll(async () => {
  spec = new CloudFormationSpec();
  packaged = await packageService('ci');
  template = packaged.template;
}, 120_000);

describe('the packaged template, against the CloudFormation specification', () => {
  it('uses only resource types CloudFormation has', () => {
    const unknown = Object.entries(template.Resources)
      .filter(([, resource]) => spec.resourceType(resource.Type) === undefined)
      .map(([id, resource]) => `${id}: ${resource.Type}`);

    expect(unknown).toEqual([]);
  });

  it('sets only declared properties, and every required one', () => {
    expect(spec.propertyProblems(template)).toEqual([]);
  });

  it('reads only attributes the resources have', () => {
    expect(spec.attributeProblems(template)).toEqual([]);
  });
});

function functions() {
  return resourcesOfType(template, 'AWS::Lambda::Function');
}

/** The logical id a function's `Role: !GetAtt X.Arn` names. */
function roleOf(properties: Record<string, unknown> = {}): unknown {
  const role = properties.Role as { 'Fn::GetAtt'?: [string, string] };

  return role['Fn::GetAtt']?.[0];
}

describe('the functions', () => {
  it('each run with a role of their own', () => {
    const roles = functions().map(([, fn]) => roleOf(fn.Properties));
    const roleIds = resourcesOfType(template, 'AWS::IAM::Role').map(
      ([id]) => id,
    );

    expect(functions().length).toBeGreaterThan(1);
    expect(new Set(roles).size).toBe(roles.length);
    for (const role of roles) expect(roleIds).toContain(role);
    expect(template.Resources).not.toHaveProperty('IamRoleLambdaExecution');
  });

  it('each log to a group that expires', () => {
    const groups = resourcesOfType(template, 'AWS::Logs::LogGroup').map(
      ([, group]) => group.Properties ?? {},
    );

    for (const [, fn] of functions()) {
      const name = `/aws/lambda/${String(fn.Properties?.FunctionName)}`;
      const group = groups.find((found) => found.LogGroupName === name);

      expect(group?.RetentionInDays).toEqual(expect.any(Number));
    }
  });
});

describe('the IAM policies', () => {
  const allowed = () =>
    identityStatements(template).filter(
      ({ statement }) => statement.Effect === 'Allow',
    );

  it('name the resources they act on wherever IAM can', () => {
    const onAnything = allowed()
      .filter(({ statement }) => asList(statement.Resource).includes('*'))
      .flatMap(({ where, statement }) =>
        asList(statement.Action)
          .filter((action) => !(action in ACTIONS_ONLY_ON_ANY_RESOURCE))
          .map((action) => `${where}: ${action} on *`),
      );

    expect(allowed().length).toBeGreaterThan(0);
    expect(onAnything).toEqual([]);
  });

  it('list their actions one by one', () => {
    const wildcards = allowed().flatMap(({ where, statement }) =>
      asList(statement.Action)
        .filter((action) => action.includes('*'))
        .map((action) => `${where}: ${action}`),
    );

    expect(wildcards).toEqual([]);
  });
});

/** The SIP media application's logical id, and the function it calls. */
function sipMediaApplication() {
  const found = resourcesOfType(template, 'AWS::Chime::SipMediaApplication');
  expect(found).toHaveLength(1);
  const [id, sma] = found[0]!;
  const endpoints = sma.Properties?.Endpoints as { LambdaArn: unknown }[];

  return { id, endpoint: endpoints[0]?.LambdaArn };
}

/** True when a SourceArn names the SIP media application `smaId`. */
function namesSipMediaApplication(sourceArn: unknown, smaId: string): boolean {
  const text = JSON.stringify(sourceArn);

  return (
    text.includes(`"${smaId}","SipMediaApplicationArn"`) ||
    text.includes(`:sma/\${${smaId}.SipMediaApplicationId}`)
  );
}

describe('who may invoke what', () => {
  it('lets Chime invoke the sma function only for this account and SIP media application', () => {
    const { id, endpoint } = sipMediaApplication();
    const grants = resourcesOfType(template, 'AWS::Lambda::Permission')
      .map(([, permission]) => permission.Properties ?? {})
      .filter((properties) => properties.Principal === CHIME_PRINCIPAL);

    expect(grants.length).toBeGreaterThan(0);
    for (const grant of grants) {
      expect(grant.FunctionName).toEqual(endpoint);
      expect(grant.Action).toBe('lambda:InvokeFunction');
      expect(grant.SourceAccount).toEqual({ Ref: 'AWS::AccountId' });
      expect(namesSipMediaApplication(grant.SourceArn, id)).toBe(true);
    }
  });

  it('names the source of every service that may invoke a function', () => {
    const unconditioned = resourcesOfType(template, 'AWS::Lambda::Permission')
      .filter(([, permission]) => {
        const properties = permission.Properties ?? {};
        const isService = String(properties.Principal).endsWith(
          '.amazonaws.com',
        );

        return isService && properties.SourceArn === undefined;
      })
      .map(([id]) => id);

    expect(unconditioned).toEqual([]);
  });

  it('conditions any Lex bot resource policy for Chime on the source account and ARN', () => {
    const statements = resourcesOfType(template, 'AWS::Lex::ResourcePolicy')
      .flatMap(([, policy]) => {
        const document = policy.Properties?.Policy as {
          Statement?: PolicyStatement | PolicyStatement[];
        };

        return asList(document.Statement);
      })
      .filter((statement) =>
        JSON.stringify(statement.Principal).includes(CHIME_PRINCIPAL),
      );

    for (const statement of statements) {
      const keys = Object.values(statement.Condition ?? {}).flatMap((test) =>
        Object.keys(test).map((key) => key.toLowerCase()),
      );

      expect(keys).toEqual(
        expect.arrayContaining(['aws:sourceaccount', 'aws:sourcearn']),
      );
    }
  });
});

describe('the phone number', () => {
  it('is provisioned by the provisionPhone function for the SIP media application', () => {
    const { id } = sipMediaApplication();
    const numbers = resourcesOfType(template, 'Custom::PhoneNumber');

    expect(numbers).toHaveLength(1);
    expect(numbers[0]![1].Properties).toMatchObject({
      ServiceToken: { 'Fn::GetAtt': ['ProvisionPhoneLambdaFunction', 'Arn'] },
      SipMediaApplicationId: { 'Fn::GetAtt': [id, 'SipMediaApplicationId'] },
    });
  });

  it('is printed as a stack output', () => {
    expect(template.Outputs?.PhoneNumber?.Value).toEqual({
      'Fn::GetAtt': ['PhoneNumber', 'PhoneNumber'],
    });
  });
});

describe('the HTTP API', () => {
  const routeKeys = (filter: (route: Record<string, unknown>) => boolean) =>
    resourcesOfType(template, 'AWS::ApiGatewayV2::Route')
      .map(([, route]) => route.Properties ?? {})
      .filter(filter)
      .map((route) => String(route.RouteKey))
      .sort();

  it("checks a staff token on every route but the board's", () => {
    const open = routeKeys(
      (route) => (route.AuthorizationType ?? 'NONE') === 'NONE',
    );

    expect(routeKeys(() => true).length).toBeGreaterThan(open.length);
    expect(open).toEqual(['GET /board', 'GET /board/{file}']);
  });

  it('has no route key ending in a slash, which API Gateway refuses', () => {
    expect(routeKeys((route) => /\S\/$/.test(String(route.RouteKey)))).toEqual(
      [],
    );
  });
});

describe('the board function', () => {
  it('ships one bundled file with the page, stylesheets and script inside', () => {
    const archive = packaged.archives.get('board.zip');
    expect(archive).toBeDefined();
    const entries = zipEntries(archive!);

    expect([...entries.keys()]).toEqual(['functions/board.js']);
    const bundle = entries.get('functions/board.js')!.toString('utf8');
    expect(bundle).toContain('<title>Order board</title>');
    expect(bundle).toContain('.top-bar__title');
    expect(bundle).toContain('.card--late');
    expect(bundle).toContain('.menu-panel {');
    expect(bundle).toContain('Sign in to see the orders.');
    // Nothing is read or compiled at run time.
    expect(bundle).not.toMatch(/require\("(esbuild|node:fs|fs)/);
  });

  it("prints the board's address as a stack output", () => {
    expect(template.Outputs?.BoardUrl?.Value).toEqual({
      'Fn::Sub': '${HttpApi.ApiEndpoint}/board/index.html',
    });
  });
});

/** What sendSms is deployed with for each SMS driver. */
const SMS_DRIVERS_DEPLOYED = {
  'end-user-messaging': {
    entry: 'functions/send-sms',
    signingName: 'sms-voice',
    send: 'sms-voice:SendTextMessage',
    sendsOn: [
      'phone-number',
      'pool',
      'sender-id',
      'configuration-set',
      'opt-out-list',
    ].map((type) => ({
      'Fn::Sub': `arn:\${AWS::Partition}:sms-voice:\${AWS::Region}:\${AWS::AccountId}:${type}/*`,
    })),
  },
  pinpoint: {
    entry: 'functions/send-sms-pinpoint',
    signingName: 'mobiletargeting',
    send: 'mobiletargeting:SendMessages',
    sendsOn: {
      'Fn::Sub':
        'arn:${AWS::Partition}:mobiletargeting:${AWS::Region}:${AWS::AccountId}:apps/*',
    },
  },
};

type DeployedDriver = keyof typeof SMS_DRIVERS_DEPLOYED;

/**
 * The signing names of the AWS SDK clients a minified bundle carries,
 * e.g. `dynamodb`, `sms-voice`: each client names its service once.
 */
function signingNames(bundle: string): string[] {
  const names = bundle.matchAll(/defaultSigningName:"([^"]+)"/g);

  return [...names].map((match) => match[1] ?? '');
}

/** The checks of sendSms deployed with `driver`, on its packaging. */
function sendSmsDeployedWith(
  driver: DeployedDriver,
  packagedFor: () => PackagedService,
): void {
  const { entry, signingName, send, sendsOn } = SMS_DRIVERS_DEPLOYED[driver];
  const others = Object.entries(SMS_DRIVERS_DEPLOYED)
    .filter(([name]) => name !== driver)
    .map(([, other]) => other);
  const sendSms = () =>
    packagedFor().template.Resources.SendSmsLambdaFunction?.Properties ?? {};

  it("runs the driver's entry point, with SMS_DRIVER set to the driver", () => {
    expect(sendSms().Handler).toBe(`${entry}.handler`);
    expect(sendSms().Environment).toMatchObject({
      Variables: { SMS_DRIVER: driver },
    });
  });

  it("ships one bundle with the driver's client and no other driver's", () => {
    const archive = packagedFor().archives.get('sendSms.zip');
    expect(archive).toBeDefined();
    const entries = zipEntries(archive!);

    expect([...entries.keys()]).toEqual([`${entry}.js`]);
    const clients = signingNames(entries.get(`${entry}.js`)!.toString());
    expect(clients).toEqual(expect.arrayContaining(['dynamodb', signingName]));
    for (const other of others)
      expect(clients).not.toContain(other.signingName);
  });

  it('lets its role send with that driver only', () => {
    const statements = identityStatements(packagedFor().template)
      .filter(({ where }) => where === 'SendSmsRole')
      .map(({ statement }) => statement);

    expect(statements.flatMap((statement) => asList(statement.Action))).toEqual(
      [
        'logs:CreateLogStream',
        'logs:PutLogEvents',
        'dynamodb:GetItem',
        'dynamodb:PutItem',
        'dynamodb:UpdateItem',
        'dynamodb:DeleteItem',
        send,
        'sqs:SendMessage',
      ],
    );
    expect(statements).toContainEqual({
      Effect: 'Allow',
      Action: send,
      Resource: sendsOn,
    });
  });
}

describe('the sendSms function, by default', () => {
  sendSmsDeployedWith('end-user-messaging', () => packaged);
});

describe('the sendSms function, with smsDriver=pinpoint', () => {
  let pinpoint: PackagedService;

  // After the default packaging: both use serverless-esbuild's folder.
  beforeAll(async () => {
    pinpoint = await packageService('ci', { smsDriver: 'pinpoint' });
  }, 120_000);

  sendSmsDeployedWith('pinpoint', () => pinpoint);
});
