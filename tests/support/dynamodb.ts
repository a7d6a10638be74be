/**
 * A fresh table per test file on the run's DynamoDB Local, created from
 * serverless.yml, so test files never see each other's items. It holds the
 * sample menu, as a deployed table holds a menu: the order store checks
 * each ordered item against it.
 */
import { randomUUID } from 'node:crypto';
import {
  DeleteTableCommand,
  type DynamoDBClient,
  ScanCommand,
  type ScanCommandOutput,
} from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  createDocumentClient,
  createLocalDynamoDbClient,
} from '../../src/local/document-client';
import { ensureTable } from '../../src/local/table';
import { parseMenu } from '../../src/menu/menu-schema';
import sampleMenu from '../../src/menu/sample-menu.json';
import { seedMenu } from '../../src/storage/seed-menu';

/** A table of one's own, and clients to use it. */
export interface TestTable {
  tableName: string;
  client: DynamoDBDocumentClient;
  /** For table administration (DescribeTable and the like). */
  adminClient: DynamoDBClient;
  /** How many items the table holds, all entities together. */
  countItems(): Promise<number>;
  /** Deletes the table and closes the clients. */
  dispose(): Promise<void>;
}

/** The endpoint the global setup put in DYNAMODB_ENDPOINT. */
export function dynamoDbEndpoint(): string {
  const endpoint = process.env.DYNAMODB_ENDPOINT;
  if (!endpoint) {
    throw new Error(
      'DYNAMODB_ENDPOINT is not set: run integration tests through jest ' +
        '(project "integration"), whose global setup starts DynamoDB Local',
    );
  }

  return endpoint;
}

/**
 * Creates a uniquely named orders table for the calling test file, with
 * the sample menu unless `menu` is false (a test of the table's stream
 * that wants to see only its own writes).
 */
export async function createTestTable(
  options: { menu?: boolean } = {},
): Promise<TestTable> {
  const endpoint = dynamoDbEndpoint();
  const tableName = `test-${randomUUID()}`;
  const adminClient = createLocalDynamoDbClient({ endpoint });
  const client = createDocumentClient({ endpoint });
  await ensureTable(adminClient, tableName);
  if (options.menu !== false) {
    await seedMenu(client, tableName, parseMenu(sampleMenu));
  }

  return {
    tableName,
    client,
    adminClient,
    countItems: () => countItems(adminClient, tableName),
    dispose: async () => {
      await adminClient.send(new DeleteTableCommand({ TableName: tableName }));
      client.destroy();
      adminClient.destroy();
    },
  };
}

/**
 * Counts with a Scan: the application never scans, but a test asking
 * "was anything else written?" has to look at every partition.
 */
async function countItems(
  client: DynamoDBClient,
  tableName: string,
): Promise<number> {
  let count = 0;
  let startKey: ScanCommandOutput['LastEvaluatedKey'];
  do {
    const page = await client.send(
      new ScanCommand({
        TableName: tableName,
        Select: 'COUNT',
        ExclusiveStartKey: startKey,
      }),
    );
    count += page.Count ?? 0;
    startKey = page.LastEvaluatedKey;
  } while (startKey);

  return count;
}
