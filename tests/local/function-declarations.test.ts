import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFunctionDeclarations } from '../../src/local/function-declarations';

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
});
