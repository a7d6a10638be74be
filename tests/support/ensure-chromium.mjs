/**
 * `npm test`'s pretest: the board's browser test drives Debian's Chromium
 * at /usr/bin/chromium (playwright-core ships no browser). On a fresh
 * Debian machine, as root, it is installed with apt; anywhere else this
 * says how to install it and fails, before any test has run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import process from 'node:process';

const CHROMIUM = '/usr/bin/chromium';
const APT_GET = '/usr/bin/apt-get';

/** Runs a command in view of the user; exits with its status if it fails. */
function run(command, args) {
  process.stdout.write(`ensure-chromium: ${command} ${args.join(' ')}\n`);
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    // No question may wait for an answer nobody will type.
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.status !== 0) {
    process.stderr.write(
      `ensure-chromium: ${command} failed ` +
        `(${result.error?.message ?? `exit ${result.status}`})\n`,
    );
    process.exit(1);
  }
}

function explainAndFail() {
  process.stderr.write(
    `ensure-chromium: the order board's browser test needs Chromium at ` +
      `${CHROMIUM}, and it is not there.\n` +
      `On Debian or Ubuntu, install it as root:\n` +
      `  apt-get update && apt-get install -y --no-install-recommends ` +
      `chromium\n` +
      `(or run npm test as root, and this script installs it).\n`,
  );
  process.exit(1);
}

if (existsSync(CHROMIUM)) process.exit(0);

const root = process.getuid?.() === 0;
if (!root || !existsSync(APT_GET)) explainAndFail();

process.stdout.write(
  `ensure-chromium: ${CHROMIUM} is missing; installing Debian's chromium ` +
    `for the order board's browser test.\n`,
);
run(APT_GET, ['update']);
run(APT_GET, ['install', '-y', '--no-install-recommends', 'chromium']);
if (!existsSync(CHROMIUM)) {
  process.stderr.write(
    `ensure-chromium: apt installed chromium but ${CHROMIUM} is still ` +
      `missing\n`,
  );
  process.exit(1);
}
process.stdout.write(`ensure-chromium: ${CHROMIUM} is ready.\n`);
