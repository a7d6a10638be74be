import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFunctionDeclarations } from '../../src/local/function-declarations';
import { resolveFunctionEnvironment } from '../../src/local/function-environment';
import { UnresolvedVariable } from '../../src/local/serverless-variables';

let directory: string;

beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), 'function-declarations-'));
});

afterAll(() => {
  rmSync(directory, { recursive: true, force: true });
});

describe('a handler chosen by a param', () => {
  const yaml = [
    'service: shop',
    'params: { default: { oven: gas } }',
    'custom:',
    '  ovens:',
    '    gas: { handler: functions/gas.handler }',
    '    wood: { handler: functions/wood.handler }',
    'functions:',
    '  bake: { handler: "${self:custom.ovens.${param:oven}.handler}" }',
  ].join('\n');

  function bakeHandler(params?: Record<string, string>): string | undefined {
    const file = join(directory, 'serverless.yml');
    writeFileSync(file, yaml);

    return readFunctionDeclarations('dev', file, params)[0]?.handler;
  }

  it("resolves as a deployment does, from the params' default", () => {
    expect(bakeHandler()).toBe('functions/gas.handler');
  });

  it('follows a --param', () => {
    expect(bakeHandler({ oven: 'wood' })).toBe('functions/wood.handler');
  });

  it('names the handler when the param picks nothing', () => {
    expect(() => bakeHandler({ oven: 'coal' })).toThrow(
      'cannot resolve ${self:custom.ovens.${param:oven}.handler} in ' +
        'functions.bake.handler: serverless.yml has no ' +
        'custom.ovens.coal.handler',
    );
  });
});

function sendSms(params?: Record<string, string>) {
  return readFunctionDeclarations('dev', undefined, params).find(
    (fn) => fn.key === 'sendSms',
  );
}

describe('the functions of the real serverless.yml', () => {
  it('names each function for the stage and points at its file', () => {
    const sma = readFunctionDeclarations('qa').find((fn) => fn.key === 'sma');

    expect(sma).toEqual({
      key: 'sma',
      name: 'phone-orders-qa-sma',
      handler: 'functions/sma.handler',
      timeoutSeconds: 5,
      memorySize: 1024,
    });
  });

  it('deploys sendSms from the End User Messaging entry point by default', () => {
    expect(sendSms()?.handler).toBe('functions/send-sms.handler');
  });

  it('deploys sendSms from the Pinpoint entry point for smsDriver=pinpoint', () => {
    expect(sendSms({ smsDriver: 'pinpoint' })?.handler).toBe(
      'functions/send-sms-pinpoint.handler',
    );
  });

  it('refuses a driver serverless.yml does not deploy, the outbox included', () => {
    for (const smsDriver of ['outbox', 'carrier-pigeon']) {
      expect(() => sendSms({ smsDriver })).toThrow(UnresolvedVariable);
      expect(() => sendSms({ smsDriver })).toThrow(
        /functions\.sendSms\.handler/,
      );
    }
  });

  it.each(['end-user-messaging', 'pinpoint'])(
    'gives sendSms the SMS_DRIVER its entry point was chosen for (%s)',
    (smsDriver) => {
      const environment = resolveFunctionEnvironment({
        stage: 'dev',
        params: { smsDriver },
      });

      expect(environment.SMS_DRIVER).toBe(smsDriver);
    },
  );
});
