import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { createLocalDynamoDbClient } from '../../src/local/document-client';
import { startDynamoDbLocal } from '../../src/local/dynamodb-local';
import { ensureTable } from '../../src/local/table';
import { dynamoDbEndpoint } from '../support/dynamodb';

/** Whether a process with this id is still alive. */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);

    return true;
  } catch {
    return false;
  }
}

async function tableNames(endpoint: string): Promise<string[]> {
  const client = createLocalDynamoDbClient({ endpoint });
  try {
    const { TableNames = [] } = await client.send(new ListTablesCommand({}));

    return TableNames;
  } finally {
    client.destroy();
  }
}

describe('startDynamoDbLocal', () => {
  const dataDirectory = mkdtempSync(join(tmpdir(), 'dynamodb-local-'));

  afterAll(() => {
    rmSync(dataDirectory, { recursive: true, force: true });
  });

  it('keeps tables in a data directory across restarts, leaving no JVM', async () => {
    const first = await startDynamoDbLocal({ dataDirectory });
    const client = createLocalDynamoDbClient(first);
    await ensureTable(client, 'orders-kept');
    client.destroy();
    await first.stop();
    expect(isRunning(first.pid)).toBe(false);

    const second = await startDynamoDbLocal({ dataDirectory });
    try {
      expect(await tableNames(second.endpoint)).toContain('orders-kept');
    } finally {
      await second.stop();
    }
    expect(isRunning(second.pid)).toBe(false);
  }, 60_000);

  it('refuses a port another process listens on', async () => {
    const port = Number(new URL(dynamoDbEndpoint()).port);

    await expect(startDynamoDbLocal({ port })).rejects.toThrow(
      `port ${port} is in use`,
    );
  });

  it('says so clearly when Java is missing', () => {
    // In a node of its own: a PATH changed in this process would still be
    // searched with the PATH node started with.
    const script =
      "require('./src/local/dynamodb-local').startDynamoDbLocal()" +
      '.then(() => console.log("started"), (e) => console.log(e.message))';
    const run = spawnSync(process.execPath, ['-r', 'tsx/cjs', '-e', script], {
      cwd: join(__dirname, '../..'),
      env: { ...process.env, PATH: dataDirectory },
      encoding: 'utf8',
      timeout: 20_000,
    });

    expect(run.stdout.trim()).toBe(
      'DynamoDB Local needs Java (17 or newer), but no `java` was found on ' +
        'PATH. Install a JRE, e.g. `apt-get install openjdk-17-jre-headless`.',
    );
  });
});
