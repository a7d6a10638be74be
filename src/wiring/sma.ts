import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type {
  CallFlowDependencies,
  CallFlowSettings,
} from '../call-flow/types';
import type { Config } from '../config/config';
import { DynamoDbCallerDirectory } from '../storage/dynamodb-caller-directory';
import { DynamoDbMenuRepository } from '../storage/dynamodb-menu-repository';
import { DynamoDbOrderRepository } from '../storage/dynamodb-order-repository';
import { placeOrder } from '../orders/place-order';
import { callLog, callMetrics } from './observability';

/** The call flow's settings, taken from the configuration. */
export function callFlowSettings(config: Config): CallFlowSettings {
  return {
    restaurantName: config.restaurant.name,
    address: config.restaurant.address,
    timeZone: config.restaurant.timeZone,
    openingHours: config.restaurant.openingHours,
    staffPhoneNumber: config.restaurant.staffPhoneNumber,
    taxRatePercent: config.pricing.taxRatePercent,
    currency: config.pricing.currency,
    voice: { VoiceId: config.voice.voiceId, Engine: config.voice.engine },
    ...(config.bot === undefined ? {} : { bot: config.bot }),
  };
}

/** A document client for the configured table, local or in AWS. */
export function documentClient(config: Config): DynamoDBDocumentClient {
  const endpoint = config.aws.dynamodbEndpoint;
  const client = new DynamoDBClient({
    region: config.aws.region,
    ...(endpoint === undefined
      ? {}
      : {
          endpoint,
          credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
        }),
  });

  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true },
  });
}

/** The call flow wired to DynamoDB, Powertools and the wall clock. */
export function callFlowDependencies(config: Config): CallFlowDependencies {
  const client = documentClient(config);
  const tableName = config.tableName;
  const orders = new DynamoDbOrderRepository({ client, tableName });
  const now = () => new Date();

  return {
    settings: callFlowSettings(config),
    menu: new DynamoDbMenuRepository({ client, tableName }),
    callers: new DynamoDbCallerDirectory({ client, tableName }),
    placeOrder: (request) =>
      placeOrder(request, {
        orders,
        timeZone: config.restaurant.timeZone,
        kitchen: config.kitchen,
        now,
      }),
    metrics: callMetrics,
    log: callLog,
    now,
  };
}
