import {
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  type TableDescription,
} from '@aws-sdk/client-dynamodb';
import { ensureTable } from '../../src/local/table';
import { createTestTable, type TestTable } from '../support/dynamodb';

let table: TestTable;
let description: TableDescription;

beforeAll(async () => {
  table = await createTestTable();
  const described = await table.adminClient.send(
    new DescribeTableCommand({ TableName: table.tableName }),
  );
  description = described.Table!;
});

afterAll(() => table.dispose());

describe('the local table created from serverless.yml', () => {
  it('is keyed by PK and SK', () => {
    expect(description.KeySchema).toEqual([
      { AttributeName: 'PK', KeyType: 'HASH' },
      { AttributeName: 'SK', KeyType: 'RANGE' },
    ]);
  });

  it('has the three global secondary indexes', () => {
    const indexes = (description.GlobalSecondaryIndexes ?? [])
      .map((index) => ({
        name: index.IndexName,
        keys: index.KeySchema?.map((key) => key.AttributeName),
        projection: index.Projection?.ProjectionType,
      }))
      .sort((a, b) => String(a.name).localeCompare(String(b.name)));

    expect(indexes).toEqual([
      { name: 'GSI1', keys: ['GSI1PK', 'GSI1SK'], projection: 'ALL' },
      { name: 'GSI2', keys: ['GSI2PK', 'GSI2SK'], projection: 'ALL' },
    ]);
  });

  it('has a stream with new and old images', () => {
    expect(description.StreamSpecification).toEqual({
      StreamEnabled: true,
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    });
    expect(description.LatestStreamArn).toEqual(expect.any(String));
  });

  it('expires items on expiresAt', async () => {
    const { TimeToLiveDescription } = await table.adminClient.send(
      new DescribeTimeToLiveCommand({ TableName: table.tableName }),
    );

    expect(TimeToLiveDescription).toEqual({
      TimeToLiveStatus: 'ENABLED',
      AttributeName: 'expiresAt',
    });
  });

  it('is left as it is when ensured again', async () => {
    await ensureTable(table.adminClient, table.tableName);

    const again = await table.adminClient.send(
      new DescribeTableCommand({ TableName: table.tableName }),
    );
    expect(again.Table?.CreationDateTime).toEqual(description.CreationDateTime);
  });
});
