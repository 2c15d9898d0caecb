import { ALERT_SEVERITIES } from './alert-rule.ts';
import type { Severity } from './alert-rule.ts';
import { AlertingConfigError } from './alerting-config-error.ts';

/** Notification channel types; the notify package delivers to them. */
export const CHANNEL_TYPES = ['pagerduty', 'slack', 'email', 'webhook'] as const;
export type ChannelType = (typeof CHANNEL_TYPES)[number];

/** Incident priority: P0 is the most urgent. */
export type AlertPriority = 'P0' | 'P1' | 'P2' | 'P3';

/** The channels notified once an alert has escalated to this level. */
export interface EscalationLevel {
  readonly channels: readonly ChannelType[];
}

/** How alerts of one severity are notified, repeated and escalated. */
export interface SeverityPolicy {
  readonly priority: AlertPriority;
  /** While firing and unacknowledged, the last notification is repeated after this long. */
  readonly repeatIntervalMs: number;
  /**
   * An unacknowledged firing alert moves up one escalation level each time this long passes:
   * level n is reached `n * escalateAfterMs` after it started firing.
   */
  readonly escalateAfterMs: number;
  /** Level 0: the channels told when the alert fires. */
  readonly channels: readonly ChannelType[];
  /** Levels 1..n in order; each lists its channels in full (not only the additions). */
  readonly escalationLevels: readonly EscalationLevel[];
}

/** A policy for every severity. */
export type SeverityPolicyTable = Readonly<Record<Severity, SeverityPolicy>>;

/** Per-severity overrides merged over {@link SEVERITY_POLICY}; omitted fields keep the default. */
export type SeverityPolicyOverrides = { readonly [S in Severity]?: Partial<SeverityPolicy> };

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/**
 * The house policy (ARCHITECTURE.md, "Alerts"). Repeats: P0 5 min, P1 15 min, P2 1 h, P3 4 h.
 * Escalation when unacknowledged: P0 after 15 min, P1 1 h, P2 4 h, P3 24 h. Level 0 channels:
 * P0 PagerDuty + Slack, P1 PagerDuty + Slack + email, P2 Slack + email, P3 email. Escalation
 * levels widen the audience: P0 adds email then the webhook, P1 adds the webhook, P2 pages
 * (PagerDuty) then adds the webhook, P3 adds Slack.
 */
export const SEVERITY_POLICY: SeverityPolicyTable = {
  critical: {
    priority: 'P0',
    repeatIntervalMs: 5 * MINUTE_MS,
    escalateAfterMs: 15 * MINUTE_MS,
    channels: ['pagerduty', 'slack'],
    escalationLevels: [
      { channels: ['pagerduty', 'slack', 'email'] },
      { channels: ['pagerduty', 'slack', 'email', 'webhook'] },
    ],
  },
  error: {
    priority: 'P1',
    repeatIntervalMs: 15 * MINUTE_MS,
    escalateAfterMs: HOUR_MS,
    channels: ['pagerduty', 'slack', 'email'],
    escalationLevels: [{ channels: ['pagerduty', 'slack', 'email', 'webhook'] }],
  },
  warning: {
    priority: 'P2',
    repeatIntervalMs: HOUR_MS,
    escalateAfterMs: 4 * HOUR_MS,
    channels: ['slack', 'email'],
    escalationLevels: [
      { channels: ['slack', 'email', 'pagerduty'] },
      { channels: ['slack', 'email', 'pagerduty', 'webhook'] },
    ],
  },
  info: {
    priority: 'P3',
    repeatIntervalMs: 4 * HOUR_MS,
    escalateAfterMs: 24 * HOUR_MS,
    channels: ['email'],
    escalationLevels: [{ channels: ['email', 'slack'] }],
  },
};

/**
 * Merges `overrides` over `base` and checks the result.
 *
 * @throws {@link AlertingConfigError} (`invalid-policy`) naming the first bad field, e.g.
 *   `Invalid severity policy: critical.repeatIntervalMs must be a positive finite number (got 0)`.
 */
export function resolveSeverityPolicy(
  overrides: SeverityPolicyOverrides = {},
  base: SeverityPolicyTable = SEVERITY_POLICY,
): SeverityPolicyTable {
  const table = {} as Record<Severity, SeverityPolicy>;
  for (const severity of ALERT_SEVERITIES) {
    const merged: SeverityPolicy = { ...base[severity], ...overrides[severity] };
    checkPolicy(severity, merged);
    table[severity] = merged;
  }
  return table;
}

/** The channels of escalation `level` (0 = the firing channels); clamps to the last level. */
export function channelsAtLevel(policy: SeverityPolicy, level: number): readonly ChannelType[] {
  if (level <= 0) return policy.channels;
  const levels = policy.escalationLevels;
  return levels[Math.min(level, levels.length) - 1]?.channels ?? policy.channels;
}

function checkPolicy(severity: Severity, policy: SeverityPolicy): void {
  const fail = (field: string, expectation: string, got: unknown): never => {
    throw new AlertingConfigError(
      'invalid-policy',
      `Invalid severity policy: ${severity}.${field} must be ${expectation} (got ${describe(got)})`,
    );
  };
  if (!['P0', 'P1', 'P2', 'P3'].includes(policy.priority)) {
    fail('priority', 'one of P0, P1, P2, P3', policy.priority);
  }
  for (const field of ['repeatIntervalMs', 'escalateAfterMs'] as const) {
    const value: unknown = policy[field];
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
      fail(field, 'a positive finite number', value);
    }
  }
  checkChannels(policy.channels, 'channels', fail);
  if (!Array.isArray(policy.escalationLevels)) {
    fail('escalationLevels', 'a list', policy.escalationLevels);
  }
  policy.escalationLevels.forEach((level, index) => {
    checkChannels(level.channels, `escalationLevels.${index}.channels`, fail);
  });
}

function checkChannels(
  channels: unknown,
  field: string,
  fail: (field: string, expectation: string, got: unknown) => never,
): void {
  const valid =
    Array.isArray(channels) &&
    channels.length > 0 &&
    channels.every((channel) => (CHANNEL_TYPES as readonly unknown[]).includes(channel));
  if (!valid) fail(field, `a non-empty list of ${CHANNEL_TYPES.join(', ')}`, channels);
}

function describe(value: unknown): string {
  if (value === undefined || typeof value === 'number') return String(value);
  return JSON.stringify(value);
}
