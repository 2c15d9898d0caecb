import { describe, expect, it } from 'vitest';
import { durationText, thresholdText, usersText } from './load-test-format.ts';

describe('load test wording', () => {
  it('says each threshold with its figure, rule and unit', () => {
    expect(thresholdText({ metric: 'P95_MS', limit: 500, actual: 812.44 })).toBe(
      'p95 812.4 ms (limit < 500 ms)',
    );
    expect(thresholdText({ metric: 'THROUGHPUT_RPS', limit: 20, actual: null })).toBe(
      'Throughput n/a (limit ≥ 20 req/s)',
    );
  });

  it('shows ramps as a move and held users as one number, and run lengths in minutes', () => {
    expect(usersText(0, 20)).toBe('0 → 20');
    expect(usersText(20, 20)).toBe('20');
    expect(durationText('2026-12-01T10:00:00Z', '2026-12-01T10:01:05Z')).toBe('1 min 5 s');
    expect(durationText('2026-12-01T10:00:00Z', '2026-12-01T10:00:42Z')).toBe('42 s');
  });
});
