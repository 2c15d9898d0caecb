import { describe, expect, it } from 'vitest';
import type { Silence, SilenceTarget } from './silence.ts';
import { alertLabels, isSilenced, matchingSilences, validateSilence } from './silence.ts';

const alert: SilenceTarget = {
  ruleName: 'Error rate above 5 %',
  severity: 'critical',
  metric: 'api.errorRate',
  tags: { region: 'eu', endpoint: '/graphql' },
};

const silence = (overrides: Partial<Silence> = {}): Silence => ({
  id: 's1',
  matchers: [{ name: 'region', value: 'eu' }],
  startsAt: 1000,
  endsAt: 2000,
  comment: 'deploy',
  createdBy: 'carol',
  ...overrides,
});

describe('isSilenced', () => {
  it('matches on alertname, severity, metric and tags, all matchers at once', () => {
    expect(alertLabels(alert)).toEqual({
      region: 'eu',
      endpoint: '/graphql',
      alertname: 'Error rate above 5 %',
      severity: 'critical',
      metric: 'api.errorRate',
    });
    const matchers = [
      { name: 'alertname', value: 'Error rate above 5 %' },
      { name: 'severity', value: 'critical' },
      { name: 'metric', value: 'api.errorRate' },
      { name: 'endpoint', value: '/graphql' },
    ];
    expect(isSilenced(alert, [silence({ matchers })], 1500)).toBe(true);
    expect(
      isSilenced(
        alert,
        [silence({ matchers: [...matchers, { name: 'region', value: 'us' }] })],
        1500,
      ),
    ).toBe(false);
  });

  it('compares exactly: no patterns, no case folding, missing labels never match', () => {
    expect(
      isSilenced(alert, [silence({ matchers: [{ name: 'region', value: 'e.*' }] })], 1500),
    ).toBe(false);
    expect(
      isSilenced(alert, [silence({ matchers: [{ name: 'region', value: 'EU' }] })], 1500),
    ).toBe(false);
    expect(
      isSilenced(alert, [silence({ matchers: [{ name: 'device', value: 'mobile' }] })], 1500),
    ).toBe(false);
  });

  it('is active from startsAt inclusive to endsAt exclusive', () => {
    expect(isSilenced(alert, [silence()], 999)).toBe(false);
    expect(isSilenced(alert, [silence()], 1000)).toBe(true);
    expect(isSilenced(alert, [silence()], 1999)).toBe(true);
    expect(isSilenced(alert, [silence()], 2000)).toBe(false);
  });

  it('never lets a silence without matchers mute everything', () => {
    expect(isSilenced(alert, [silence({ matchers: [] })], 1500)).toBe(false);
  });

  it('lists every matching silence', () => {
    const silences = [
      silence({ id: 'a' }),
      silence({ id: 'b', matchers: [{ name: 'region', value: 'us' }] }),
      silence({ id: 'c' }),
    ];
    expect(matchingSilences(alert, silences, 1500).map(({ id }) => id)).toEqual(['a', 'c']);
  });
});

describe('validateSilence', () => {
  it('accepts a valid silence', () => {
    expect(validateSilence(silence())).toEqual({ ok: true, silence: silence() });
  });

  it('rejects regex matchers, empty matchers, reversed ranges and missing fields', () => {
    const result = validateSilence({
      id: 's1',
      matchers: [
        { name: 'region', value: 'e.*', isRegex: true },
        { name: 'device', value: '' },
      ],
      startsAt: 2000,
      endsAt: 1000,
      comment: '',
    });
    expect(result.ok ? [] : result.errors.map(({ field, code }) => ({ field, code }))).toEqual([
      { field: 'matchers.0.isRegex', code: 'not-allowed' },
      { field: 'matchers.1.value', code: 'empty' },
      { field: 'endsAt', code: 'invalid-range' },
      { field: 'comment', code: 'empty' },
      { field: 'createdBy', code: 'required' },
    ]);
    expect(validateSilence({ ...silence(), matchers: [] })).toMatchObject({
      ok: false,
      errors: [
        { field: 'matchers', code: 'empty', message: 'a silence needs at least one matcher' },
      ],
    });
  });
});
