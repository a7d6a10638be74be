import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readTableProperties, toCreateTableInput } from '../../src/local/table';

function serverlessFile(yaml: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'table-test-')), 'sls.yml');
  writeFileSync(file, yaml);

  return file;
}

const withIntrinsics = `
resources:
  Resources:
    Bus:
      Type: AWS::Events::EventBus
      Properties:
        Name: !Sub '\${AWS::StackName}-bus'
    Rule:
      Type: AWS::Events::Rule
      Properties:
        EventBusName: !Ref Bus
        Targets:
          - Arn: !GetAtt Queue.Arn
            Id: !Join ['-', [a, !Ref Bus]]
        State: !If [IsProd, ENABLED, DISABLED]
    Sessions:
      Type: AWS::DynamoDB::Table
      Properties:
        TableName: !Sub 'sessions-\${sls:stage}'
        BillingMode: PAY_PER_REQUEST
        AttributeDefinitions:
          - { AttributeName: id, AttributeType: S }
        KeySchema:
          - { AttributeName: id, KeyType: HASH }
        TimeToLiveSpecification: { AttributeName: expiresAt, Enabled: true }
`;

describe('readTableProperties', () => {
  it("reads the repository's OrdersTable", () => {
    const properties = readTableProperties();

    expect(properties.GlobalSecondaryIndexes).toHaveLength(2);
    expect(properties.TimeToLiveSpecification?.AttributeName).toBe('expiresAt');
  });

  it('reads past CloudFormation short-form tags in other resources', () => {
    const file = serverlessFile(withIntrinsics);

    const properties = readTableProperties({ file, logicalId: 'Sessions' });

    expect(properties.KeySchema).toEqual([
      { AttributeName: 'id', KeyType: 'HASH' },
    ]);
  });

  it('says which table is missing', () => {
    const file = serverlessFile(withIntrinsics);

    expect(() => readTableProperties({ file, logicalId: 'Nope' })).toThrow(
      `${file} has no AWS::DynamoDB::Table named Nope`,
    );
  });

  it('refuses a definition it does not understand, naming the field', () => {
    const file = serverlessFile(
      withIntrinsics.replace('KeyType: HASH', 'KeyType: PRIMARY'),
    );

    expect(() => readTableProperties({ file, logicalId: 'Sessions' })).toThrow(
      /KeySchema\[0\]\.KeyType/,
    );
  });
});

describe('toCreateTableInput', () => {
  it('names the table and turns the stream on', () => {
    const input = toCreateTableInput(readTableProperties(), 'orders-local');

    expect(input).toMatchObject({
      TableName: 'orders-local',
      BillingMode: 'PAY_PER_REQUEST',
      StreamSpecification: {
        StreamEnabled: true,
        StreamViewType: 'NEW_AND_OLD_IMAGES',
      },
    });
  });
});
