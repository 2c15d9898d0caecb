import { spawnSync } from 'node:child_process';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { requirePromtool } from '@taurine/monitor/testing';
import { METRIC_DEFINITIONS } from './metric-definitions.ts';
import { createTestApp } from '../testing/test-app.ts';
import type { TestApp } from '../testing/test-app.ts';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
  // Real traffic of every kind: GraphQL, cache lookups, business events, a Web Vitals beacon.
  for (let i = 0; i < 3; i += 1)
    await app.graphql('query Listing { flavors(first: 2) { totalCount } }');
  await app.graphql(
    'mutation { trackEvent(input: { type: CALCULATION, flavorId: "red-bull-original" }) { __typename } }',
  );
  await app.yoga.fetch('http://localhost/rum', {
    method: 'POST',
    headers: { 'content-type': 'text/plain' },
    body: JSON.stringify({ route: '/', vitals: [{ name: 'LCP', value: 1800 }] }),
  });
  await app.services.collector.tick();
}, 30_000);
afterEach(() => {
  vi.useRealTimers();
});
afterAll(() => app.dispose());

const scrape = async () => {
  const response = await app.yoga.fetch('http://localhost/metrics', {
    headers: { 'x-api-key': app.adminKey },
  });
  expect(response.status).toBe(200);
  return response.text();
};

const snapshotCacheHitRate = async () =>
  (
    await app.graphql<{ snapshot: { cacheHitRate: number | null } }>(
      '{ snapshot { cacheHitRate } }',
    )
  ).data!.snapshot.cacheHitRate;

/** Unit words Prometheus' conventions rule out of names: base units only (seconds, bytes, ratio). */
const NON_BASE_UNITS = new Set([
  'ms',
  'millis',
  'millisecond',
  'milliseconds',
  'us',
  'ns',
  'second',
  'sec',
  'secs',
  'byte',
  'kb',
  'mb',
  'gb',
  'kib',
  'mib',
  'gib',
  'percent',
  'minutes',
  'hours',
  'days',
]);
const BASE_UNITS = ['seconds', 'bytes', 'ratio'];
const EXPECTED_SUFFIX: Record<string, string> = {
  ms: 'seconds',
  s: 'seconds',
  MB: 'bytes',
  ratio: 'ratio',
};

describe('GET /metrics names', () => {
  it('follows Prometheus naming conventions for every family', async () => {
    const text = await scrape();
    const families = [...text.matchAll(/^# TYPE (\S+) (\S+)$/gm)].map(([, name, type]) => ({
      name: name!,
      type: type!,
    }));
    expect(families.length).toBeGreaterThanOrEqual(METRIC_DEFINITIONS.length);
    for (const { name, type } of families) {
      expect(name).toMatch(/^taurine_[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
      const tokens = name.split('_');
      const unitTokens = tokens.filter((token) => BASE_UNITS.includes(token));
      const withoutTotal = type === 'counter' ? tokens.slice(0, -1) : tokens;
      expect(
        tokens.filter((token) => NON_BASE_UNITS.has(token)),
        name,
      ).toEqual([]);
      // A base unit at most once, and only as the suffix.
      expect(unitTokens.length, name).toBeLessThanOrEqual(1);
      if (unitTokens.length === 1) expect(withoutTotal.at(-1), name).toBe(unitTokens[0]);
      if (type === 'counter') expect(name, name).toMatch(/_total$/);
      else expect(name, name).not.toMatch(/_(total|count|sum|bucket)$/);
    }
    const names = new Set(families.map((family) => family.name));
    // Each definition's family, found by its help text: its unit is the base-unit suffix.
    const helpOf = new Map(
      [...text.matchAll(/^# HELP (\S+) (.*)$/gm)].map(([, name, help]) => [help!, name!]),
    );
    for (const definition of METRIC_DEFINITIONS) {
      const name = helpOf.get(definition.help);
      expect(name, definition.name).toBeDefined();
      const suffix = EXPECTED_SUFFIX[definition.unit];
      const counter = definition.kind === 'counter' ? '_total' : '';
      if (suffix !== undefined)
        expect(name, definition.name).toMatch(new RegExp(`_${suffix}${counter}$`));
      else
        expect(
          name!.split('_').some((token) => BASE_UNITS.includes(token)),
          name,
        ).toBe(false);
    }
    expect(names).toContain('taurine_process_uptime_seconds');
    expect(names).not.toContain('taurine_process_uptime_second_seconds');
  });

  it('passes the real promtool check metrics on the whole exposition', async () => {
    const result = spawnSync(requirePromtool(), ['check', 'metrics'], {
      input: await scrape(),
      encoding: 'utf8',
    });
    expect(`${result.stdout}${result.stderr}`).toBe('');
    expect(result.status).toBe(0);
  });
});

describe('GET /metrics staleness', () => {
  it('drops a ratio gauge once its source has had no data for the 5-minute window', async () => {
    const sample = /^taurine_cache_hit_ratio\{[^}]*\} (\S+)$/m;
    const before = await snapshotCacheHitRate();
    expect(before).not.toBeNull();
    expect(Number(sample.exec(await scrape())?.[1])).toBe(before);

    // Six minutes without a cache lookup: only the clock moves (sockets and timers stay real).
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 6 * 60_000);
    await app.services.collector.tick();
    expect(await snapshotCacheHitRate()).toBeNull();
    const text = await scrape();
    expect(text).not.toMatch(sample);
    // Gauges that are sampled every tick stay.
    expect(text).toMatch(/^taurine_process_heap_used_bytes\{[^}]*\} \d/m);
    expect(text).toMatch(/^taurine_cache_tier_up\{[^}]*tier="memory"[^}]*\} 1$/m);
  });
});
