import {
  CLSThresholds,
  FCPThresholds,
  INPThresholds,
  LCPThresholds,
  TTFBThresholds,
} from 'web-vitals';
import { describe, expect, it } from 'vitest';
import { VITAL_NAMES, VITAL_THRESHOLDS, rateVital } from './vital-thresholds.ts';

describe('VITAL_THRESHOLDS', () => {
  it('are the thresholds web-vitals exports, so the server rates as the browser library does', () => {
    const published = {
      LCP: LCPThresholds,
      INP: INPThresholds,
      CLS: CLSThresholds,
      FCP: FCPThresholds,
      TTFB: TTFBThresholds,
    };
    for (const name of VITAL_NAMES) {
      const { good, poor } = VITAL_THRESHOLDS[name];
      expect([good, poor], name).toEqual(published[name]);
    }
    expect(Object.keys(VITAL_THRESHOLDS)).toEqual([...VITAL_NAMES]);
  });

  it('accepts values far above "poor" but not absurd ones', () => {
    for (const name of VITAL_NAMES) {
      expect(VITAL_THRESHOLDS[name].max).toBeGreaterThan(VITAL_THRESHOLDS[name].poor * 20);
    }
  });
});

describe('rateVital', () => {
  it('is good up to and including the first threshold, poor only above the second', () => {
    expect(rateVital('LCP', 2500)).toBe('good');
    expect(rateVital('LCP', 2501)).toBe('needs-improvement');
    expect(rateVital('LCP', 4000)).toBe('needs-improvement');
    expect(rateVital('LCP', 4001)).toBe('poor');
    expect(rateVital('CLS', 0.1)).toBe('good');
    expect(rateVital('CLS', 0.26)).toBe('poor');
    expect(rateVital('INP', 0)).toBe('good');
  });
});
