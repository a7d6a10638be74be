/** Jest global teardown: stops the run's DynamoDB Local (see the setup). */
import { takeDynamoDbLocal } from './dynamodb-local-handle';

export default async function stopDynamoDbForTests(): Promise<void> {
  await takeDynamoDbLocal()?.stop();
}
