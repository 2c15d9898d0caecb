import { describe, expect, it } from 'vitest';
import { validateRule } from './validate-rule.ts';

const valid = {
  id: 'latency.checkout',
  name: 'Checkout latency',
  metric: 'api.responseTime',
  tags: { endpoint: '/checkout' },
  stat: 'p95',
  window: '5m',
  comparison: '>',
  threshold: 1500,
  severity: 'error',
  forMs: 300_000,
};

function errorsOf(input: unknown, knownMetrics?: string[]) {
  const result = validateRule(input, knownMetrics);
  return result.ok ? [] : result.errors.map(({ field, code }) => ({ field, code }));
}

describe('validateRule', () => {
  it('accepts a valid rule and fills in the defaults', () => {
    expect(validateRule({ ...valid, name: '  Checkout latency  ' })).toEqual({
      ok: true,
      rule: {
        ...valid,
        keepFiringForMs: 0,
        noDataState: 'no-data',
        enabled: true,
        builtIn: false,
      },
    });
  });

  it('rejects a metric outside the known list', () => {
    expect(errorsOf(valid, ['api.errorRate'])).toEqual([
      { field: 'metric', code: 'unknown-metric' },
    ]);
    expect(errorsOf(valid, ['api.responseTime'])).toEqual([]);
  });

  it.each([
    ['window', { window: '2m' }, 'not-allowed'],
    ['stat', { stat: 'median' }, 'not-allowed'],
    ['comparison', { comparison: '==' }, 'not-allowed'],
    ['severity', { severity: 'fatal' }, 'not-allowed'],
    ['noDataState', { noDataState: 'error' }, 'not-allowed'],
    ['threshold', { threshold: Number.NaN }, 'not-finite'],
    ['threshold', { threshold: Number.POSITIVE_INFINITY }, 'not-finite'],
    ['threshold', { threshold: '5' }, 'invalid-type'],
    ['threshold', { threshold: undefined }, 'required'],
    ['forMs', { forMs: -1 }, 'negative'],
    ['keepFiringForMs', { keepFiringForMs: -5 }, 'negative'],
    ['name', { name: '   ' }, 'empty'],
    ['name', { name: 'x'.repeat(201) }, 'too-long'],
    ['id', { id: 'has spaces' }, 'invalid-format'],
    ['metric', { metric: 'api response' }, 'invalid-format'],
    ['tags.severity', { tags: { severity: 'high' } }, 'reserved-name'],
    ['tags.region', { tags: { region: '' } }, 'empty'],
    ['enabled', { enabled: 'yes' }, 'invalid-type'],
  ])('rejects a bad %s (%j)', (field, patch, code) => {
    expect(errorsOf({ ...valid, ...patch })).toEqual([{ field, code }]);
  });

  it('reports every problem at once with readable messages', () => {
    const result = validateRule({ name: '', threshold: Infinity, window: '2m', forMs: -1 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((error) => error.field)).toEqual([
      'id',
      'name',
      'metric',
      'stat',
      'window',
      'comparison',
      'threshold',
      'severity',
      'forMs',
    ]);
    expect(result.errors).toContainEqual({
      field: 'window',
      code: 'not-allowed',
      message: 'window must be one of 1m, 5m, 15m, 1h, 6h, 24h, 7d',
    });
  });

  it('rejects input that is not an object', () => {
    expect(errorsOf(null)).toEqual([{ field: '', code: 'invalid-type' }]);
    expect(errorsOf([valid])).toEqual([{ field: '', code: 'invalid-type' }]);
  });
});
