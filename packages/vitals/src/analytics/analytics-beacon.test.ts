import { describe, expect, it } from 'vitest';
import { ANALYTICS_LIMITS, parseAnalyticsBeacon } from './analytics-beacon.ts';
import { normaliseRoute } from './app-routes.ts';
import { foldFeatureName } from './feature-names.ts';

const valid = {
  sessionId: 'tab-0123456789abcdef',
  seq: 3,
  durationMs: 45_000,
  pageViews: { '/': 2, '/performance?window=LAST_1H': 1 },
  features: { 'calculator.selectFlavor': 1 },
};

describe('normaliseRoute', () => {
  it('keeps the router’s patterns and folds everything else into /other', () => {
    expect(normaliseRoute('/')).toBe('/');
    expect(normaliseRoute('')).toBe('/');
    expect(normaliseRoute('/monitoring/')).toBe('/monitoring');
    expect(normaliseRoute('/performance?device=mobile#x')).toBe('/performance');
    expect(normaliseRoute('/alerts/42')).toBe('/alerts/:id');
    expect(normaliseRoute('/alerts/:id')).toBe('/alerts/:id');
    expect(normaliseRoute('/alerts/42/edit')).toBe('/other');
    expect(normaliseRoute('/wp-admin.php')).toBe('/other');
    expect(normaliseRoute('monitoring')).toBe('/other');
  });
});

describe('foldFeatureName', () => {
  it('keeps allowed features and folds unknown ones into other', () => {
    expect(foldFeatureName('preset.serving')).toBe('preset.serving');
    expect(foldFeatureName('calculator.hack<script>')).toBe('other');
    expect(foldFeatureName('__proto__')).toBe('other');
  });
});

describe('parseAnalyticsBeacon', () => {
  it('accepts running totals, normalising routes and folding unknown features', () => {
    const parsed = parseAnalyticsBeacon({
      ...valid,
      pageViews: { ...valid.pageViews, '/x': 1, '/y': 2 },
      features: { ...valid.features, 'made.up': 2, 'also.made.up': 1 },
      ended: true,
    });
    expect(parsed).toEqual({
      ok: true,
      beacon: {
        sessionId: valid.sessionId,
        seq: 3,
        durationMs: 45_000,
        pageViews: { '/': 2, '/performance': 1, '/other': 3 },
        features: { 'calculator.selectFlavor': 1, other: 3 },
        ended: true,
      },
    });
  });

  it('reports every problem of a bad beacon and returns nothing to record', () => {
    const parsed = parseAnalyticsBeacon({
      sessionId: 'a b',
      seq: 0,
      durationMs: -1,
      ended: 'yes',
      pageViews: { '/': 1.5 },
      features: [],
    });
    expect(parsed).toEqual({
      ok: false,
      problems: [
        'sessionId must be 8 to 64 letters, digits, "_" or "-"',
        `seq must be a whole number from 1 to ${ANALYTICS_LIMITS.maxSeq}`,
        `durationMs must be whole milliseconds from 0 to ${ANALYTICS_LIMITS.maxDurationMs}`,
        'ended must be true or false',
        `pageViews["/"] must be a whole count from 0 to ${ANALYTICS_LIMITS.maxCount} under a key of at most 200 characters`,
        `features must be an object of at most ${ANALYTICS_LIMITS.maxKeys} entries`,
      ],
    });
    expect(parseAnalyticsBeacon(null)).toEqual({
      ok: false,
      problems: ['body must be a JSON object'],
    });
  });

  it('refuses more keys than the bound, so one beacon cannot make a flood of series', () => {
    const pageViews = Object.fromEntries(
      Array.from({ length: ANALYTICS_LIMITS.maxKeys + 1 }, (_, i) => [`/p${i}`, 1]),
    );
    const parsed = parseAnalyticsBeacon({ ...valid, pageViews });
    expect(parsed.ok).toBe(false);
  });
});
