/**
 * Source of the current time in epoch milliseconds. The same shape as `@taurine/monitor`'s `Clock`
 * on purpose, so one clock object serves both, but declared here: delivering notifications does not
 * depend on the metrics and alerting core, and a dependency for a one-method interface would make
 * it so.
 */
export interface Clock {
  now(): number;
}

/** Waits `ms` milliseconds; resolves early (never rejects) when `signal` aborts. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** The wall clock. */
export const systemClock: Clock = { now: () => Date.now() };

/** A real timer-based {@link Sleep}. */
export const systemSleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve) => {
    if (signal?.aborted === true || ms <= 0) {
      resolve();
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
