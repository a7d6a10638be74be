/** The customer store on the single DynamoDB table. */
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
} from '@aws-sdk/lib-dynamodb';
import { customerKey, fromCustomerItem, toCustomerItem } from './customer-item';
import type { Customer, CustomerRepository } from '../customers/model';

/** Constructor arguments of {@link DynamoDbCustomerRepository}. */
export interface DynamoDbCustomerRepositoryOptions {
  client: DynamoDBDocumentClient;
  tableName: string;
}

/**
 * {@link CustomerRepository} on DynamoDB. Orders update customers inside
 * their own transaction; this class reads them, and writes whole profiles
 * for seeding and tests.
 */
export class DynamoDbCustomerRepository implements CustomerRepository {
  private readonly client: DynamoDBDocumentClient;
  private readonly tableName: string;

  constructor(options: DynamoDbCustomerRepositoryOptions) {
    this.client = options.client;
    this.tableName = options.tableName;
  }

  async get(phone: string): Promise<Customer | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: customerKey(phone) }),
    );

    return Item && fromCustomerItem(Item);
  }

  /** Stores or replaces a whole customer profile (seeding and tests). */
  async putCustomer(customer: Customer): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: toCustomerItem(customer),
      }),
    );
  }
}
