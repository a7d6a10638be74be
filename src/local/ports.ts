/**
 * Port checks for the local stack, so a port taken by another program is
 * reported by name before anything starts, not as a stack trace later.
 */
import { createServer } from 'node:net';

/** Something else already listens on the port. */
export class PortInUse extends Error {
  constructor(readonly port: number) {
    super(`port ${port} is already in use`);
    this.name = 'PortInUse';
  }
}

/**
 * Resolves when `port` can be listened on at `host`, rejects with
 * {@link PortInUse} when it cannot. A program listening on all interfaces
 * also makes a bind on 127.0.0.1 fail, so one probe covers both.
 */
export async function ensurePortFree(
  port: number,
  host = '127.0.0.1',
): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE' ? new PortInUse(port) : error);
    });
    probe.listen({ port, host, exclusive: true }, () => {
      probe.close(() => {
        resolve();
      });
    });
  });
}

/** A port nobody listens on right now, chosen by the OS. */
export async function findFreePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen({ port: 0, host }, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => {
        resolve(port);
      });
    });
  });
}
