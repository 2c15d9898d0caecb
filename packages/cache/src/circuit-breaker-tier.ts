import { CacheError, isUsageError } from './cache-error.ts';
import type { CacheEntry, CacheTier, TierSize, TierStatus } from './cache-tier.ts';

/** `closed`: calls go through. `open`: calls fail at once while a background probe waits for recovery. */
export type CircuitState = 'closed' | 'open';

/** Options of {@link CircuitBreakerTier}. */
export interface CircuitBreakerOptions {
  /**
   * Longest wait for a key operation (`get`, `getMany`, `set`, `delete`, `ping`). A slower answer
   * counts as a failure and the caller gets `TIER_TIMEOUT` at this deadline.
   * @default 50
   */
  timeoutMs?: number;
  /**
   * Longest wait for a bulk operation (`clear`, `size`), which walks the key space.
   * @default 10000
   */
  bulkTimeoutMs?: number;
  /**
   * Consecutive failures that open the breaker.
   * @default 1
   */
  failureThreshold?: number;
  /**
   * While open, how often a background `ping` checks whether the tier is back.
   * @default 1000
   */
  probeIntervalMs?: number;
}

/** Defaults of {@link CircuitBreakerOptions}, as data. */
export const CIRCUIT_BREAKER_DEFAULTS = {
  timeoutMs: 50,
  bulkTimeoutMs: 10_000,
  failureThreshold: 1,
  probeIntervalMs: 1000,
} as const;

const positiveNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value > 0;

/** Settles like `promise`, or rejects with `TIER_TIMEOUT` after `ms`. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  // The loser of the race may still reject later; nobody else is listening to it.
  promise.catch(() => undefined);
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new CacheError('TIER_TIMEOUT', `${what} took longer than ${ms} ms`));
    }, ms);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Guards a remote tier: every call is bounded by a timeout, and a timeout or error opens the
 * breaker. While open, calls reject at once with `CIRCUIT_OPEN` and `status()` is `down`; a `ping`
 * every `probeIntervalMs` (timer unref'd) closes it when the tier answers again. Caller mistakes
 * (`INVALID_*` errors) never count as failures. Call `close()` to stop the probe timer.
 */
export class CircuitBreakerTier implements CacheTier {
  readonly name: string;
  readonly #inner: CacheTier;
  readonly #timeoutMs: number;
  readonly #bulkTimeoutMs: number;
  readonly #failureThreshold: number;
  readonly #probeIntervalMs: number;
  readonly #listeners = new Set<(state: CircuitState, cause?: unknown) => void>();
  #state: CircuitState = 'closed';
  #failures = 0;
  #probe: NodeJS.Timeout | undefined;
  #probing = false;
  #closed = false;

  constructor(inner: CacheTier, options: CircuitBreakerOptions = {}) {
    const timeoutMs = options.timeoutMs ?? CIRCUIT_BREAKER_DEFAULTS.timeoutMs;
    const bulkTimeoutMs = options.bulkTimeoutMs ?? CIRCUIT_BREAKER_DEFAULTS.bulkTimeoutMs;
    const probeIntervalMs = options.probeIntervalMs ?? CIRCUIT_BREAKER_DEFAULTS.probeIntervalMs;
    const failureThreshold = options.failureThreshold ?? CIRCUIT_BREAKER_DEFAULTS.failureThreshold;
    if (![timeoutMs, bulkTimeoutMs, probeIntervalMs].every(positiveNumber)) {
      throw new CacheError(
        'INVALID_OPTIONS',
        'CircuitBreakerTier: timeoutMs, bulkTimeoutMs and probeIntervalMs must be positive numbers',
      );
    }
    if (!Number.isSafeInteger(failureThreshold) || failureThreshold < 1) {
      throw new CacheError(
        'INVALID_OPTIONS',
        'CircuitBreakerTier: failureThreshold must be a positive integer',
      );
    }
    this.#inner = inner;
    this.name = inner.name;
    this.#timeoutMs = timeoutMs;
    this.#bulkTimeoutMs = bulkTimeoutMs;
    this.#probeIntervalMs = probeIntervalMs;
    this.#failureThreshold = failureThreshold;
  }

