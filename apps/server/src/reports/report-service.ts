import { randomUUID } from 'node:crypto';
import { MonitorError, buildReport, resolveReportPeriod } from '@taurine/monitor';
import type { MetricsRegistry, Report, ReportPeriodKind } from '@taurine/monitor';
import type { Store, StoredReport } from '@taurine/store';
import type { AppConfig } from '../config.ts';
import {
  REPORT_BUDGETS,
  loadClusterRegistry,
  loadReportAlerts,
  recommendationsFor,
} from './report-inputs.ts';
import type { ReportFindings } from './report-findings.ts';

/** What a report is asked for: a period holding `at` in `timeZone`, or a custom range. */
export interface ReportQuery {
  period: ReportPeriodKind;
  at: number;
  timeZone?: string | undefined;
  range?: { from: number; to: number } | undefined;
  scope: 'cluster' | 'instance';
}

/** A stored report with its document. */
export interface ReportRecord {
  id: string;
  generatedBy: string;
  scheduleId: string | null;
  report: Report;
}

/** Thrown for a query that cannot make a report (unknown zone, empty range): a client error. */
export class ReportQueryError extends Error {
  override readonly name = 'ReportQueryError';
}

/** Reports: built from the registry's statistics, stored, listed. */
export interface ReportService {
  /** Builds the report of a query now, without storing it. */
  build(query: ReportQuery): Promise<Report>;
  /** Builds and stores a report; `generatedBy` names who asked. */
  generate(query: ReportQuery, generatedBy: string): Promise<ReportRecord>;
  get(id: string): Promise<ReportRecord | undefined>;
  list(first: number, after?: string): Promise<{ records: ReportRecord[]; hasNextPage: boolean }>;
  /** The stored form of a built report (for a schedule run written with its deliveries). */
  toStored(record: ReportRecord, dueAt: number | null): StoredReport;
}

/** Options of {@link createReportService}. */
export interface ReportServiceOptions {
  config: AppConfig;
  store: Store;
  /** This instance's registry: the `instance` scope, the very one `stats` reads. */
  registry: MetricsRegistry;
  now: () => number;
  /** @default crypto.randomUUID */
  createId?: () => string;
  /** Regressions and suggestions; without it those sections stay empty. */
  findings?: ReportFindings;
}

/** The cursor of a report in the `reports` list (after it, older reports follow). */
export const encodeReportCursor = (record: ReportRecord): string =>
  Buffer.from(`${record.report.generatedAt}:${record.id}`).toString('base64url');

function parseCursor(cursor: string): { generatedAt: number; id: string } | undefined {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const colon = text.indexOf(':');
  const generatedAt = Number(text.slice(0, colon));
  return colon > 0 && Number.isSafeInteger(generatedAt)
    ? { generatedAt, id: text.slice(colon + 1) }
    : undefined;
}

/** The report document of a stored row. */
const fromStored = (stored: StoredReport): ReportRecord => ({
  id: stored.id,
  generatedBy: stored.generatedBy,
  scheduleId: stored.scheduleId,
  report: stored.body as Report,
});

/** Creates the report service. */
export function createReportService(options: ReportServiceOptions): ReportService {
  const { config, store, registry, now } = options;
  const createId = options.createId ?? randomUUID;

  async function build(query: ReportQuery): Promise<Report> {
    let period;
    try {
      period = resolveReportPeriod({
        kind: query.period,
        at: query.at,
        timeZone: query.timeZone,
        range: query.range,
      });
    } catch (error) {
      if (error instanceof MonitorError) throw new ReportQueryError(error.message);
      throw error;
    }
    const source =
      query.scope === 'cluster'
        ? await loadClusterRegistry(config, store, period.previousFrom, period.to)
        : registry;
    const { alerts, metricOfRule } = await loadReportAlerts(store);
    return buildReport({
      source,
      period,
      scope: {
        kind: query.scope,
        instanceId: query.scope === 'instance' ? config.instanceId : null,
      },
      generatedAt: now(),
      alerts,
      budgets: REPORT_BUDGETS,
      recommendations: recommendationsFor(metricOfRule),
      regressions: options.findings?.regressions(period.from, period.to) ?? [],
      suggestions: (await options.findings?.suggestions()) ?? [],
    });
  }

  const toStored = (record: ReportRecord, dueAt: number | null): StoredReport => ({
    id: record.id,
    periodKind: record.report.period.kind,
    from: record.report.period.from,
    to: record.report.period.to,
    timeZone: record.report.period.timeZone,
    scopeKind: record.report.scope.kind,
    scopeInstance: record.report.scope.instanceId,
    generatedAt: record.report.generatedAt,
    generatedBy: record.generatedBy,
    scheduleId: record.scheduleId,
    dueAt,
    body: record.report,
  });

  return {
    build,
    toStored,
    async generate(query, generatedBy) {
      const record: ReportRecord = {
        id: createId(),
        generatedBy,
        scheduleId: null,
        report: await build(query),
      };
      await store.reports.insert(toStored(record, null));
      return record;
    },
    async get(id) {
      const stored = await store.reports.get(id);
      return stored === undefined ? undefined : fromStored(stored);
    },
    async list(first, after) {
      const cursor = after === undefined ? undefined : parseCursor(after);
      if (after !== undefined && cursor === undefined) {
        throw new ReportQueryError('after is not a cursor of this list');
      }
      const page = await store.reports.list({ first, after: cursor });
      return { records: page.reports.map(fromStored), hasNextPage: page.hasNextPage };
    },
  };
}
