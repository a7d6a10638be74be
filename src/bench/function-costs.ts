/**
 * Item 4: every function's bundle size and cold start beside its floor
 * (the SDK clients it uses, loaded and constructed, nothing else) and an
 * empty handler, and the SDK clients each bundle carries without using.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { DynamoDbCustomerRepository } from '../storage/dynamodb-customer-repository';
import { DynamoDbOrderRepository } from '../storage/dynamodb-order-repository';
import { createDocumentClient } from '../local/document-client';
import { OrderAlreadyPlaced, type Order } from '../orders/model';
import { startAwsStub } from './aws-stub';
import type { BenchStack } from './bench-stack';
import {
  buildFunction,
  buildSource,
  floorSource,
  functionEntries,
  LIBRARIES,
  type BundleReport,
  type ReferenceAnswer,
} from './bundles';
import {
  type ColdStartTimes,
  type ColdStartVariant,
  timeColdStarts,
} from './cold-start';
import { CLIENTS_ON_PATH, floorName, type SdkClient } from './sdk-clients';

/** One function beside its references. */
export interface FunctionCost {
  key: string;
  bundle: BundleReport;
  floor: BundleReport;
  /** Absent for a function without a sample event (provisionPhone). */
  coldStart?: ColdStartTimes;
  floorColdStart?: ColdStartTimes;
}

/**
 * Where sma's cold start goes: its floor with zod, then with middy and
 * Powertools too; what is left above that is our own code and its first
 * requests.
 */
export interface ColdStartSteps {
  withZod: ColdStartTimes;
  withLibraries: ColdStartTimes;
  /** The floor, answering only after sma's first two reads. */
  floorWithReads: ColdStartTimes;
}

/** Item 4's results. */
export interface FunctionCosts {
  functions: FunctionCost[];
  /** Functions whose handler did not build, with esbuild's message. */
  failedBuilds: Failed[];
  empty: BundleReport;
  emptyColdStart: ColdStartTimes;
  smaSteps: ColdStartSteps;
  runs: number;
}

const SMA_STEPS = {
  withZod: [LIBRARIES.zod],
  withLibraries: [LIBRARIES.zod, LIBRARIES.middyPowertools],
};

/**
 * The two reads sma sends, side by side, as it answers a new call: the
 * menu's partition and the caller's profile. A floor that sends them
 * shows what the SDK's first requests cost, which no implementation
 * answering a call from the table escapes.
 */
const SMA_FIRST_READS: ReferenceAnswer = {
  imports: "import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';",
  body:
    'const [documents] = loaded; const TableName = process.env.TABLE_NAME;' +
    ' await Promise.all([documents.send(new QueryCommand({ TableName,' +
    " KeyConditionExpression: 'PK = :menu', ConsistentRead: true," +
    " ExpressionAttributeValues: { ':menu': 'MENU' } }))," +
    ' documents.send(new GetCommand({ TableName,' +
    " Key: { PK: 'CUSTOMER#+12065550100', SK: 'PROFILE' } }))]);",
};

/** The reference bundle of sma's floor sending its first reads. */
const SMA_FLOOR_WITH_READS = 'sma-floorWithReads';

/** A function built, beside its floor. */
interface Built {
  key: string;
  bundle: BundleReport;
  floor: BundleReport;
}

/** A function that did not build, and why. */
interface Failed {
  key: string;
  error: string;
}

/** esbuild's message (see BuildFailed), or the error's. */
function buildError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The realistic event each function answers on its cold start. */
const SAMPLE_EVENTS: Record<string, string> = {
  sma: 'sma-new-inbound-call.json',
  lexHook: 'lex-hook-order-food.json',
  staffApi: 'staff-api-list-orders.json',
  orderEvents: 'order-events-stream.json',
  sendSms: 'send-sms-order-placed.json',
  sendEmail: 'send-email-order-completed.json',
};

const EVENTS_DIRECTORY = join(__dirname, '..', '..', 'events');

function readEvent(file: string): unknown {
  return JSON.parse(readFileSync(join(EVENTS_DIRECTORY, file), 'utf8'));
}

/**
 * A fresh copy of the event; a notification gets a new event id, or its
 * consumer would skip it as already sent after the first run.
 */
function eventFactory(file: string): () => unknown {
  const sample = readEvent(file);

  return () => {
    const event = structuredClone(sample) as {
      detail?: { metadata?: { id?: string } };
    };
    if (event.detail?.metadata !== undefined) {
      event.detail.metadata.id = `bench-${randomUUID()}`;
    }

    return event;
  };
}

