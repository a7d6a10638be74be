/**
 * SDK clients for a local DynamoDB endpoint, with dummy credentials so that
 * nothing on a developer's machine needs an AWS account.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** Where the local DynamoDB listens. */
export interface LocalDynamoDbEndpoint {
  /** e.g. `http://127.0.0.1:8000`. */
  endpoint: string;
  /** Any region name; DynamoDB Local runs with `-sharedDb`. */
  region?: string;
}

const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

/** A low-level client for table administration (create, describe, TTL). */
export function createLocalDynamoDbClient({
  endpoint,
  region = 'local',
}: LocalDynamoDbEndpoint): DynamoDBClient {
  return new DynamoDBClient({
    endpoint,
    region,
    credentials: LOCAL_CREDENTIALS,
  });
}

/**
 * A document client for the repositories. Undefined attributes are dropped
 * rather than rejected, as optional model fields are often undefined.
 */
export function createDocumentClient(
  options: LocalDynamoDbEndpoint,
): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(createLocalDynamoDbClient(options), {
    marshallOptions: { removeUndefinedValues: true },
  });
}
