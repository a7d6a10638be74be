/**
 * Jest global setup of the integration project: one DynamoDB Local for the
 * whole run (it takes seconds to start), on a free port. Test files find it
 * through DYNAMODB_ENDPOINT and each creates its own table.
 */
import { startDynamoDbLocal } from '../../src/local/dynamodb-local';
import { rememberDynamoDbLocal } from './dynamodb-local-handle';

export default async function startDynamoDbForTests(): Promise<void> {
  const startedAt = Date.now();
  const local = await startDynamoDbLocal();
  rememberDynamoDbLocal(local);
  // Workers are started after global setup and inherit this environment.
  process.env.DYNAMODB_ENDPOINT = local.endpoint;
  if (process.env.DYNAMODB_LOCAL_TIMING) {
    process.stderr.write(
      `\nDynamoDB Local answered on ${local.endpoint} ` +
        `after ${Date.now() - startedAt} ms\n`,
    );
  }
}
