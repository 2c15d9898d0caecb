import { CacheError } from './cache-error.ts';
import type { CacheEntry, CacheTier, TierSize, TierStatus } from './cache-tier.ts';

/**
 * Wraps a tier and fails or delays its operations on demand, for tests and the reliability suite.
 * Faults apply to every operation, `ping` included; `status()` reports the inner tier's status
 * unless overridden, because a real tier does not know it is slow until something times out.
 *
 * ```ts
 * const redis = new ChaosTier(new RedisTier({ client, prefix }));
 * redis.delay(500);   // every call takes 500 ms longer
 * redis.hang();       // calls never settle until reset()
 * redis.fail();       // every call rejects
 * redis.reset();      // healthy again; hung calls proceed
 * ```
 */
export class ChaosTier implements CacheTier {
  readonly name: string;
  readonly #inner: CacheTier;
  #delayMs = 0;
  #failure: Error | undefined;
  #failNext = 0;
  #hanging = false;
  #hung: (() => void)[] = [];
  #status: TierStatus | undefined;
  #calls = 0;

  constructor(inner: CacheTier, options: { name?: string } = {}) {
    this.#inner = inner;
    this.name = options.name ?? inner.name;
  }

  /** Operations attempted so far, faulty or not. */
  get calls(): number {
    return this.#calls;
  }

  /** Makes every operation wait `ms` milliseconds before reaching the inner tier. */
  delay(ms: number): this {
    this.#delayMs = ms;
    return this;
  }

  /** Makes every operation reject with `error` until `reset()`. */
  fail(error: Error = new CacheError('TIER_UNAVAILABLE', 'chaos: tier failure')): this {
    this.#failure = error;
    return this;
  }

  /** Makes the next `count` operations reject. */
  failNext(count = 1): this {
    this.#failNext += count;
    return this;
  }

  /** Makes every operation hang until `reset()`, which lets the hung ones proceed. */
  hang(): this {
    this.#hanging = true;
    return this;
  }

  /** Overrides `status()`; `undefined` reports the inner tier's status again. */
  reportStatus(status: TierStatus | undefined): this {
    this.#status = status;
    return this;
  }

  /** Removes every fault and releases hung operations. */
  reset(): this {
    this.#delayMs = 0;
    this.#failure = undefined;
    this.#failNext = 0;
    this.#hanging = false;
    this.#status = undefined;
    const hung = this.#hung;
    this.#hung = [];
    for (const release of hung) release();
    return this;
  }

  get(key: string): Promise<CacheEntry | undefined> {
    return this.#run(() => this.#inner.get(key));
  }

  getMany(keys: readonly string[]): Promise<(CacheEntry | undefined)[]> {
    return this.#run(() => this.#inner.getMany(keys));
  }

  set(key: string, value: unknown, ttlMs: number): Promise<void> {
    return this.#run(() => this.#inner.set(key, value, ttlMs));
  }

  delete(key: string): Promise<boolean> {
    return this.#run(() => this.#inner.delete(key));
  }

  clear(pattern: string): Promise<number> {
    return this.#run(() => this.#inner.clear(pattern));
  }

  size(): Promise<TierSize> {
    return this.#run(() => this.#inner.size());
  }

  status(): TierStatus {
    return this.#status ?? this.#inner.status();
  }

  ping(): Promise<void> {
    return this.#run(() => this.#inner.ping());
  }

  async #run<T>(operation: () => Promise<T>): Promise<T> {
    this.#calls++;
    if (this.#hanging) await new Promise<void>((release) => this.#hung.push(release));
    if (this.#delayMs > 0) {
      const ms = this.#delayMs;
      await new Promise((resolve) => setTimeout(resolve, ms));
    }
    if (this.#failNext > 0) {
      this.#failNext--;
      throw new CacheError('TIER_UNAVAILABLE', 'chaos: injected failure');
    }
    if (this.#failure) throw this.#failure;
    return operation();
  }
}
