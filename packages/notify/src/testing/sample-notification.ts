import type { AlertNotification } from '../alert-notification.ts';

export const SAMPLE_AT = Date.UTC(2025, 0, 15, 12, 0, 0);

/** A firing error-rate alert with every optional field set. */
export function sampleNotification(overrides: Partial<AlertNotification> = {}): AlertNotification {
  return {
    idempotencyKey: 'alert-42:firing:1',
    kind: 'firing',
    fingerprint: 'fp-error-rate-eu',
    alertName: 'High error rate',
    severity: 'critical',
    metric: 'api.errorRate',
    unit: 'ratio',
    stat: 'avg',
    value: 0.0725,
    threshold: 0.05,
    status: 'firing',
    startsAt: SAMPLE_AT - 5 * 60_000,
    at: SAMPLE_AT,
    summary: 'api.errorRate = 7.25 % (avg over 5 min > 5 %)',
    description: 'Errors on /graphql since the 11:55 deploy',
    dashboardUrl: 'https://taurine.example.com/dashboard?alert=42',
    trend: [
      { t: SAMPLE_AT - 90 * 60_000, value: 9.99 },
      { t: SAMPLE_AT - 50 * 60_000, value: 0.015 },
      { t: SAMPLE_AT - 30 * 60_000, value: 0.0225 },
      { t: SAMPLE_AT - 10 * 60_000, value: 0.065 },
      { t: SAMPLE_AT, value: 0.0725 },
    ],
    recommendedActions: ['Roll back the 11:55 deploy', 'Check the upstream API status'],
    tags: { environment: 'production', region: 'eu-west-1' },
    ...overrides,
  };
}
