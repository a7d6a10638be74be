import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  BOT_LOGICAL_IDS,
  type CloudFormationResource,
} from '../../src/bot/bot-resources';
import { parseMenu } from '../../src/menu/menu-schema';
import sampleMenu from '../../src/menu/sample-menu.json';
import {
  BOT_RESOURCES_FILE,
  HOOK_FUNCTION_LOGICAL_ID,
  currentBotResources,
} from '../../src/bot/build-bot-cli';
import {
  CloudFormationSpec,
  type Template,
} from '../support/cloudformation-spec';

/**
 * The bot's CloudFormation resources as committed in bot-resources.json:
 * current with the definition, valid against CloudFormation's
 * specification, and holding what Lex and Chime require.
 */

const resources = JSON.parse(
  readFileSync(BOT_RESOURCES_FILE, 'utf8'),
) as Record<string, CloudFormationResource>;

interface Intent {
  Name: string;
  ParentIntentSignature?: string;
  SampleUtterances?: { Utterance: string }[];
  DialogCodeHook?: { Enabled: boolean };
  FulfillmentCodeHook?: { Enabled: boolean };
  Slots?: { Name: string; SlotTypeName: string }[];
}

interface SlotType {
  Name: string;
  SlotTypeValues: {
    SampleValue: { Value: string };
    Synonyms?: { Value: string }[];
  }[];
}

const locale = (
  resources[BOT_LOGICAL_IDS.bot]?.Properties.BotLocales as {
    LocaleId: string;
    Intents: Intent[];
    SlotTypes: SlotType[];
  }[]
)[0]!;

function slotType(name: string): SlotType {
  return locale.SlotTypes.find((type) => type.Name === name)!;
}

/** Every value and synonym of a slot type, lower case. */
function wordsOf(type: SlotType): string[] {
  return type.SlotTypeValues.flatMap((value) => [
    value.SampleValue.Value,
    ...(value.Synonyms ?? []).map((synonym) => synonym.Value),
  ]).map((word) => word.toLowerCase());
}

