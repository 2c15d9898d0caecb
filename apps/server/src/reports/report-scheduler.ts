import { randomUUID } from 'node:crypto';
import { resolveReportPeriod } from '@taurine/monitor';
import type { AlertNotification, NewOutboxItem } from '@taurine/notify';
import type { Store, StoredReportSchedule } from '@taurine/store';
import type { ChannelView } from '../alerting/channel-manager.ts';
import type { LeaderLock } from '../infra/leader-lock.ts';
import { buildReportMail } from './report-email.ts';
import type { ReportFormat } from './report-email.ts';
import { parseCron } from './report-schedules.ts';
import type { ReportService } from './report-service.ts';

/** Options of {@link createReportScheduler}. */
export interface ReportSchedulerOptions {
  store: Store;
  reports: ReportService;
  /** Only the leader makes scheduled reports; every instance delivers from the outbox. */
  leader: LeaderLock;
  /** The notification channels (email and Slack ones deliver reports). */
  channels: () => Promise<ChannelView[]>;
  /** The app's public URL: report links are `<url>/reports?report=<id>`. */
  publicUrl: () => string;
  now: () => number;
  /** Hears a schedule run that failed (it is tried again at the next check). */
  onError: (message: string, error: unknown) => void;
  /** @default crypto.randomUUID */
  createId?: () => string;
}

/** Makes due scheduled reports and queues their delivery. */
export interface ReportScheduler {
  /** Runs every schedule due at `now` (once per due time); resolves to the reports made. */
  runDue(now?: number): Promise<string[]>;
  /** Checks every `intervalMs` (and once at once). */
  start(intervalMs: number): void;
  /** Stops checking and waits for a run in progress. */
  stop(): Promise<void>;
}

/** The latest due time of `schedule` in `(lastDueAt, now]`, or null when none is due. */
export function latestDueTime(schedule: StoredReportSchedule, now: number): number | null {
  const cron = parseCron(schedule.cron, schedule.timeZone);
  if (typeof cron === 'string') return null;
  let due: number | null = null;
  let next = cron.nextRun(new Date(schedule.lastDueAt ?? schedule.createdAt));
  // Missed runs (a long outage) collapse into the latest one: one report, not a backlog.
  while (next !== null && next.getTime() <= now) {
    due = next.getTime();
    next = cron.nextRun(next);
  }
  return due;
}

/** The next due time of `schedule` after its last run, or null when the cron never fires. */
export function nextDueTime(schedule: StoredReportSchedule): number | null {
  const cron = parseCron(schedule.cron, schedule.timeZone);
  if (typeof cron === 'string') return null;
  return cron.nextRun(new Date(schedule.lastDueAt ?? schedule.createdAt))?.getTime() ?? null;
}

/** The outbox items of one report: one email (own recipients), and Slack when asked. */
function deliveries(
  schedule: StoredReportSchedule,
  channels: readonly ChannelView[],
  base: AlertNotification,
  mail: AlertNotification['report'],
  now: number,
  createId: () => string,
): NewOutboxItem[] {
  const enabled = channels.filter((channel) => channel.enabled);
  const email = enabled.find((channel) => channel.type === 'email');
  const slack = enabled.find((channel) => channel.type === 'slack');
  const items: NewOutboxItem[] = [];
  if (email !== undefined && schedule.recipients.length > 0 && mail !== undefined) {
    items.push({
      id: createId(),
      channelName: email.name,
      channelType: 'email',
      notification: { ...base, report: mail },
      createdAt: now,
    });
  }
  if (slack !== undefined && schedule.slack) {
    items.push({
      id: createId(),
      channelName: slack.name,
      channelType: 'slack',
      notification: base,
      createdAt: now,
    });
  }
  return items;
}

/** Creates the scheduler. */
export function createReportScheduler(options: ReportSchedulerOptions): ReportScheduler {
  const { store, reports, leader, now } = options;
  const createId = options.createId ?? randomUUID;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<string[]> | undefined;

  async function runSchedule(
    schedule: StoredReportSchedule,
    dueAt: number,
  ): Promise<string | null> {
    // The period that ended last before the due time (a daily report at 00:05 covers yesterday).
    const current = resolveReportPeriod({
      kind: schedule.periodKind as 'day',
      at: dueAt,
      timeZone: schedule.timeZone,
    });
    const report = await reports.build({
      period: schedule.periodKind as 'day',
      at: current.previousFrom,
      timeZone: schedule.timeZone,
      scope: schedule.scopeKind === 'instance' ? 'instance' : 'cluster',
    });
    const record = {
      id: createId(),
      generatedBy: `schedule:${schedule.name}`,
      scheduleId: schedule.id,
      report,
    };
    const link = `${options.publicUrl()}/reports?report=${encodeURIComponent(record.id)}`;
    const mail = await buildReportMail(report, {
      formats: schedule.formats as ReportFormat[],
      recipients: schedule.recipients,
      link,
    });
    const base: AlertNotification = {
      idempotencyKey: `report:${schedule.id}:${dueAt}`,
      kind: 'report',
      fingerprint: `report:${schedule.id}`,
      alertName: `${schedule.name}: ${report.period.label}`,
      severity: 'info',
      metric: 'report',
      value: null,
      threshold: null,
      status: 'resolved',
      startsAt: report.period.from,
      at: dueAt,
      summary: report.headline,
      dashboardUrl: link,
    };
    const items = deliveries(schedule, await options.channels(), base, mail, now(), createId);
    const stored = await store.reports.recordScheduledRun(reports.toStored(record, dueAt), items);
    return stored ? record.id : null;
  }

  async function runAll(at: number): Promise<string[]> {
    if (!(await leader.acquire())) return [];
    const made: string[] = [];
    for (const schedule of await store.reports.listSchedules()) {
      if (!schedule.enabled) continue;
      const dueAt = latestDueTime(schedule, at);
      if (dueAt === null) continue;
      try {
        const id = await runSchedule(schedule, dueAt);
        if (id !== null) made.push(id);
      } catch (error) {
        options.onError(`report schedule "${schedule.name}" failed`, error);
      }
    }
    return made;
  }

  const runDue = (at = now()) => {
    // One run at a time: a slow run is never overlapped by the next check.
    const run = (running ?? Promise.resolve([])).then(() => runAll(at));
    running = run.catch(() => []);
    return run;
  };

  return {
    runDue,
    start(intervalMs) {
      const check = () => {
        runDue().catch((error: unknown) => {
          options.onError('report schedules could not be read', error);
        });
      };
      check();
      timer = setInterval(check, intervalMs);
      timer.unref();
    },
    async stop() {
      clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
}
