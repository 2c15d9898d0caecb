import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../apps/server/src/app.ts';
import type { App } from '../../apps/server/src/app.ts';
import { generateApiKey } from '../../apps/server/src/access/api-keys.ts';
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
    // stop flushes closed rollups to SQLite.
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

const MARKER = 'query RestartMarker { flavors(first: 1) { totalCount } }';
const ADMIN_KEY = generateApiKey().key;

/** Sends `count` marker requests over HTTP, as a client would. */
async function sendMarkers(app: App, count: number): Promise<void> {
  for (let i = 0; i < count; i += 1) {
    const response = await app.yoga.fetch('http://localhost/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: MARKER }),
    });
    expect(response.status).toBe(200);
  }
}

/** The markers counted over `range`, read through GraphQL. */
async function countedMarkers(app: App, range: { from: number; to: number }): Promise<number> {
  const response = await app.yoga.fetch('http://localhost/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': ADMIN_KEY },
    body: JSON.stringify({
      query:
        'query($range: TimeRangeInput!) { stats(name: "api.requests", tags: [{ key: "operation", value: "RestartMarker" }], range: $range) { sum } }',
      variables: {
        range: { from: new Date(range.from).toISOString(), to: new Date(range.to).toISOString() },
      },
    }),
  });
  const body = (await response.json()) as { data: { stats: { sum: number | null } } };
  return body.data.stats.sum ?? 0;
}

describe('the minute open at a graceful restart', () => {
  it('keeps its samples: counts across restarts are exact, never lost or doubled', async () => {
    const restartConfig = () =>
      loadConfig({
        NODE_ENV: 'test',
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        INSTANCE_ID: 'open-minute',
        ADMIN_API_KEY: ADMIN_KEY,
      });
    // Not in a minute's last 10 s, so that the restarts below most likely happen within one
    // minute (the counts must be exact either way).
    const deadline = Date.now() + 15_000;
    while (Date.now() % 60_000 > 50_000 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const range = { from: Date.now() - 60_000, to: Date.now() + 180_000 };
    const first = await buildApp(restartConfig());
    await sendMarkers(first, 7);
    await first.stop();

    const second = await buildApp(restartConfig());
    expect(await countedMarkers(second, range)).toBe(7);
    await sendMarkers(second, 5);
    expect(await countedMarkers(second, range)).toBe(12);
    await second.stop();

    const third = await buildApp(restartConfig());
    expect(await countedMarkers(third, range)).toBe(12);
    // The minute closes later on: its rollup is the merge, never a second copy.
    third.services.metrics.registry.rollover(Date.now() + 120_000);
    expect(await countedMarkers(third, range)).toBe(12);
    await third.stop();

    const fourth = await buildApp(restartConfig());
    expect(await countedMarkers(fourth, range)).toBe(12);
    await fourth.stop();
  });
});
