/**
 * The sendSms entry points, bundled as the package step bundles them.
 * serverless.yml picks one by the smsDriver param; each carries the SDK
 * client of its driver and no other SMS client, and refuses, as it loads,
 * an SMS_DRIVER it cannot send with.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMS_DRIVERS } from '../../src/config/notification-settings';
import { readFunctionDeclarations } from '../../src/local/function-declarations';
import { loadServerlessConfig } from '../../src/local/serverless-config';
import { pathValue } from '../../src/local/serverless-variables';
import type { AwsSmsDriver } from '../../src/wiring/send-sms';
import {
  bundledPackages,
  bundleFunction,
  type FunctionBundle,
  loadHandler,
} from '../support/bundled-function';

/** The SDK client each AWS driver sends with. */
const CLIENT_OF: Record<AwsSmsDriver, string> = {
  'end-user-messaging': '@aws-sdk/client-pinpoint-sms-voice-v2',
  pinpoint: '@aws-sdk/client-pinpoint',
};

const AWS_DRIVERS = Object.keys(CLIENT_OF) as AwsSmsDriver[];

const ENVIRONMENT = {
  TABLE_NAME: 'orders-test',
  RESTAURANT_NAME: "Tony's Pizzeria",
  TIME_ZONE: 'America/New_York',
  AWS_REGION: 'us-east-1',
  PINPOINT_APPLICATION_ID: '4f1c2a9e8b7d4c6e9a0b1c2d3e4f5a6b',
  POWERTOOLS_LOG_LEVEL: 'SILENT',
  POWERTOOLS_METRICS_DISABLED: 'true',
};

let directory: string;
const saved = { ...process.env };
/** Each driver's entry point, bundled once. */
const bundles = new Map<AwsSmsDriver, FunctionBundle>();

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), 'send-sms-'));
  for (const driver of AWS_DRIVERS) {
    bundles.set(driver, await bundleFunction(entryFor(driver), directory));
  }
}, 60_000);

afterAll(() => {
  rmSync(directory, { recursive: true, force: true });
});

afterEach(() => {
  process.env = { ...saved };
});

/** The file under functions/ sendSms is deployed from for `driver`. */
function entryFor(driver: string): string {
  const sendSms = readFunctionDeclarations('dev', undefined, {
    smsDriver: driver,
  }).find((fn) => fn.key === 'sendSms');
  const match = /^functions\/([\w-]+)\.handler$/.exec(sendSms?.handler ?? '');
  if (match?.[1] === undefined) {
    throw new Error(`sendSms's handler is "${sendSms?.handler}"`);
  }

  return match[1];
}

/** The bundle for `driver`, loaded with SMS_DRIVER=`smsDriver`. */
function loadWith(driver: AwsSmsDriver, smsDriver: string) {
  Object.assign(process.env, ENVIRONMENT, { SMS_DRIVER: smsDriver });
  // A copy each time: a loaded bundle stays in the module cache.
  const copy = join(directory, `${driver}-with-${smsDriver}.cjs`);
  copyFileSync(bundleOf(driver).outfile, copy);

  return loadHandler(copy);
}

function bundleOf(driver: AwsSmsDriver): FunctionBundle {
  const bundle = bundles.get(driver);
  if (bundle === undefined) throw new Error(`${driver} was not bundled`);

  return bundle;
}

describe("serverless.yml's SMS drivers", () => {
  it('deploy every AWS driver the settings accept, each from its own file', () => {
    const deployed = Object.keys(
      pathValue(loadServerlessConfig(), ['custom', 'smsDrivers']) ?? {},
    );
    const entries = deployed.map(entryFor);

    expect(deployed.sort()).toEqual(
      SMS_DRIVERS.filter((driver) => driver !== 'outbox').sort(),
    );
    expect(new Set(entries).size).toBe(entries.length);
  });
});

describe.each(AWS_DRIVERS)('sendSms deployed with smsDriver=%s', (driver) => {
  const otherDriver = AWS_DRIVERS.find((other) => other !== driver);

  it("bundles the driver's SDK client beside DynamoDB's, and no other", () => {
    const clients = bundledPackages(bundleOf(driver)).filter((name) =>
      name.startsWith('@aws-sdk/client-'),
    );

    expect(clients).toEqual(
      ['@aws-sdk/client-dynamodb', CLIENT_OF[driver]].sort(),
    );
  });

  it('refuses to load when SMS_DRIVER names the other driver', async () => {
    // Act
    const act = loadWith(driver, otherDriver ?? '');

    // Assess
    await expect(act).rejects.toThrow(
      `invalid configuration: SMS_DRIVER is ${otherDriver}, but this ` +
        `function carries ${driver} only: deploy it with the smsDriver ` +
        `param ${otherDriver}, which sets both`,
    );
  });

  it.each([driver, 'outbox'])(
    'loads a handler when SMS_DRIVER is %s',
    async (smsDriver) => {
      // Act
      const handler = await loadWith(driver, smsDriver);

      // Assess
      expect(handler).toEqual(expect.any(Function));
    },
  );
});
