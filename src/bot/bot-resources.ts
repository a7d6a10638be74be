import { createHash } from 'node:crypto';
import type {
  BotDefinition,
  IntentDefinition,
  SlotDefinition,
  SlotTypeDefinition,
} from './definition';

/**
 * The CloudFormation resources of the voice bot, written from the bot
 * definition: the bot and its role, a version, the alias Chime talks to, the
 * alias's resource policy for Chime, and the permission for Lex to call the
 * code hook. src/bot/build-bot-cli.ts writes them to bot-resources.json, which
 * serverless.yml includes.
 */

/** One resource of a template. */
export interface CloudFormationResource {
  Type: string;
  Properties: Record<string, unknown>;
}

/** Logical ids of the resources, for serverless.yml and the tests. */
export const BOT_LOGICAL_IDS = {
  role: 'OrderBotRole',
  bot: 'OrderBot',
  version: 'OrderBotVersion',
  alias: 'OrderBotAlias',
  aliasPolicy: 'OrderBotAliasPolicy',
  hookPermission: 'LexHookInvokePermission',
} as const;

export interface BotResourceOptions {
  /** Logical id of the code hook's function, as the framework names it. */
  hookFunctionLogicalId: string;
  /**
   * Logical id of the SIP media application that may start conversations;
   * without one, any of this account's in this region may.
   */
  sipMediaApplicationLogicalId?: string;
  aliasName?: string;
}

const getAtt = (id: string, attribute: string) => ({
  'Fn::GetAtt': [id, attribute],
});
const ref = (id: string) => ({ Ref: id });
const sub = (text: string) => ({ 'Fn::Sub': text });

/** Every resource of the bot, by logical id. */
export function botResources(
  definition: BotDefinition,
  options: BotResourceOptions,
): Record<string, CloudFormationResource> {
  const ids = BOT_LOGICAL_IDS;
  const hookArn = getAtt(options.hookFunctionLogicalId, 'Arn');
  const botProperties = botProps(definition);

  return {
    [ids.role]: botRole(),
    [ids.bot]: { Type: 'AWS::Lex::Bot', Properties: botProperties },
    [ids.version]: botVersion(definition, botProperties),
    [ids.alias]: botAlias(definition, hookArn, options.aliasName ?? 'live'),
    [ids.aliasPolicy]: aliasPolicy(options.sipMediaApplicationLogicalId),
    [ids.hookPermission]: hookPermission(hookArn),
  };
}

function botRole(): CloudFormationResource {
  return {
    Type: 'AWS::IAM::Role',
    Properties: {
      AssumeRolePolicyDocument: {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { Service: 'lexv2.amazonaws.com' },
            Action: 'sts:AssumeRole',
          },
        ],
      },
      Policies: [
        {
          PolicyName: 'speak',
          PolicyDocument: {
            Version: '2012-10-17',
            Statement: [
              {
                Effect: 'Allow',
                Action: 'polly:SynthesizeSpeech',
                Resource: '*',
              },
            ],
          },
        },
      ],
    },
  };
}

function botProps(definition: BotDefinition): Record<string, unknown> {
  return {
    Name: sub('${AWS::StackName}-order-bot'),
    Description: definition.description,
    RoleArn: getAtt(BOT_LOGICAL_IDS.role, 'Arn'),
    DataPrivacy: { ChildDirected: false },
    IdleSessionTTLInSeconds: definition.idleSessionTtlSeconds,
    // The version below can only be cut from a built locale.
    AutoBuildBotLocales: true,
    BotLocales: [
      {
        LocaleId: definition.localeId,
        Description: definition.description,
        NluConfidenceThreshold: definition.nluConfidenceThreshold,
        VoiceSettings: {
          VoiceId: definition.voice.voiceId,
          Engine: definition.voice.engine,
        },
        SlotTypes: definition.slotTypes.map(slotType),
        Intents: definition.intents.map(intent),
      },
    ],
  };
}

function slotType(type: SlotTypeDefinition): Record<string, unknown> {
  return {
    Name: type.name,
    Description: type.description,
    ValueSelectionSetting: { ResolutionStrategy: type.resolution },
    SlotTypeValues: type.values.map(({ value, synonyms }) => ({
      SampleValue: { Value: value },
      ...(synonyms.length === 0
        ? {}
        : { Synonyms: synonyms.map((synonym) => ({ Value: synonym })) }),
    })),
  };
}

const plainText = (text: string) => ({
  MessageGroupsList: [{ Message: { PlainTextMessage: { Value: text } } }],
});

