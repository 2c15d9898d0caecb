import { afterEach, describe, expect, it } from 'vitest';
import { CacheError } from './cache-error.ts';
import { ChaosTier } from './chaos-tier.ts';
import { CircuitBreakerTier } from './circuit-breaker-tier.ts';
import { MemoryTier } from './memory-tier.ts';

const breakers: CircuitBreakerTier[] = [];
const guarded = (chaos: ChaosTier, options = {}) => {
  const breaker = new CircuitBreakerTier(chaos, { timeoutMs: 30, probeIntervalMs: 20, ...options });
  breakers.push(breaker);
  return breaker;
};

afterEach(() => {
  for (const breaker of breakers.splice(0)) breaker.close();
});

describe('CircuitBreakerTier', () => {
  it('answers within the timeout when the tier hangs, and opens', async () => {
    const chaos = new ChaosTier(new MemoryTier()).hang();
    const breaker = guarded(chaos);
    const states: string[] = [];
    breaker.onStateChange((state) => states.push(state));
    const started = performance.now();
    await expect(breaker.get('k')).rejects.toMatchObject({ code: 'TIER_TIMEOUT' });
    expect(performance.now() - started).toBeLessThan(100);
    expect(breaker.state).toBe('open');
    expect(breaker.status()).toBe('down');
    expect(states).toEqual(['open']);
    chaos.reset();
  });

  it('fails at once while open, without touching the tier', async () => {
    const chaos = new ChaosTier(new MemoryTier()).fail();
    const breaker = guarded(chaos, { probeIntervalMs: 60_000 });
    await expect(breaker.set('k', 1, 1000)).rejects.toMatchObject({ code: 'TIER_UNAVAILABLE' });
    const calls = chaos.calls;
    await expect(breaker.get('k')).rejects.toMatchObject({ code: 'CIRCUIT_OPEN' });
    expect(chaos.calls).toBe(calls);
  });

  it('closes when a background ping succeeds again', async () => {
    const chaos = new ChaosTier(new MemoryTier()).fail();
    const breaker = guarded(chaos);
    const states: string[] = [];
    breaker.onStateChange((state) => states.push(state));
    await expect(breaker.get('k')).rejects.toBeInstanceOf(CacheError);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(breaker.status()).toBe('down');
    chaos.reset();
    await expect.poll(() => breaker.status(), { timeout: 1000, interval: 10 }).toBe('up');
    expect(states).toEqual(['open', 'closed']);
    await breaker.set('k', 1, 1000);
    expect((await breaker.get('k'))?.value).toBe(1);
  });

  it('opens only after failureThreshold consecutive failures', async () => {
    const chaos = new ChaosTier(new MemoryTier());
    const breaker = guarded(chaos, { failureThreshold: 3 });
    chaos.failNext(2);
    await expect(breaker.get('k')).rejects.toThrow();
    await expect(breaker.get('k')).rejects.toThrow();
    expect(breaker.state).toBe('closed');
    await breaker.get('k');
    chaos.failNext(2);
    await expect(breaker.get('k')).rejects.toThrow();
    expect(breaker.state).toBe('closed');
  });

  it('does not count caller mistakes as failures', async () => {
    const breaker = guarded(new ChaosTier(new MemoryTier()));
    await expect(breaker.set('k', undefined, 1000)).rejects.toMatchObject({
      code: 'INVALID_VALUE',
    });
    await expect(breaker.clear('')).rejects.toMatchObject({ code: 'INVALID_PATTERN' });
    expect(breaker.state).toBe('closed');
  });

  it('refuses bad options with exact messages', () => {
    const tier = new MemoryTier();
    expect(() => new CircuitBreakerTier(tier, { timeoutMs: 0 })).toThrow(
      'CircuitBreakerTier: timeoutMs, bulkTimeoutMs and probeIntervalMs must be positive numbers',
    );
    expect(() => new CircuitBreakerTier(tier, { failureThreshold: 0.5 })).toThrow(
      'CircuitBreakerTier: failureThreshold must be a positive integer',
    );
  });
});
