import { execFile } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `npm run call` as a person would, with `args` after `--`. */
function runCli(args: string[]): Promise<Run> {
  return new Promise((done) => {
    execFile(
      'npx',
      ['tsx', 'src/local/call-cli.ts', ...args],
      {
        cwd: ROOT,
        timeout: 60_000,
        env: {
          ...process.env,
          TABLE_NAME: 'orders-cli-test',
          RESTAURANT_NAME: "Luigi's",
          TIME_ZONE: 'America/New_York',
          // Nothing listens there: the handler's table reads fail at once,
          // and the call still has to end normally.
          DYNAMODB_ENDPOINT: 'http://127.0.0.1:9',
        },
      },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : Number(error.code ?? 1);
        done({ code, stdout, stderr });
      },
    );
  });
}

describe('npm run call', () => {
  it('plays a scripted call against functions/sma.ts and sums it up', async () => {
    const run = await runCli(['--keys', '1 2 #', '--silence-ms', '50']);

    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(0, -1).every((line) => line.startsWith('['))).toBe(true);
    expect(lines[lines.length - 1]).toMatch(
      /^Call ended: .+ \(\d+ invocations?, \d+ spoken characters?.*\)\.$/,
    );
  }, 60_000);

  it('refuses --endpoint without --function', async () => {
    const run = await runCli(['--endpoint', 'http://localhost:3002']);

    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--endpoint needs --function <name>');
  }, 60_000);
});
