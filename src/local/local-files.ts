/**
 * The files `npm start` writes besides DynamoDB Local's: the SMS outbox,
 * the dead letters beside it, and the staff token it prints. They live in
 * .local-data, or with `--in-memory` in a temporary directory that is
 * removed on shutdown, so that such a run leaves nothing behind.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { DEFAULT_SMS_OUTBOX_PATH } from '../config/notification-settings';

/** Where this run's files go. */
export interface LocalFiles {
  /** The SMS outbox (`npm run sms-outbox` reads the persistent one). */
  outboxPath: string;
  /** The staff token printed at start, for `$(cat ...)`. */
  tokenPath: string;
  /** True when the files are removed on shutdown. */
  temporary: boolean;
  /** Removes the directory when it is temporary; else does nothing. */
  removeTemporary(): void;
}

/** The files of a run from the repository at `root`. */
export function localFiles(root: string, inMemory: boolean): LocalFiles {
  if (!inMemory) {
    const outboxPath = resolve(root, DEFAULT_SMS_OUTBOX_PATH);

    return {
      outboxPath,
      tokenPath: join(dirname(outboxPath), 'staff-token'),
      temporary: false,
      removeTemporary: () => undefined,
    };
  }
  const directory = mkdtempSync(join(tmpdir(), 'phone-orders-'));

  return {
    outboxPath: join(directory, 'sms-outbox.jsonl'),
    tokenPath: join(directory, 'staff-token'),
    temporary: true,
    removeTemporary: () => {
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/**
 * Writes the token where only this user can read it: it signs in to the
 * staff API as staff and manager.
 */
export function writeStaffToken(path: string, token: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  writeFileSync(path, `${token}\n`, { mode: 0o600 });
}
