import { load } from 'js-yaml';
import { serverlessYamlSchema } from '../../src/local/serverless-config';

function parse(yaml: string): unknown {
  return load(yaml, { schema: serverlessYamlSchema });
}

describe('serverlessYamlSchema', () => {
  it('loads short-form intrinsic functions as their long form', () => {
    const yaml = [
      'ref: !Ref Table',
      'att: !GetAtt Table.StreamArn',
      'sub: !Sub "orders-${sls:stage}"',
      'join: !Join [":", [a, !Ref B]]',
      'when: !If [IsProd, 1, 2]',
      'map: !Base64 { "Fn::Sub": x }',
    ].join('\n');

    expect(parse(yaml)).toEqual({
      ref: { Ref: 'Table' },
      att: { 'Fn::GetAtt': ['Table', 'StreamArn'] },
      sub: { 'Fn::Sub': 'orders-${sls:stage}' },
      join: { 'Fn::Join': [':', ['a', { Ref: 'B' }]] },
      when: { 'Fn::If': ['IsProd', 1, 2] },
      map: { 'Fn::Base64': { 'Fn::Sub': 'x' } },
    });
  });

  it('still rejects a tag CloudFormation does not have', () => {
    expect(() => parse('x: !Reff Table')).toThrow(/!Reff/);
  });
});
