/** Severity of an alert: P0 critical, P1 error, P2 warning, P3 info. */
export type Severity = 'critical' | 'error' | 'warning' | 'info';

/** Why a notification is sent: a lifecycle transition, a repeat, an escalation or a test. */
export type NotificationKind =
  'firing' | 'repeat' | 'escalation' | 'resolved' | 'acknowledged' | 'test' | 'report';

/** Lifecycle state of the alert at the time of the notification. */
export type AlertStatus = 'firing' | 'acknowledged' | 'resolved';

/** One point of a metric's recent history; `t` is epoch milliseconds. */
export interface TrendPoint {
  t: number;
  value: number;
}

/**
 * Everything a channel needs to tell a human about one alert event. JSON-serialisable: the outbox
 * stores it as is. Times are epoch milliseconds.
 */
export interface AlertNotification {
  /** Stable for this event across every retry: PagerDuty dedups on the fingerprint, webhooks on this. */
  idempotencyKey: string;
  kind: NotificationKind;
  /** Stable identity of the alert (rule + tag set). */
  fingerprint: string;
  alertName: string;
  severity: Severity;
  metric: string;
  /**
   * The metric's declared unit (`ms`, `ratio`, `MB`, empty for counts); `value`, `threshold` and
   * `trend` are in it, raw. Messages show them formatted (`2.67 %`, `1.80 ms`). Absent in
   * notifications queued before units were carried: their numbers read as plain numbers.
   */
  unit?: string;
  /** The rule's statistic (`p95`, `count`, `rate`...): `count` is unitless, `rate` per second. */
  stat?: string;
  /** Raw statistic, in `unit`; null when there was no data. */
  value: number | null;
  threshold: number | null;
  status: AlertStatus;
  startsAt: number;
  /** When the event happened. */
  at: number;
  summary: string;
  description?: string;
  dashboardUrl?: string;
  /** The metric over the last hour, shown in emails. */
  trend?: TrendPoint[];
  recommendedActions?: string[];
  tags?: Record<string, string>;
  /** Set on a `report` notification: the email carries this instead of the alert layout. */
  report?: ReportMailContent;
}

/** A file attached to a report email, base64 so the outbox stores it as JSON. */
export interface MailAttachment {
  filename: string;
  contentType: string;
  contentBase64: string;
}

/**
 * The email of a periodic report: subject, HTML summary and plain text, the files attached, and
 * its own recipients (the channel's when absent). Slack shows `summary` with `dashboardUrl`.
 */
export interface ReportMailContent {
  subject: string;
  text: string;
  html: string;
  recipients?: string[];
  attachments: MailAttachment[];
}

/** Short upper-case label per kind, used in titles and subjects. */
export const KIND_LABELS: Readonly<Record<NotificationKind, string>> = {
  firing: 'FIRING',
  repeat: 'STILL FIRING',
  escalation: 'ESCALATED',
  resolved: 'RESOLVED',
  acknowledged: 'ACKNOWLEDGED',
  test: 'TEST',
  report: 'REPORT',
};
