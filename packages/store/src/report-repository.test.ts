import type { NewOutboxItem } from '@taurine/notify';
import { describe, expect, it } from 'vitest';
import type { Store } from './open-store.ts';
import type { StoredReport, StoredReportSchedule } from './report-repository.ts';
import { storeHarnesses, useMigratedStore } from './testing/store-harness.ts';

const T0 = 1_767_225_600_000;
const DAY = 86_400_000;

const report = (id: string, overrides: Partial<StoredReport> = {}): StoredReport => ({
  id,
  periodKind: 'day',
  from: T0,
  to: T0 + DAY,
  timeZone: 'Europe/Paris',
  scopeKind: 'instance',
  scopeInstance: 'web-1',
  generatedAt: T0 + DAY,
  generatedBy: 'ops',
  scheduleId: null,
  dueAt: null,
  body: { headline: 'All good.', figures: [{ key: 'requests', value: 12 }] },
  ...overrides,
});

const schedule: StoredReportSchedule = {
  id: 's1',
  name: 'Daily',
  periodKind: 'day',
  timeZone: 'Europe/Paris',
  cron: '5 0 * * *',
  scopeKind: 'cluster',
  recipients: ['ops@example.com'],
  formats: ['pdf'],
  slack: false,
  enabled: true,
  lastDueAt: null,
  createdAt: T0,
  updatedAt: T0,
};

const outboxItem = (id: string): NewOutboxItem => ({
  id,
  channelName: 'env-email',
  channelType: 'email',
  createdAt: T0 + DAY,
  notification: {
    idempotencyKey: `report:s1:${T0 + DAY}`,
    kind: 'test',
    fingerprint: 'report:s1',
    alertName: 'Daily',
    severity: 'info',
    metric: 'report',
    value: null,
    threshold: null,
    status: 'resolved',
    startsAt: T0,
    at: T0 + DAY,
    summary: 'Daily report',
  },
});

describe.each(storeHarnesses)('ReportRepository on $dialect', ({ create }) => {
  let store: Store;
  useMigratedStore(create, (opened) => {
    store = opened.store;
  });

  it('stores reports with their document and pages them newest first', async () => {
    await store.reports.insert(report('a', { generatedAt: T0 + 1 }));
    await store.reports.insert(report('b', { generatedAt: T0 + 2 }));
    await store.reports.insert(report('c', { generatedAt: T0 + 3 }));
    expect(await store.reports.get('b')).toEqual(report('b', { generatedAt: T0 + 2 }));
    const first = await store.reports.list({ first: 2 });
    expect(first.reports.map((r) => r.id)).toEqual(['c', 'b']);
    expect(first.hasNextPage).toBe(true);
    const next = await store.reports.list({ first: 2, after: { generatedAt: T0 + 2, id: 'b' } });
    expect(next.reports.map((r) => r.id)).toEqual(['a']);
    expect(next.hasNextPage).toBe(false);
    expect(await store.reports.get('nope')).toBeUndefined();
  });

  it('records a schedule run once: the report, its deliveries and the due time together', async () => {
    await store.reports.saveSchedule(schedule);
    const run = report('r1', { scheduleId: 's1', dueAt: T0 + DAY });
    expect(await store.reports.recordScheduledRun(run, [outboxItem('o1')])).toBe(true);
    // The same due time again (a replay after a restart): nothing is stored or queued twice.
    const replay = report('r2', { scheduleId: 's1', dueAt: T0 + DAY });
    expect(await store.reports.recordScheduledRun(replay, [outboxItem('o2')])).toBe(false);
    expect((await store.reports.list()).reports.map((r) => r.id)).toEqual(['r1']);
    expect((await store.outbox.list()).map((item) => item.id)).toEqual(['o1']);
    expect((await store.reports.getSchedule('s1'))?.lastDueAt).toBe(T0 + DAY);
  });

  it('creates, updates and deletes schedules', async () => {
    await store.reports.saveSchedule(schedule);
    await store.reports.saveSchedule({
      ...schedule,
      name: 'Daily ops',
      slack: true,
      updatedAt: T0 + 5,
    });
    expect(await store.reports.listSchedules()).toEqual([
      { ...schedule, name: 'Daily ops', slack: true, updatedAt: T0 + 5 },
    ]);
    expect(await store.reports.deleteSchedule('s1')).toBe(true);
    expect(await store.reports.deleteSchedule('s1')).toBe(false);
    expect(await store.reports.listSchedules()).toEqual([]);
  });
});
