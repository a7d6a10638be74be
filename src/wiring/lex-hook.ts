import type { CodeHookDependencies } from '../bot/hook-context';
import type { Config } from '../config/config';
import { DynamoDbMenuRepository } from '../storage/dynamodb-menu-repository';
import { callLog } from './observability';
import { documentClient } from './sma';

/** The code hook wired to the menu in DynamoDB and the Powertools logger. */
export function codeHookDependencies(config: Config): CodeHookDependencies {
  return {
    menu: new DynamoDbMenuRepository({
      client: documentClient(config),
      tableName: config.tableName,
    }),
    pricing: config.pricing,
    log: callLog,
  };
}
