/**
 * Creates the local orders table from its definition in serverless.yml, so
 * the local table is always the deployed one: same keys, indexes, stream
 * and TTL attribute.
 */
import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DescribeTimeToLiveCommand,
  type DynamoDBClient,
  ResourceInUseException,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import * as z from 'zod/mini';
import '../validation/english-messages';
import { loadServerlessConfig, SERVERLESS_FILE } from './serverless-config';

const keySchema = z.array(
  z.object({
    AttributeName: z.string(),
    KeyType: z.enum(['HASH', 'RANGE']),
  }),
);

const index = z.object({
  IndexName: z.string(),
  KeySchema: keySchema,
  Projection: z.object({
    ProjectionType: z.enum(['ALL', 'KEYS_ONLY', 'INCLUDE']),
    NonKeyAttributes: z.optional(z.array(z.string())),
  }),
});

/** The part of an `AWS::DynamoDB::Table`'s Properties a local table needs. */
export const tablePropertiesSchema = z.object({
  BillingMode: z.optional(z.enum(['PAY_PER_REQUEST', 'PROVISIONED'])),
  AttributeDefinitions: z.array(
    z.object({
      AttributeName: z.string(),
      AttributeType: z.enum(['S', 'N', 'B']),
    }),
  ),
  KeySchema: keySchema,
  GlobalSecondaryIndexes: z.optional(z.array(index)),
  LocalSecondaryIndexes: z.optional(z.array(index)),
  StreamSpecification: z.optional(
    z.object({
      StreamViewType: z.enum([
        'KEYS_ONLY',
        'NEW_IMAGE',
        'OLD_IMAGE',
        'NEW_AND_OLD_IMAGES',
      ]),
    }),
  ),
  TimeToLiveSpecification: z.optional(
    z.object({ AttributeName: z.string(), Enabled: z.boolean() }),
  ),
});

/** A table's definition as written in serverless.yml. */
export type TableProperties = z.infer<typeof tablePropertiesSchema>;

/** Which table of which file; the defaults name the orders table. */
export interface TableSource {
  /** Logical id under `resources.Resources`. Default `OrdersTable`. */
  logicalId?: string;
  /** Path to serverless.yml. Default: the repository's. */
  file?: string;
}

const resourcesSchema = z.object({
  resources: z.object({
    Resources: z.record(
      z.string(),
      z.object({ Type: z.string(), Properties: z.unknown() }),
    ),
  }),
});

/**
 * Reads a table's Properties from serverless.yml. Throws with the path of
 * the offending field when the definition has a shape this code does not
 * know, rather than creating a table that differs from the deployed one.
 */
export function readTableProperties(source: TableSource = {}): TableProperties {
  const { logicalId = 'OrdersTable', file = SERVERLESS_FILE } = source;
  const config = resourcesSchema.parse(loadServerlessConfig(file));
  const resource = config.resources.Resources[logicalId];
  if (resource?.Type !== 'AWS::DynamoDB::Table') {
    throw new Error(`${file} has no AWS::DynamoDB::Table named ${logicalId}`);
  }
  const parsed = tablePropertiesSchema.safeParse(resource.Properties);
  if (!parsed.success) {
    throw new Error(
      `${logicalId} in ${file} cannot be created locally:\n` +
        z.prettifyError(parsed.error),
    );
  }

  return parsed.data;
}

/** Turns a table's Properties into a CreateTable request for `tableName`. */
export function toCreateTableInput(
  properties: TableProperties,
  tableName: string,
): CreateTableCommandInput {
  const stream = properties.StreamSpecification;

  return {
    TableName: tableName,
    AttributeDefinitions: properties.AttributeDefinitions,
    KeySchema: properties.KeySchema,
    GlobalSecondaryIndexes: properties.GlobalSecondaryIndexes,
    LocalSecondaryIndexes: properties.LocalSecondaryIndexes,
    // Provisioned tables would need throughput figures; local does not care.
    BillingMode: 'PAY_PER_REQUEST',
    StreamSpecification: stream && {
      StreamEnabled: true,
      StreamViewType: stream.StreamViewType,
    },
  };
}

/**
 * Creates `tableName` from serverless.yml unless it exists, waits until it
 * is active and enables its TTL attribute. Safe to call on every start.
 */
export async function ensureTable(
  client: DynamoDBClient,
  tableName: string,
  source: TableSource = {},
): Promise<void> {
  const properties = readTableProperties(source);
  await createTableIfMissing(client, toCreateTableInput(properties, tableName));
  await waitUntilTableExists(
    { client, maxWaitTime: 30, minDelay: 1 },
    { TableName: tableName },
  );

  const ttl = properties.TimeToLiveSpecification;
  if (ttl?.Enabled) await enableTtl(client, tableName, ttl.AttributeName);
}

async function createTableIfMissing(
  client: DynamoDBClient,
  input: CreateTableCommandInput,
): Promise<void> {
  try {
    await client.send(new CreateTableCommand(input));
  } catch (error) {
    // Created by an earlier start, or a concurrent one: either is fine.
    if (!(error instanceof ResourceInUseException)) throw error;
  }
}

async function enableTtl(
  client: DynamoDBClient,
  tableName: string,
  attributeName: string,
): Promise<void> {
  const { TimeToLiveDescription: current } = await client.send(
    new DescribeTimeToLiveCommand({ TableName: tableName }),
  );
  // Enabling it twice is a ValidationException on AWS.
  if (current?.TimeToLiveStatus === 'ENABLED') return;

  await client.send(
    new UpdateTimeToLiveCommand({
      TableName: tableName,
      TimeToLiveSpecification: { AttributeName: attributeName, Enabled: true },
    }),
  );
}
