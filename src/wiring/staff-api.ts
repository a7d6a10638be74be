import type { StaffApiConfig } from '../config/staff-api-config';
import type { StaffApiLog, StaffApiOptions } from '../staff-api/router';
import { DynamoDbCustomerRepository } from '../storage/dynamodb-customer-repository';
import { DynamoDbMenuRepository } from '../storage/dynamodb-menu-repository';
import { DynamoDbOrderRepository } from '../storage/dynamodb-order-repository';
import { logger } from './observability';
import { documentClient } from './sma';

/** The staff API's log port on the Powertools logger. */
export const staffApiLog: StaffApiLog = {
  info: (message, fields) => {
    logger.info(message, fields);
  },
  error: (message, fields) => {
    logger.error(message, fields);
  },
};

/** The staff API wired to DynamoDB, Powertools and the wall clock. */
export function staffApiOptions(config: StaffApiConfig): StaffApiOptions {
  const client = documentClient(config);
  const tableName = config.tableName;

  return {
    orders: new DynamoDbOrderRepository({ client, tableName }),
    customers: new DynamoDbCustomerRepository({ client, tableName }),
    menu: new DynamoDbMenuRepository({ client, tableName }),
    timeZone: config.restaurant.timeZone,
    now: () => new Date(),
    boardOrigin: config.boardOrigin,
    log: staffApiLog,
  };
}
