/** The customer store on the single DynamoDB table. */
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import {
  customerKey,
  fromCustomerItem,
  PROFILE_SORT_KEY,
  toCustomerItem,
} from './customer-item';
import { callerPartition } from './order-item';
import type {
  Customer,
  CustomerChanges,
  CustomerRepository,
} from '../customers/model';

/** Constructor arguments of {@link DynamoDbCustomerRepository}. */
export interface DynamoDbCustomerRepositoryOptions {
  client: DynamoDBDocumentClient;
  tableName: string;
  /** Stamps created and updated profiles. Default: the system clock. */
  clock?: () => Date;
}

/** The profile fields staff may change, each under a placeholder name. */
const CHANGEABLE = ['name', 'email', 'deliveryAddress'] as const;

/**
 * {@link CustomerRepository} on DynamoDB. Orders update customers inside
 * their own transaction; this class reads them, applies staff's changes,
 * and writes whole profiles for seeding and tests.
 */
export class DynamoDbCustomerRepository implements CustomerRepository {
  private readonly client: DynamoDBDocumentClient;
  private readonly tableName: string;
  private readonly clock: () => Date;

  constructor(options: DynamoDbCustomerRepositoryOptions) {
    this.client = options.client;
    this.tableName = options.tableName;
    this.clock = options.clock ?? (() => new Date());
  }

  async get(phone: string): Promise<Customer | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: customerKey(phone) }),
    );

    return Item && fromCustomerItem(Item);
  }

  /**
   * One update that creates the profile when missing, with the same keys
   * the order transaction gives it, so a later order counts on it.
   */
  async update(phone: string, changes: CustomerChanges): Promise<Customer> {
    const given = CHANGEABLE.filter((field) => changes[field] !== undefined);
    const assignments = [
      'entity = :entity',
      'phone = :phone',
      'GSI2PK = :caller',
      'GSI2SK = :profile',
      'orderCount = if_not_exists(orderCount, :zero)',
      'createdAt = if_not_exists(createdAt, :now)',
      'updatedAt = :now',
      ...given.map((field) => `#${field} = :${field}`),
    ];
    const { Attributes = {} } = await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: customerKey(phone),
        UpdateExpression: `SET ${assignments.join(', ')}`,
        // Placeholders for every field: `name` is a reserved word.
        ExpressionAttributeNames: namesOf(given),
        ExpressionAttributeValues: {
          ':entity': 'CUSTOMER',
          ':phone': phone,
          ':caller': callerPartition(phone),
          ':profile': PROFILE_SORT_KEY,
          ':zero': 0,
          ':now': this.clock().toISOString(),
          ...Object.fromEntries(given.map((f) => [`:${f}`, changes[f]])),
        },
        ReturnValues: 'ALL_NEW',
      }),
    );

    return fromCustomerItem(Attributes);
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

/** DynamoDB rejects an empty name map, so none is sent without fields. */
function namesOf(
  fields: readonly string[],
): Record<string, string> | undefined {
  if (fields.length === 0) return undefined;

  return Object.fromEntries(fields.map((field) => [`#${field}`, field]));
}
