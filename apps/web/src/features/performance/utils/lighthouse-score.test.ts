import { describe, expect, it } from 'vitest';
import { logNormalScore, performanceScore } from './lighthouse-score.ts';

describe('Lighthouse scoring', () => {
  const lcp = { p10: 2500, median: 4000 };

  it('scores the control points 0.9 and 0.5 and falls off on a log-normal curve', () => {
    expect(logNormalScore(lcp, 2500)).toBeCloseTo(0.9, 3);
    expect(logNormalScore(lcp, 4000)).toBeCloseTo(0.5, 3);
    expect(logNormalScore(lcp, 1200)).toBeGreaterThan(0.99);
    expect(logNormalScore(lcp, 8000)).toBeLessThan(0.1);
    expect(logNormalScore(lcp, 0)).toBe(1);
  });

  it('weights LCP and INP 30 %, CLS and FCP 15 %, TTFB 10 %', () => {
    // Everything at its "good" threshold scores 90.
    expect(performanceScore({ LCP: 2500, INP: 200, CLS: 0.1, FCP: 1800, TTFB: 800 })?.score).toBe(
      90,
    );
    // A poor LCP costs more than an equally poor TTFB.
    const poorLcp = performanceScore({ LCP: 8000, INP: 50, CLS: 0, FCP: 500, TTFB: 100 })!.score;
    const poorTtfb = performanceScore({ LCP: 500, INP: 50, CLS: 0, FCP: 500, TTFB: 3600 })!.score;
    expect(poorLcp).toBeLessThan(poorTtfb);
    expect(poorLcp).toBeGreaterThan(65);
    expect(poorLcp).toBeLessThan(75);
  });

  it('shares out the weight of missing vitals and has no score without data', () => {
    expect(performanceScore({ LCP: 1000, CLS: null })?.parts.map((p) => p.name)).toEqual(['LCP']);
    expect(performanceScore({ LCP: 1000 })?.score).toBeGreaterThan(95);
    expect(performanceScore({})).toBeNull();
  });

  it('names the vitals without data, so the score can say it is partial', () => {
    expect(performanceScore({ LCP: 1000, CLS: null, TTFB: 300 })?.missing).toEqual([
      'INP',
      'CLS',
      'FCP',
    ]);
    expect(
      performanceScore({ LCP: 2500, INP: 200, CLS: 0.1, FCP: 1800, TTFB: 800 })?.missing,
    ).toEqual([]);
  });
});
