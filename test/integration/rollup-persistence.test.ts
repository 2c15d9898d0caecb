import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../apps/server/src/app.ts';
import { loadConfig } from '../../apps/server/src/config.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'taurine-rollups-'));
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

const config = () =>
  loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    INSTANCE_ID: 'restart-test',
  });

describe('metric history across a restart', () => {
  it('keeps minute rollups after a graceful stop and a start on the same data directory', async () => {
    const first = await buildApp(config());
    const { registry } = first.services.metrics;
    // Samples of this minute, closed into a minute rollup by a rollover two minutes on; a graceful
    // stop flushes closed rollups to SQLite (the minute still open at a stop is not persisted).
    const now = Date.now();
    registry.distribution('test.latency', 10, { case: 'restart' });
    for (let i = 0; i < 100; i += 1)
      registry.distribution('test.latency', i + 1, { case: 'restart' });
    registry.rollover(now + 120_000);
    const before = registry.stats(
      'test.latency',
      { case: 'restart' },
      { from: now - 60_000, to: now + 60_000 },
    );
    expect(before.count).toBe(101);
    await first.stop();

    const second = await buildApp(config());
    const after = second.services.metrics.registry.stats(
      'test.latency',
      { case: 'restart' },
      { from: now - 60_000, to: now + 60_000 },
    );
    expect(after.count).toBe(101);
    expect(after.max).toBe(100);
    expect(after.p50).toBeCloseTo(before.p50!, 5);
    await second.stop();

    // Loading twice never double counts.
    const third = await buildApp(config());
    expect(
      third.services.metrics.registry.stats(
        'test.latency',
        { case: 'restart' },
        { from: now - 60_000, to: now + 60_000 },
      ).count,
    ).toBe(101);
    await third.stop();
  });
});
