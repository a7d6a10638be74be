import {
  CloudFormationSpec,
  type Template,
} from '../support/cloudformation-spec';

const spec = new CloudFormationSpec();

function sipMediaApplication(properties: Record<string, unknown>): Template {
  return {
    Resources: {
      Sma: { Type: 'AWS::Chime::SipMediaApplication', Properties: properties },
    },
  };
}

const VALID = {
  Name: 'phone-orders-ci',
  AwsRegion: { Ref: 'AWS::Region' },
  Endpoints: [{ LambdaArn: { 'Fn::GetAtt': ['SmaLambdaFunction', 'Arn'] } }],
};

describe('CloudFormationSpec', () => {
  it('accepts a resource as CloudFormation declares it', () => {
    expect(spec.propertyProblems(sipMediaApplication(VALID))).toEqual([]);
  });

  it('reports a type CloudFormation does not have', () => {
    const template = { Resources: { X: { Type: 'AWS::Chime::PhoneNumber' } } };

    expect(spec.propertyProblems(template)).toEqual([
      'X: unknown type AWS::Chime::PhoneNumber',
    ]);
  });

  it('reports unknown and missing properties, nested ones too', () => {
    const template = sipMediaApplication({
      AwsRegion: VALID.AwsRegion,
      Region: 'us-east-1',
      Endpoints: [{ LambdaArn: 'arn:aws:lambda:x', Arn: 'y' }],
    });

    expect(spec.propertyProblems(template)).toEqual([
      'Sma.Properties.Region is not a property',
      'Sma.Properties.Name is required',
      'Sma.Properties.Endpoints[0].Arn is not a property',
    ]);
  });

  it('does not look into intrinsic functions', () => {
    const template = sipMediaApplication({
      ...VALID,
      Endpoints: { 'Fn::If': ['HasBot', [], []] },
    });

    expect(spec.propertyProblems(template)).toEqual([]);
  });

  it('lets a custom resource have any property but needs its ServiceToken', () => {
    const template = {
      Resources: {
        Number: { Type: 'Custom::PhoneNumber', Properties: { AreaCode: '' } },
      },
    };

    expect(spec.propertyProblems(template)).toEqual([
      'Number.Properties.ServiceToken is required',
    ]);
  });

  it('reports an attribute a resource does not have', () => {
    const template: Template = {
      Resources: {
        ...sipMediaApplication({
          ...VALID,
          Endpoints: [{ LambdaArn: 'arn:aws:lambda:us-east-1:1:function:sma' }],
        }).Resources,
        Grant: {
          Type: 'AWS::Lambda::Permission',
          Properties: {
            SourceArn: { 'Fn::Sub': 'arn:x:sma/${Sma.Id}' },
            FunctionName: { 'Fn::GetAtt': ['Missing', 'Arn'] },
          },
        },
      },
    };

    expect(spec.attributeProblems(template)).toEqual([
      'Resources.Grant.Properties.SourceArn: AWS::Chime::SipMediaApplication has no attribute Id',
      'Resources.Grant.Properties.FunctionName: no resource Missing',
    ]);
  });
});
