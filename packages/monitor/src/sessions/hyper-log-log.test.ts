import { describe, expect, it } from 'vitest';
import { HyperLogLog } from './hyper-log-log.ts';

describe('HyperLogLog', () => {
  it('estimates distinct counts small and large within a few percent, in a fixed 4 KiB', () => {
    for (const distinct of [10, 1_000, 100_000]) {
      const counter = new HyperLogLog();
      // Every value twice: duplicates must not count.
      for (let i = 0; i < distinct * 2; i += 1) counter.add(`session-${i % distinct}`);
      expect(Math.abs(counter.estimate() - distinct) / distinct).toBeLessThan(0.05);
      expect(counter.registers.byteLength).toBe(4096);
    }
  });

  it('merges into the union of two counters', () => {
    const a = new HyperLogLog();
    const b = new HyperLogLog();
    for (let i = 0; i < 20_000; i += 1) a.add(`v${i}`);
    for (let i = 10_000; i < 30_000; i += 1) b.add(`v${i}`);
    a.merge(b);
    expect(Math.abs(a.estimate() - 30_000) / 30_000).toBeLessThan(0.05);
  });

  it('rejects a precision it cannot use', () => {
    expect(() => new HyperLogLog(3)).toThrow('precision must be an integer from 4 to 16');
  });
});
