import type { Context } from 'aws-lambda';
import { invokeInProcess } from '../../src/local/lambda-clients';

/** Invokes a handler that reports the context it was given. */
async function contextSeenBy(key: string) {
  const invoke = invokeInProcess(
    (_event: unknown, context: Context) => ({
      functionName: context.functionName,
      remainingMs: context.getRemainingTimeInMillis(),
    }),
    key,
  );

  return (await invoke({})) as { functionName: string; remainingMs: number };
}

describe('a handler invoked in this process', () => {
  it.each([
    ['sma', 'phone-orders-dev-sma', 5],
    ['staffApi', 'phone-orders-dev-staffApi', 10],
  ])(
    'runs as %s is deployed: named %s, with its %i s timeout',
    async (key, name, timeoutSeconds) => {
      const seen = await contextSeenBy(key);

      expect(seen.functionName).toBe(name);
      expect(seen.remainingMs).toBeLessThanOrEqual(timeoutSeconds * 1000);
      expect(seen.remainingMs).toBeGreaterThan((timeoutSeconds - 1) * 1000);
    },
  );

  it('refuses a function serverless.yml does not declare', () => {
    expect(() => invokeInProcess(() => ({}), 'ghost')).toThrow(
      'serverless.yml declares no function ghost',
    );
  });
});
