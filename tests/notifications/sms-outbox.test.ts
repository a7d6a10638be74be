import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  OutboxSmsSender,
  readSmsOutbox,
} from '../../src/notifications/adapters/sms-outbox';

describe('the SMS outbox', () => {
  const directory = mkdtempSync(join(tmpdir(), 'sms-outbox-'));
  afterAll(() => {
    rmSync(directory, { recursive: true, force: true });
  });

  it('appends one JSON line per text and reads them back in order', async () => {
    // Prepare
    const path = join(directory, 'nested', 'outbox.jsonl');
    const sender = new OutboxSmsSender({
      path,
      clock: () => new Date('2026-12-01T23:00:05.000Z'),
    });

    // Act
    const first = await sender.send({ to: '+12065550142', body: 'one' });
    await sender.send({ to: '+12065550143', body: 'two' });

    // Assess
    expect(first.messageId).toMatch(/^outbox-/);
    expect(readSmsOutbox(path)).toEqual([
      {
        to: '+12065550142',
        body: 'one',
        at: '2026-12-01T23:00:05.000Z',
        messageId: first.messageId,
      },
      expect.objectContaining({ to: '+12065550143', body: 'two' }),
    ]);
  });

  it('reads a missing outbox as empty', () => {
    expect(readSmsOutbox(join(directory, 'none.jsonl'))).toEqual([]);
  });
});
