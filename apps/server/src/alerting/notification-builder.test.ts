import { createManualClock, createMetricsRegistry } from '@taurine/monitor';
import type { NotificationIntent } from '@taurine/monitor';
import { describe, expect, it } from 'vitest';
import {
  RECOMMENDED_ACTIONS,
  alertLink,
  buildNotification,
  spaBaseUrl,
} from './notification-builder.ts';
import { MINUTE, STANDARD_TAGS, T0 } from '../testing/alerting-service-harness.ts';

function intent(overrides: Partial<NotificationIntent> = {}): NotificationIntent {
  return {
    kind: 'firing',
    idempotencyKey: `fp:${T0}:firing:1`,
    sequence: 1,
    fingerprint: 'fp',
    groupKey: `fp:${T0}`,
    ruleId: 'builtin.api-latency-p95',
    alertName: 'API p95 response time above 2 s',
    description: null,
    metric: 'api.responseTime',
    tags: {},
    severity: 'error',
    priority: 'P1',
    channels: ['pagerduty', 'slack', 'email', 'webhook'],
    escalationLevel: 0,
    status: 'firing',
    startsAt: T0,
    at: T0,
    value: 2450,
    threshold: 2000,
    unit: 'ms',
    summary: 'API p95 response time above 2 s: api.responseTime = 2.45 s (p95 over 5 min > 2 s)',
    actor: 'system',
    comment: null,
    suppressed: false,
    suppressedReason: null,
    silenceIds: [],
    ...overrides,
  };
}

describe('buildNotification', () => {
  const clock = createManualClock(T0 - 30 * MINUTE);
  const registry = createMetricsRegistry({ clock, standardTags: STANDARD_TAGS });
  for (let minute = 0; minute < 30; minute += 1) {
    registry.distribution('api.responseTime', 1000 + minute * 50);
    clock.advance(MINUTE);
  }

  it('carries the trend of the last hour, recommended actions and a link to the alert', () => {
    const notification = buildNotification(intent(), {
      registry,
      dashboardUrl: 'https://taurine.example.com/app/',
      stat: 'p95',
    });
    expect(notification).toMatchObject({
      idempotencyKey: `fp:${T0}:firing:1`,
      kind: 'firing',
      status: 'firing',
      unit: 'ms',
      stat: 'p95',
      value: 2450,
      summary: 'api.responseTime = 2.45 s (p95 over 5 min > 2 s)',
      dashboardUrl: 'https://taurine.example.com/app/alerts?alert=fp',
      recommendedActions: RECOMMENDED_ACTIONS['api.responseTime'],
    });
    expect(notification.trend).toHaveLength(30);
    expect(notification.trend![0]!.value).toBeCloseTo(1000, -1);
    expect(notification).not.toHaveProperty('description');
  });

  it('says who acknowledged and why, and maps the alert status for channels', () => {
    const notification = buildNotification(
      intent({ kind: 'acknowledged', status: 'acknowledged', actor: 'alice', comment: 'on it' }),
      { registry, dashboardUrl: 'http://localhost:4000', stat: 'p95' },
    );
    expect(notification.summary).toBe(
      'api.responseTime = 2.45 s (p95 over 5 min > 2 s) (acknowledged by alice: on it)',
    );
    expect(notification.status).toBe('acknowledged');
    expect(alertLink('http://localhost:4000', 'a b')).toBe(
      'http://localhost:4000/alerts?alert=a+b',
    );
  });

  it('links to /alerts whatever page the public URL names, keeping a proxy prefix', () => {
    // The old DASHBOARD_URL default named the monitoring page: its links were "Page not found".
    expect(alertLink('http://localhost:4000/monitoring', 'fp')).toBe(
      'http://localhost:4000/alerts?alert=fp',
    );
    expect(alertLink('https://ops.example.com/taurine/monitoring/', 'fp')).toBe(
      'https://ops.example.com/taurine/alerts?alert=fp',
    );
    expect(alertLink('https://ops.example.com/taurine', 'fp')).toBe(
      'https://ops.example.com/taurine/alerts?alert=fp',
    );
    expect(alertLink('https://ops.example.com/alerts?status=FIRING#top', 'fp')).toBe(
      'https://ops.example.com/alerts?alert=fp',
    );
    expect(spaBaseUrl('https://ops.example.com')).toBe('https://ops.example.com/');
  });
});
