import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp } from '../testing/test-app.ts';
import type { TestApp } from '../testing/test-app.ts';

const MINUTE = 60_000;
let app: TestApp;
/** When each marker (one tracked calculation) was recorded, by the test's own clock. */
const markers: number[] = [];
let t0 = 0;

beforeAll(async () => {
  app = await createTestApp();
  // Only Date is faked (sockets, timers and SQLite stay real): markers land at chosen seconds.
  vi.useFakeTimers({ toFake: ['Date'] });
  t0 = Math.ceil(Date.now() / MINUTE) * MINUTE + MINUTE;
  const mark = async (at: number, count: number) => {
    vi.setSystemTime(at);
    for (let i = 0; i < count; i += 1) {
      const result = await app.graphql(
        'mutation { trackEvent(input: { type: CALCULATION, flavorId: "red-bull-original" }) { __typename } }',
      );
      expect(result.errors).toBeUndefined();
      markers.push(at);
    }
  };
  for (let minute = 0; minute < 6; minute += 1) {
    const start = t0 + minute * MINUTE;
    await mark(start + 5_000, 1);
    await mark(start + 25_000, minute + 1);
    await mark(start + 50_000, 2);
  }
  vi.setSystemTime(t0 + 7 * MINUTE);
}, 30_000);
afterAll(async () => {
  vi.useRealTimers();
  await app.dispose();
});

/** Markers recorded in `[from, to)`, counted from the test's own record. */
const markersIn = (from: number, to: number) => markers.filter((t) => t >= from && t < to).length;
const floorTo = (ms: number, step: number) => Math.floor(ms / step) * step;
const ceilTo = (ms: number, step: number) => Math.ceil(ms / step) * step;
const iso = (ms: number) => new Date(ms).toISOString();

describe('ranges that do not start on a whole minute', () => {
  it('stats over a range count exactly the markers of the range widened to whole minutes', async () => {
    for (const [from, to] of [
      [t0 + 30_000, t0 + 3 * MINUTE + 20_000],
      [t0 + 59_000, t0 + MINUTE + 1_000],
      [t0 + 10_000, t0 + 5 * MINUTE + 55_000],
    ] as const) {
      const result = await app.graphql<{ stats: { sum: number | null } }>(
        'query($range: TimeRangeInput!) { stats(name: "business.calculations", range: $range) { sum } }',
        { range: { from: iso(from), to: iso(to) } },
      );
      expect(result.data!.stats.sum).toBe(markersIn(floorTo(from, MINUTE), ceilTo(to, MINUTE)));
    }
  });

  it('series points start on whole steps and each counts exactly the markers of its step', async () => {
    const from = t0 + 30_000;
    const to = t0 + 5 * MINUTE + 10_000;
    for (const stepSeconds of [60, 120, 300]) {
      const step = stepSeconds * 1000;
      const result = await app.graphql<{ series: { t: string; value: number | null }[] }>(
        'query($range: TimeRangeInput!, $step: Int!) { series(name: "business.calculations", range: $range, stepSeconds: $step, stat: SUM) { t value } }',
        { range: { from: iso(from), to: iso(to) }, step: stepSeconds },
      );
      const expected = [];
      for (let t = floorTo(from, step); t < ceilTo(to, MINUTE); t += step) {
        const count = markersIn(t, t + step);
        expected.push({ t: iso(t), value: count === 0 ? null : count });
      }
      expect(result.data!.series).toEqual(expected);
    }
  });

  it('CSV and JSON exports with from= give whole-minute rows with exact counts', async () => {
    const from = t0 + 30_000;
    const to = t0 + 4 * MINUTE + 30_000;
    const query = `metric=business.calculations&from=${iso(from)}&to=${to}&step=60`;
    const csv = await app.yoga.fetch(`http://localhost/export.csv?${query}`, {
      headers: { 'x-api-key': app.adminKey },
    });
    const rows = (await csv.text())
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split('","').map((cell) => cell.replace(/"/g, '')))
      .filter(([, name]) => name === 'business.calculations.sum')
      .map(([timestamp, , value]) => ({ timestamp: timestamp!, value: Number(value) }));
    const expected = [];
    for (let t = t0; t < t0 + 5 * MINUTE; t += MINUTE) {
      expected.push({ timestamp: iso(t), value: markersIn(t, t + MINUTE) });
    }
    expect(rows).toEqual(expected);

    const json = await app.yoga.fetch(`http://localhost/export.json?${query}`, {
      headers: { 'x-api-key': app.adminKey },
    });
    const body = (await json.json()) as {
      metrics: { timestamp: string; name: string; value: number }[];
    };
    expect(
      body.metrics
        .filter((metric) => metric.name === 'business.calculations.sum')
        .map(({ timestamp, value }) => ({ timestamp, value })),
    ).toEqual(expected);
  });
});