function intent(definition: IntentDefinition): Record<string, unknown> {
  const properties: Record<string, unknown> = {
    Name: definition.name,
    Description: definition.description,
    FulfillmentCodeHook: { Enabled: definition.fulfillmentCodeHook },
  };
  if (definition.parent !== undefined) {
    properties.ParentIntentSignature = definition.parent;
  } else {
    properties.DialogCodeHook = { Enabled: definition.dialogCodeHook };
    properties.SampleUtterances = definition.utterances.map((utterance) => ({
      Utterance: utterance,
    }));
  }
  if (definition.slots.length > 0) {
    properties.Slots = definition.slots.map(slot);
    properties.SlotPriorities = definition.slots.map((s, index) => ({
      Priority: index + 1,
      SlotName: s.name,
    }));
  }
  if (definition.confirmationPrompt !== undefined) {
    properties.IntentConfirmationSetting = {
      PromptSpecification: {
        MaxRetries: 2,
        AllowInterrupt: true,
        ...plainText(definition.confirmationPrompt),
      },
    };
  }

  return properties;
}

// Every slot is optional: the code hook decides what to ask, and in which
// order, so Lex never elicits a slot on its own.
function slot(definition: SlotDefinition): Record<string, unknown> {
  return {
    Name: definition.name,
    Description: definition.description,
    SlotTypeName: definition.slotType,
    ValueElicitationSetting: {
      SlotConstraint: 'Optional',
      PromptSpecification: {
        MaxRetries: 2,
        AllowInterrupt: true,
        ...plainText(definition.prompt),
      },
    },
  };
}

/**
 * A BotVersion is cut once and never updated in place: its description
 * carries a digest of the bot, so a changed bot gets a new version and the
 * alias moves to it.
 */
function botVersion(
  definition: BotDefinition,
  botProperties: Record<string, unknown>,
): CloudFormationResource {
  const digest = createHash('sha256')
    .update(JSON.stringify(botProperties))
    .digest('hex')
    .slice(0, 12);

  return {
    Type: 'AWS::Lex::BotVersion',
    Properties: {
      BotId: ref(BOT_LOGICAL_IDS.bot),
      Description: `Order bot, definition ${digest}`,
      BotVersionLocaleSpecification: [
        {
          LocaleId: definition.localeId,
          BotVersionLocaleDetails: { SourceBotVersion: 'DRAFT' },
        },
      ],
    },
  };
}

function botAlias(
  definition: BotDefinition,
  hookArn: unknown,
  aliasName: string,
): CloudFormationResource {
  return {
    Type: 'AWS::Lex::BotAlias',
    Properties: {
      BotId: ref(BOT_LOGICAL_IDS.bot),
      BotAliasName: aliasName,
      Description: 'The alias the SIP media application starts bots on.',
      BotVersion: getAtt(BOT_LOGICAL_IDS.version, 'BotVersion'),
      BotAliasLocaleSettings: [
        {
          LocaleId: definition.localeId,
          BotAliasLocaleSetting: {
            Enabled: true,
            CodeHookSpecification: {
              LambdaCodeHook: {
                LambdaArn: hookArn,
                CodeHookInterfaceVersion: '1.0',
              },
            },
          },
        },
      ],
    },
  };
}

/**
 * Chime's PSTN audio service starts conversations on the alias as its own
 * service principal; the conditions keep that to this account's SIP media
 * application. AWS's guides spell its ARN two ways (voiceconnector and
 * chime), so both are listed.
 */
function aliasPolicy(smaId: string | undefined): CloudFormationResource {
  const aliasArn = getAtt(BOT_LOGICAL_IDS.alias, 'Arn');

  return {
    Type: 'AWS::Lex::ResourcePolicy',
    Properties: {
      ResourceArn: aliasArn,
      Policy: {
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'AllowChimeSipMediaApplications',
            Effect: 'Allow',
            Principal: { Service: 'voiceconnector.chime.amazonaws.com' },
            Action: 'lex:StartConversation',
            Resource: aliasArn,
            Condition: {
              StringEquals: { 'aws:SourceAccount': ref('AWS::AccountId') },
              ...sourceCondition(smaId),
            },
          },
        ],
      },
    },
  };
}

/** The SIP media application's ARN, both spellings, or any of the account. */
function sourceCondition(smaId: string | undefined): Record<string, unknown> {
  if (smaId === undefined) {
    return {
      ArnLike: {
        'aws:SourceArn': sub(
          'arn:${AWS::Partition}:voiceconnector:${AWS::Region}:${AWS::AccountId}:sma/*',
        ),
      },
    };
  }
  const voiceConnectorArn =
    'arn:${AWS::Partition}:voiceconnector:${AWS::Region}:${AWS::AccountId}' +
    `:sma/\${${smaId}.SipMediaApplicationId}`;

  return {
    ArnEquals: {
      'aws:SourceArn': [
        sub(voiceConnectorArn),
        getAtt(smaId, 'SipMediaApplicationArn'),
      ],
    },
  };
}

function hookPermission(hookArn: unknown): CloudFormationResource {
  return {
    Type: 'AWS::Lambda::Permission',
    Properties: {
      FunctionName: hookArn,
      Action: 'lambda:InvokeFunction',
      Principal: 'lexv2.amazonaws.com',
      SourceAccount: ref('AWS::AccountId'),
      SourceArn: sub(
        `arn:\${AWS::Partition}:lex:\${AWS::Region}:\${AWS::AccountId}:bot-alias/\${${BOT_LOGICAL_IDS.bot}}/*`,
      ),
    },
  };
}
