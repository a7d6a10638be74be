import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  localFunctionEnvironment,
  resolveFunctionEnvironment,
} from '../../src/local/function-environment';
import { UnresolvedVariable } from '../../src/local/serverless-variables';

let directory: string;

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'function-environment-'));
});

afterAll(() => {
  rmSync(directory, { recursive: true, force: true });
});

/** A serverless.yml of a few lines, for one case. */
function serverlessFile(yaml: string): string {
  const file = join(directory, `${expect.getState().currentTestName}.yml`);
  writeFileSync(file, yaml);

  return file;
}

function environmentOf(yaml: string, stage = 'dev') {
  return resolveFunctionEnvironment({
    file: serverlessFile(yaml),
    stage,
    env: { HOME_TOWN: 'Springfield' },
  });
}

describe('the functions environment from the real serverless.yml', () => {
  it('names the table, service and restaurant for stage dev', () => {
    const environment = resolveFunctionEnvironment({ stage: 'dev' });

    expect(environment).toMatchObject({
      SERVICE_NAME: 'phone-orders',
      STAGE: 'dev',
      TABLE_NAME: 'orders-dev',
      RESTAURANT_NAME: "Tony's Pizzeria",
      TIME_ZONE: 'America/New_York',
      POWERTOOLS_SERVICE_NAME: 'phone-orders',
    });
  });

  it('follows the stage it is asked for', () => {
    const environment = resolveFunctionEnvironment({ stage: 'prod' });

    expect(environment).toMatchObject({
      STAGE: 'prod',
      TABLE_NAME: 'orders-prod',
    });
  });

  it('leaves no variable unresolved', () => {
    const values = Object.values(resolveFunctionEnvironment());

    expect(values.filter((value) => value.includes('${'))).toEqual([]);
  });
});

describe('variables in provider.environment', () => {
  it('prefers params of the stage over params.default', () => {
    const yaml = [
      'params:',
      '  default: { level: INFO, name: Luigi }',
      '  prod: { level: WARN }',
      'provider:',
      '  environment:',
      '    LEVEL: ${param:level}',
      '    NAME: ${param:name}',
    ].join('\n');

    expect(environmentOf(yaml, 'prod')).toEqual({
      LEVEL: 'WARN',
      NAME: 'Luigi',
    });
  });

  it('resolves opt, env, self, fallbacks and plain values', () => {
    const yaml = [
      'service: pizza',
      'custom: { table: "things-${sls:stage}" }',
      'provider:',
      '  environment:',
      '    STAGE: ${opt:stage}',
      '    TOWN: ${env:HOME_TOWN}',
      "    MISSING: ${env:NOT_SET, 'spare'}",
      '    NESTED: ${env:NOT_SET, ${self:service}}',
      '    BARE: ${env:NOT_SET, self:service}',
      '    TABLE: ${self:custom.table}',
      '    RATE: 8.875',
      '    PLAIN: just text',
    ].join('\n');

    expect(environmentOf(yaml, 'qa')).toEqual({
      STAGE: 'qa',
      TOWN: 'Springfield',
      MISSING: 'spare',
      NESTED: 'pizza',
      BARE: 'pizza',
      TABLE: 'things-qa',
      RATE: '8.875',
      PLAIN: 'just text',
    });
  });

  it('takes a --param before the params of serverless.yml', () => {
    const yaml = [
      'params: { default: { level: INFO } }',
      'provider: { environment: { LEVEL: "${param:level}" } }',
    ].join('\n');

    const environment = resolveFunctionEnvironment({
      file: serverlessFile(yaml),
      params: { level: 'DEBUG' },
    });

    expect(environment).toEqual({ LEVEL: 'DEBUG' });
  });

  it('adds what a function sets for itself', () => {
    const yaml = [
      'provider: { environment: { SHARED: one } }',
      'functions:',
      '  sma: { handler: x.handler, environment: { OWN: two } }',
    ].join('\n');

    expect(environmentOf(yaml)).toEqual({ SHARED: 'one', OWN: 'two' });
  });

  it('names an unknown param in its error', () => {
    const yaml = [
      'params: { default: { known: 1 } }',
      'provider: { environment: { X: "${param:x}" } }',
    ].join('\n');

    expect(() => environmentOf(yaml)).toThrow(UnresolvedVariable);
    expect(() => environmentOf(yaml)).toThrow(
      'cannot resolve ${param:x} in provider.environment.X: ' +
        'no param "x" in params.dev or params.default',
    );
  });

  it('refuses a CloudFormation reference, which only AWS can resolve', () => {
    const yaml = 'provider: { environment: { TABLE: !Ref OrdersTable } }';

    expect(() => environmentOf(yaml)).toThrow(/provider\.environment\.TABLE/);
  });
});

describe('the local environment', () => {
  const local = (env: Record<string, string> = {}, verbose = false) =>
    localFunctionEnvironment({
      stage: 'dev',
      dynamodbEndpoint: 'http://127.0.0.1:8000',
      verbose,
      env,
    });

  it('points at DynamoDB Local with dummy credentials and quiet logs', () => {
    expect(local()).toMatchObject({
      TABLE_NAME: 'orders-dev',
      DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000',
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      POWERTOOLS_METRICS_DISABLED: 'true',
      POWERTOOLS_LOG_LEVEL: 'WARN',
    });
  });

  it('shows INFO logs when verbose', () => {
    expect(local({}, true).POWERTOOLS_LOG_LEVEL).toBe('INFO');
  });

  it('keeps opening hours set in the shell', () => {
    const hours = 'mon-fri 11:00-22:00';

    expect(local({ OPENING_HOURS: hours }).OPENING_HOURS).toBe(hours);
  });
});