/** Builds every bundle, then times the cold starts. */
export async function measureFunctionCosts(
  stack: BenchStack,
  outdir: string,
  runs: number,
): Promise<FunctionCosts> {
  // Functions that use the same clients share one floor, built once.
  const floors = new Map<string, Promise<BundleReport>>();
  const floorFor = (clients: readonly SdkClient[]) => {
    const name = floorName(clients);
    let floor = floors.get(name);
    if (floor === undefined) {
      floor = buildSource(name, floorSource(clients), outdir);
      floors.set(name, floor);
    }

    return floor;
  };
  const attempts = await Promise.all(
    functionEntries().map(async ({ key, entry }): Promise<Built | Failed> => {
      try {
        const [bundle, floor] = await Promise.all([
          buildFunction(key, entry, outdir),
          floorFor(CLIENTS_ON_PATH[key] ?? []),
        ]);

        return { key, bundle, floor };
      } catch (error) {
        // One function that does not build must not hide the others.
        return { key, error: buildError(error) };
      }
    }),
  );
  const built = attempts.filter((attempt) => 'bundle' in attempt);
  const failedBuilds = attempts.filter((attempt) => 'error' in attempt);
  const references = await Promise.all([
    buildSource('empty', floorSource([]), outdir),
    ...Object.entries(SMA_STEPS).map(([name, extra]) =>
      buildSource(
        `sma-${name}`,
        floorSource(['client-dynamodb'], extra),
        outdir,
      ),
    ),
    buildSource(
      SMA_FLOOR_WITH_READS,
      floorSource(['client-dynamodb'], [], SMA_FIRST_READS),
      outdir,
    ),
  ]);
  await putSampleOrder(stack);
  const stub = await startAwsStub();
  try {
    const environment = coldStartEnvironment(stack, stub.environment);
    const variants = coldStartVariants(built, references, {
      ...environment,
      // Only the floor sending reads uses it: the functions are given
      // their endpoint in DYNAMODB_ENDPOINT, as npm start gives it.
      AWS_ENDPOINT_URL_DYNAMODB: stack.endpoint,
    });
    const times = await timeColdStarts(variants, runs);
    const timesOf = (name: string) => {
      const found = times[name];
      if (found === undefined) throw new Error(`${name} did not run`);

      return found;
    };

    return {
      functions: built.map((cost) => ({
        ...cost,
        ...(times[cost.key] && { coldStart: times[cost.key] }),
        ...(times[cost.floor.name] && {
          floorColdStart: times[cost.floor.name],
        }),
      })),
      failedBuilds,
      empty: references[0],
      emptyColdStart: timesOf('empty'),
      smaSteps: {
        withZod: timesOf('sma-withZod'),
        withLibraries: timesOf('sma-withLibraries'),
        floorWithReads: timesOf(SMA_FLOOR_WITH_READS),
      },
      runs,
    };
  } finally {
    await stub.close();
  }
}

/**
 * Every function with a sample event, each distinct floor once, and the
 * other references (the empty handler, sma's steps).
 */
function coldStartVariants(
  built: readonly Built[],
  others: readonly BundleReport[],
  environment: Record<string, string>,
): ColdStartVariant[] {
  const timed = built.filter(({ key }) => SAMPLE_EVENTS[key] !== undefined);
  const functions = timed.map(({ key, bundle }) => ({
    name: key,
    bundlePath: bundle.path,
    event: eventFactory(SAMPLE_EVENTS[key] ?? ''),
    environment,
  }));
  const floors = new Map(timed.map(({ floor }) => [floor.name, floor]));
  const references = [...floors.values(), ...others].map((reference) => ({
    name: reference.name,
    bundlePath: reference.path,
    event: () => ({}),
    environment,
  }));

  return [...functions, ...references];
}

/**
 * The functions' local environment, logging as deployed (INFO, metrics
 * on) into a pipe, with the other AWS services pointed at the stub.
 */
function coldStartEnvironment(
  stack: BenchStack,
  stubEnvironment: Record<string, string>,
): Record<string, string> {
  const environment: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    ...stack.environment,
    ...stubEnvironment,
    POWERTOOLS_LOG_LEVEL: 'INFO',
  };
  delete environment.POWERTOOLS_METRICS_DISABLED;

  return environment;
}

/**
 * The order and customer the notification samples are about, so that
 * sending records on a real order and the email has an address.
 */
async function putSampleOrder(stack: BenchStack): Promise<void> {
  const sample = readEvent(SAMPLE_EVENTS.sendSms ?? '') as {
    detail: { data: { order: Order } };
  };
  // An order is a draft with more fields; create() sets those itself.
  const draft = sample.detail.data.order;
  const client = createDocumentClient({ endpoint: stack.endpoint });
  const tableName = stack.tableName;
  try {
    await new DynamoDbOrderRepository({ client, tableName })
      .create(draft)
      .catch((error: unknown) => {
        if (!(error instanceof OrderAlreadyPlaced)) throw error;
      });
    await new DynamoDbCustomerRepository({ client, tableName }).putCustomer({
      phone: draft.callerNumber,
      name: draft.customerName ?? 'Sam',
      email: 'sam@example.com',
      orderCount: 1,
      lastOrderId: draft.orderId,
      createdAt: draft.placedAt,
      updatedAt: draft.placedAt,
    });
  } finally {
    client.destroy();
  }
}