  get state(): CircuitState {
    return this.#state;
  }

  /** Registers a listener for open/close transitions; returns a function that removes it. */
  onStateChange(listener: (state: CircuitState, cause?: unknown) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  get(key: string): Promise<CacheEntry | undefined> {
    return this.#guard(() => this.#inner.get(key), this.#timeoutMs, 'get');
  }

  getMany(keys: readonly string[]): Promise<(CacheEntry | undefined)[]> {
    return this.#guard(() => this.#inner.getMany(keys), this.#timeoutMs, 'getMany');
  }

  set(key: string, value: unknown, ttlMs: number): Promise<void> {
    return this.#guard(() => this.#inner.set(key, value, ttlMs), this.#timeoutMs, 'set');
  }

  delete(key: string): Promise<boolean> {
    return this.#guard(() => this.#inner.delete(key), this.#timeoutMs, 'delete');
  }

  clear(pattern: string): Promise<number> {
    return this.#guard(() => this.#inner.clear(pattern), this.#bulkTimeoutMs, 'clear');
  }

  size(): Promise<TierSize> {
    return this.#guard(() => this.#inner.size(), this.#bulkTimeoutMs, 'size');
  }

  ping(): Promise<void> {
    return this.#guard(() => this.#inner.ping(), this.#timeoutMs, 'ping');
  }

  /**
   * `down` while open. A tier that reports itself down (e.g. its client is reconnecting) opens the
   * breaker here, so recovery always goes through the probe and `onStateChange` sees it.
   */
  status(): TierStatus {
    if (this.#state === 'open') return 'down';
    const status = this.#inner.status();
    if (status === 'down') {
      this.#open(new CacheError('TIER_UNAVAILABLE', `${this.name} reports itself down`));
    }
    return status;
  }

  /** Stops the probe timer for good. The breaker keeps working but no longer recovers on its own. */
  close(): void {
    this.#closed = true;
    this.#stopProbe();
  }

  #stopProbe(): void {
    clearInterval(this.#probe);
    this.#probe = undefined;
  }

  async #guard<T>(operation: () => Promise<T>, timeoutMs: number, what: string): Promise<T> {
    if (this.#state === 'open') {
      throw new CacheError('CIRCUIT_OPEN', `${this.name} circuit is open`);
    }
    try {
      const result = await withTimeout(operation(), timeoutMs, `${this.name} ${what}`);
      this.#failures = 0;
      return result;
    } catch (error) {
      if (!isUsageError(error)) this.#recordFailure(error);
      throw error;
    }
  }

  #recordFailure(cause: unknown): void {
    this.#failures++;
    if (this.#failures >= this.#failureThreshold) this.#open(cause);
  }

  #open(cause: unknown): void {
    if (this.#state === 'open') return;
    this.#state = 'open';
    if (!this.#closed) {
      this.#probe = setInterval(() => void this.#runProbe(), this.#probeIntervalMs);
      this.#probe.unref();
    }
    this.#emit('open', cause);
  }

  async #runProbe(): Promise<void> {
    if (this.#probing || this.#state === 'closed') return;
    this.#probing = true;
    try {
      await withTimeout(this.#inner.ping(), this.#timeoutMs, `${this.name} probe`);
      this.#state = 'closed';
      this.#failures = 0;
      this.#stopProbe();
      this.#emit('closed');
    } catch {
      // Still down; the next tick tries again.
    } finally {
      this.#probing = false;
    }
  }

  #emit(state: CircuitState, cause?: unknown): void {
    for (const listener of this.#listeners) {
      try {
        listener(state, cause);
      } catch {
        // A listener's bug must not break the breaker.
      }
    }
  }
}
