/**
 * The call flow on a DynamoDB Local table with the real adapters, as
 * functions/sma wires it: orders, customers and the menu on the table,
 * callers found with one query of the caller index.
 */
import { DynamoDbCallerDirectory } from '../../src/storage/dynamodb-caller-directory';
import { DynamoDbCustomerRepository } from '../../src/storage/dynamodb-customer-repository';
import { DynamoDbMenuRepository } from '../../src/storage/dynamodb-menu-repository';
import { DynamoDbOrderRepository } from '../../src/storage/dynamodb-order-repository';
import sampleMenu from '../../src/menu/sample-menu.json';
import { parseMenu, seedMenu } from '../../src/storage/seed-menu';
import { flowFixture, OPEN_TIME, type FlowFixture } from './call-flow-fixture';
import type { TestTable } from './dynamodb';

/** Puts the sample menu on the table. */
export function seedSampleMenu(
  table: Pick<TestTable, 'client' | 'tableName'>,
): Promise<void> {
  return seedMenu(table.client, table.tableName, parseMenu(sampleMenu));
}

/** The flow on `table`, at the fixture's opening time. */
export function dynamoDbCallFlow(
  table: Pick<TestTable, 'client' | 'tableName'>,
): FlowFixture {
  const { client, tableName } = table;

  return flowFixture({
    orders: new DynamoDbOrderRepository({
      client,
      tableName,
      clock: () => OPEN_TIME,
    }),
    customers: new DynamoDbCustomerRepository({ client, tableName }),
    menu: new DynamoDbMenuRepository({ client, tableName }),
    callers: new DynamoDbCallerDirectory({ client, tableName }),
  });
}