describe('the bot resources', () => {
  it('are current with the bot definition and the menu (run npm run bot:build)', () => {
    expect(resources).toEqual(currentBotResources());
  });

  it('pass the CloudFormation specification', () => {
    // The template around them holds the function and the application.
    const template: Template = {
      Resources: {
        ...resources,
        [HOOK_FUNCTION_LOGICAL_ID]: {
          Type: 'AWS::Lambda::Function',
          Properties: { Code: {}, Role: 'arn:aws:iam::1:role/x' },
        },
        SipMediaApplication: {
          Type: 'AWS::Chime::SipMediaApplication',
          Properties: { AwsRegion: 'us-east-1', Name: 'x', Endpoints: [] },
        },
      },
    };
    const spec = new CloudFormationSpec();

    expect(spec.propertyProblems(template)).toEqual([]);
    expect(spec.attributeProblems(template)).toEqual([]);
  });

  it('give the bot the fallback intent Lex requires, on the fulfilment hook', () => {
    const fallback = locale.Intents.filter(
      (intent) => intent.ParentIntentSignature === 'AMAZON.FallbackIntent',
    );

    expect(fallback).toEqual([
      {
        Name: 'FallbackIntent',
        Description: expect.any(String) as unknown,
        ParentIntentSignature: 'AMAZON.FallbackIntent',
        FulfillmentCodeHook: { Enabled: true },
      },
    ]);
  });

  it('hold the intents the IVR reads, each calling the code hook', () => {
    const named = locale.Intents.filter(
      (intent) => intent.ParentIntentSignature === undefined,
    );

    expect(named.map((intent) => intent.Name)).toEqual([
      'OrderFood',
      'FinishOrder',
      'CheckOrderStatus',
      'TalkToPerson',
      'UseKeypad',
    ]);
    for (const intent of named) {
      expect(intent.DialogCodeHook).toEqual({ Enabled: true });
      expect(intent.FulfillmentCodeHook).toEqual({ Enabled: true });
      expect(intent.SampleUtterances?.length).toBeGreaterThan(3);
    }
  });

  it('make every menu item, its synonyms and every size a slot value', () => {
    const menu = parseMenu(sampleMenu);
    const items = wordsOf(slotType('MenuItem'));
    const sizes = wordsOf(slotType('ItemSize'));

    for (const item of menu.items) {
      expect(items).toContain(item.itemId);
      for (const word of [item.name, ...(item.synonyms ?? [])]) {
        expect(items).toContain(word.toLowerCase());
      }
      for (const size of item.sizes ?? []) {
        expect(sizes).toContain(size.sizeId);
      }
    }
    expect(sizes).toEqual(expect.arrayContaining(['family size', 'big']));
  });

  it('fill OrderFood with a menu item, a size and a number', () => {
    const orderFood = locale.Intents.find((i) => i.Name === 'OrderFood')!;

    expect(orderFood.Slots?.map((s) => [s.Name, s.SlotTypeName])).toEqual([
      ['item', 'MenuItem'],
      ['size', 'ItemSize'],
      ['quantity', 'AMAZON.Number'],
    ]);
  });

  it('point the alias at the code hook with interface version 1.0', () => {
    expect(
      resources[BOT_LOGICAL_IDS.alias]?.Properties.BotAliasLocaleSettings,
    ).toEqual([
      {
        LocaleId: 'en_US',
        BotAliasLocaleSetting: {
          Enabled: true,
          CodeHookSpecification: {
            LambdaCodeHook: {
              LambdaArn: { 'Fn::GetAtt': [HOOK_FUNCTION_LOGICAL_ID, 'Arn'] },
              CodeHookInterfaceVersion: '1.0',
            },
          },
        },
      },
    ]);
  });

  it('let only this SIP media application start conversations on the alias', () => {
    const policy = resources[BOT_LOGICAL_IDS.aliasPolicy]!.Properties;

    expect(policy).toMatchObject({
      ResourceArn: { 'Fn::GetAtt': [BOT_LOGICAL_IDS.alias, 'Arn'] },
      Policy: {
        Statement: [
          {
            Effect: 'Allow',
            Principal: { Service: 'voiceconnector.chime.amazonaws.com' },
            Action: 'lex:StartConversation',
            Condition: {
              StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
              ArnEquals: {
                'aws:SourceArn': [
                  {
                    'Fn::Sub': expect.stringContaining(
                      ':sma/${SipMediaApplication.SipMediaApplicationId}',
                    ) as unknown,
                  },
                  {
                    'Fn::GetAtt': [
                      'SipMediaApplication',
                      'SipMediaApplicationArn',
                    ],
                  },
                ],
              },
            },
          },
        ],
      },
    });
  });

  it('let Lex invoke the code hook for this bot only', () => {
    expect(resources[BOT_LOGICAL_IDS.hookPermission]?.Properties).toEqual({
      FunctionName: { 'Fn::GetAtt': [HOOK_FUNCTION_LOGICAL_ID, 'Arn'] },
      Action: 'lambda:InvokeFunction',
      Principal: 'lexv2.amazonaws.com',
      SourceAccount: { Ref: 'AWS::AccountId' },
      SourceArn: {
        'Fn::Sub':
          'arn:${AWS::Partition}:lex:${AWS::Region}:${AWS::AccountId}:bot-alias/${OrderBot}/*',
      },
    });
  });

  it('are each included by serverless.yml with their own type', () => {
    const serverless = readFileSync(
      join(__dirname, '..', '..', 'serverless.yml'),
      'utf8',
    );

    for (const [id, resource] of Object.entries(resources)) {
      expect(serverless).toContain(
        `    ${id}:\n      Type: ${resource.Type}\n      Properties: ` +
          `\${file(src/bot/bot-resources.json):${id}.Properties}`,
      );
    }
  });
});
