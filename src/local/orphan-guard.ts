/**
 * Makes a child process die with this one, however this one dies. Node's
 * exit hooks do not run on SIGKILL, and tsx's CLI sends SIGKILL to a child
 * that does not acknowledge a relayed signal within 30 ms, which a loaded
 * machine can miss: without a guard, DynamoDB Local's JVM then lives on,
 * holding its port, and the next start fails.
 */
import { spawn } from 'node:child_process';
import type { Socket } from 'node:net';

/** A running guard. */
export interface OrphanGuard {
  /** Stands the guard down, for when the child is stopped the normal way. */
  release(): void;
}

/**
 * Starts a tiny shell that waits for this process's end of a pipe to close
 * (the kernel closes it whatever kills this process) and then sends the
 * child SIGTERM. It runs in its own process group, so a Ctrl-C aimed at
 * this terminal's processes does not take the guard down first.
 */
export function guardAgainstOrphan(pid: number): OrphanGuard {
  if (process.platform === 'win32' || pid <= 0) {
    return { release: () => undefined };
  }

  const guard = spawn(
    'sh',
    ['-c', 'cat >/dev/null; kill "$0" 2>/dev/null', String(pid)],
    {
      stdio: ['pipe', 'ignore', 'ignore'],
      detached: true,
    },
  );
  // Best effort: without a shell the exit hooks still cover most deaths.
  guard.on('error', () => undefined);
  // Neither the guard nor its pipe may keep this process alive.
  guard.unref();
  (guard.stdin as Socket | null)?.unref();

  return {
    release: () => {
      // SIGKILL, so the shell never reaches `kill` of a pid that may have
      // been reused by then.
      guard.kill('SIGKILL');
    },
  };
}
