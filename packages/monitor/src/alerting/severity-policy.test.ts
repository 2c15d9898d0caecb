import { describe, expect, it } from 'vitest';
import { AlertingConfigError } from './alerting-config-error.ts';
import { SEVERITY_POLICY, channelsAtLevel, resolveSeverityPolicy } from './severity-policy.ts';

const MINUTE = 60_000;

describe('SEVERITY_POLICY', () => {
  it('holds the priorities, cooldowns, escalation times and channels of the architecture', () => {
    const rows = Object.entries(SEVERITY_POLICY).map(([severity, policy]) => [
      severity,
      policy.priority,
      policy.repeatIntervalMs / MINUTE,
      policy.escalateAfterMs / MINUTE,
      policy.channels.join('+'),
    ]);
    expect(rows).toEqual([
      ['critical', 'P0', 5, 15, 'pagerduty+slack'],
      ['error', 'P1', 15, 60, 'pagerduty+slack+email'],
      ['warning', 'P2', 60, 240, 'slack+email'],
      ['info', 'P3', 240, 1440, 'email'],
    ]);
  });

  it('widens the audience at every escalation level', () => {
    for (const policy of Object.values(SEVERITY_POLICY)) {
      let previous = policy.channels;
      for (const level of policy.escalationLevels) {
        expect(level.channels).toEqual(expect.arrayContaining([...previous]));
        expect(level.channels.length).toBeGreaterThan(previous.length);
        previous = level.channels;
      }
    }
  });
});

describe('channelsAtLevel', () => {
  it('returns level 0 channels, then each level, clamped to the last', () => {
    const policy = SEVERITY_POLICY.critical;
    expect(channelsAtLevel(policy, 0)).toEqual(['pagerduty', 'slack']);
    expect(channelsAtLevel(policy, 1)).toEqual(['pagerduty', 'slack', 'email']);
    expect(channelsAtLevel(policy, 9)).toEqual(['pagerduty', 'slack', 'email', 'webhook']);
  });
});

describe('resolveSeverityPolicy', () => {
  it('merges overrides over the defaults', () => {
    const table = resolveSeverityPolicy({ info: { channels: ['webhook'] } });
    expect(table.info).toEqual({ ...SEVERITY_POLICY.info, channels: ['webhook'] });
    expect(table.critical).toEqual(SEVERITY_POLICY.critical);
  });

  it.each([
    [
      { error: { escalateAfterMs: Number.NaN } },
      'error.escalateAfterMs must be a positive finite number (got NaN)',
    ],
    [
      { warning: { channels: [] } },
      'warning.channels must be a non-empty list of pagerduty, slack, email, webhook (got [])',
    ],
    [
      { info: { escalationLevels: [{ channels: ['sms' as never] }] } },
      'info.escalationLevels.0.channels must be a non-empty list of pagerduty, slack, email, webhook (got ["sms"])',
    ],
    [
      { critical: { priority: 'P9' as never } },
      'critical.priority must be one of P0, P1, P2, P3 (got "P9")',
    ],
  ])('rejects %j with an exact message', (overrides, message) => {
    expect(() => resolveSeverityPolicy(overrides)).toThrow(
      new AlertingConfigError('invalid-policy', `Invalid severity policy: ${message}`),
    );
  });
});
