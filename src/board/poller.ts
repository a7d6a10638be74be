/**
 * Runs a refresh every few seconds while the page is visible. A hidden
 * tab costs the API nothing; showing it again refreshes at once. After a
 * failure the next try waits a little longer, up to a ceiling, and never
 * stops: the kitchen screen must come back by itself.
 */

/** Controls a running poller. */
export interface Poller {
  /** Refreshes now (or right after the refresh that is running). */
  refreshNow(): void;
  stop(): void;
}

/** Timing of a poller. */
export interface PollerOptions {
  intervalMs: number;
  /** The longest wait between tries after failures. */
  maxDelayMs: number;
}

/**
 * Calls `refresh` now and then repeatedly; it resolves true when it
 * succeeded, false to be tried again sooner than later.
 */
export function startPoller(
  refresh: () => Promise<boolean>,
  options: PollerOptions,
): Poller {
  let timer: number | undefined;
  let running = false;
  let again = false;
  let failures = 0;
  let stopped = false;

  const schedule = (): void => {
    window.clearTimeout(timer);
    timer = undefined;
    if (stopped || document.hidden) return;
    const delay = Math.min(
      options.intervalMs * Math.max(1, failures),
      options.maxDelayMs,
    );
    timer = window.setTimeout(run, delay);
  };

  const run = (): void => {
    window.clearTimeout(timer);
    timer = undefined;
    if (stopped) return;
    if (running) {
      again = true;

      return;
    }
    running = true;
    void refresh()
      .catch(() => false)
      .then((succeeded) => {
        failures = succeeded ? 0 : failures + 1;
      })
      .finally(() => {
        running = false;
        if (again) {
          again = false;
          run();
        } else {
          schedule();
        }
      });
  };

  const onVisibility = (): void => {
    if (document.hidden) schedule();
    else run();
  };
  document.addEventListener('visibilitychange', onVisibility);
  run();

  return {
    refreshNow: run,
    stop: () => {
      stopped = true;
      window.clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    },
  };
}
