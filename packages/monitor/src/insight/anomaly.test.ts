import { describe, expect, it } from 'vitest';
import { gaussian } from '../testing/synthetic-history.ts';
import { seededRandom } from '../testing/seeded-random.ts';
import { ANOMALY_FALSE_POSITIVE_RATE, DEFAULT_ANOMALY_POLICY, detectAnomaly } from './anomaly.ts';
import type { Anomaly, TimedValue } from './anomaly.ts';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** One point a minute for `days` days: `shape(t)` plus Gaussian noise of `noise`. */
function minutes(
  days: number,
  shape: (t: number) => number,
  noise: number,
  seed = 3,
): TimedValue[] {
  const random = seededRandom(seed);
  return Array.from({ length: days * 1440 }, (_, i) => ({
    t: i * MINUTE,
    value: shape(i * MINUTE) + noise * gaussian(random),
  }));
}

/** Judges every point after the first hour as it arrives; the history handed in spans 4 days. */
function scan(points: readonly TimedValue[]): { evaluated: number; flagged: Anomaly[] } {
  const flagged: Anomaly[] = [];
  let evaluated = 0;
  const span = 4 * 1440 + 60;
  for (let i = 60; i < points.length; i++) {
    evaluated++;
    const anomaly = detectAnomaly(points.slice(Math.max(0, i + 1 - span), i + 1));
    if (anomaly) flagged.push(anomaly);
  }
  return { evaluated, flagged };
}

describe('anomaly detection', () => {
  it('finds a spike in stationary noise', () => {
    const points = minutes(1, () => 100, 5).slice(0, 200);
    points[199] = { t: points[199]!.t, value: 160 };
    expect(detectAnomaly(points)).toMatchObject({
      kind: 'spike',
      reference: 'trailing',
      value: 160,
    });
    expect(detectAnomaly(points.slice(0, 199))).toBeNull();
  });

  it('finds a level shift once it has lasted five points', () => {
    const points = minutes(1, (t) => (t >= 150 * MINUTE ? 125 : 100), 5).slice(0, 160);
    const verdicts = points.map((_, i) => detectAnomaly(points.slice(0, i + 1))?.kind ?? null);
    expect(verdicts.slice(0, 150).includes('level_shift')).toBe(false);
    expect(verdicts.slice(154, 160).every((kind) => kind === 'level_shift')).toBe(true);
    expect(detectAnomaly(points)?.expected).toBeCloseTo(100, -1);
  });

  it(`raises at most ${ANOMALY_FALSE_POSITIVE_RATE * 100} % of points on stationary noise over 7 days`, () => {
    const { evaluated, flagged } = scan(minutes(7, () => 100, 5));
    expect(flagged.length).toBeLessThanOrEqual(evaluated * ANOMALY_FALSE_POSITIVE_RATE);
  });

  it(`raises at most ${ANOMALY_FALSE_POSITIVE_RATE * 100} % of points on a clean daily cycle over 7 days`, () => {
    const cycle = (t: number) => 100 + 40 * Math.sin((2 * Math.PI * t) / DAY);
    const points = minutes(7, cycle, 5, 11);
    const { evaluated, flagged } = scan(points);
    expect(flagged.length).toBeLessThanOrEqual(evaluated * ANOMALY_FALSE_POSITIVE_RATE);
    // From the fourth day on, the same time of earlier days is the reference.
    expect(detectAnomaly(points)).toBeNull();
    const spiked = [
      ...points.slice(0, -1),
      { t: points.at(-1)!.t, value: cycle(points.at(-1)!.t) + 60 },
    ];
    expect(detectAnomaly(spiked)).toMatchObject({ kind: 'spike', reference: 'seasonal' });
  });

  it('says nothing without enough reference', () => {
    expect(
      detectAnomaly([
        { t: 0, value: 1 },
        { t: MINUTE, value: 1000 },
      ]),
    ).toBeNull();
    expect(DEFAULT_ANOMALY_POLICY.minReference).toBeGreaterThan(2);
  });
});
