import { describe, expect, it } from 'vitest';
import type { CacheTierCounts, RumBatch, VitalReport } from '@taurine/vitals';
import { createVitalsQueue } from './vitals-queue.ts';

const vital = (name: VitalReport['name'], value: number, id: string): VitalReport => ({
  name,
  value,
  id,
  rating: 'good',
});

function setup(options: { accept?: boolean } = {}) {
  const sent: RumBatch[] = [];
  let cache: CacheTierCounts[] = [];
  const restored: CacheTierCounts[][] = [];
  const queue = createVitalsQueue({
    route: '/',
    device: 'mobile',
    sessionId: 'abcdef0123456789',
    takeCacheCounts: () => {
      const taken = cache;
      cache = [];
      return taken;
    },
    restoreCacheCounts: (counts) => restored.push(counts),
    send: (body) => {
      if (options.accept === false) return false;
      sent.push(JSON.parse(body) as RumBatch);
      return true;
    },
  });
  return {
    queue,
    sent,
    restored,
    setCache: (next: CacheTierCounts[]) => {
      cache = next;
    },
  };
}

describe('vitals queue', () => {
  it('sends one batch with the latest value per id and the cache counts', () => {
    const { queue, sent, setCache } = setup();
    queue.add(vital('LCP', 1200, 'v1-lcp'));
    queue.add(vital('CLS', 0.01, 'v1-cls'));
    queue.add(vital('CLS', 0.05, 'v1-cls'));
    setCache([{ tier: 'localStorage', hits: 2, misses: 1 }]);
    queue.flush();
    expect(sent).toEqual([
      {
        route: '/',
        device: 'mobile',
        sessionId: 'abcdef0123456789',
        vitals: [vital('LCP', 1200, 'v1-lcp'), vital('CLS', 0.05, 'v1-cls')],
        cache: [{ tier: 'localStorage', hits: 2, misses: 1 }],
      },
    ]);
  });

  it('sends an id once: a later report of a sent CLS or INP is dropped, new ids still go', () => {
    const { queue, sent } = setup();
    queue.add(vital('INP', 120, 'v1-inp'));
    queue.flush();
    queue.add(vital('INP', 300, 'v1-inp'));
    queue.add(vital('INP', 80, 'v2-inp'));
    queue.flush();
    expect(sent.map((batch) => batch.vitals.map((v) => `${v.id}=${v.value}`))).toEqual([
      ['v1-inp=120'],
      ['v2-inp=80'],
    ]);
  });

  it('sends nothing when there is nothing to send', () => {
    const { queue, sent } = setup();
    expect(queue.flush()).toBeNull();
    expect(sent).toEqual([]);
  });

  it('keeps vitals and puts cache counts back when the browser refuses the beacon', () => {
    const { queue, restored, setCache } = setup({ accept: false });
    queue.add(vital('LCP', 1200, 'v1-lcp'));
    setCache([{ tier: 'serviceWorker', hits: 1, misses: 0 }]);
    expect(queue.flush()).toBeNull();
    expect(queue.size).toBe(1);
    expect(restored).toEqual([[{ tier: 'serviceWorker', hits: 1, misses: 0 }]]);
  });
});
