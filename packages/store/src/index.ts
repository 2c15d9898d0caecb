export { createAlertConfigRepository } from './alert-config-repository.ts';
export type {
  AlertConfigRepository,
  ChannelSource,
  ChannelWriteResult,
  StoredChannel,
  StoredSilence,
} from './alert-config-repository.ts';
export { alertCursor, createAlertRepository } from './alert-repository.ts';
export type {
  AlertCursor,
  AlertPage,
  AlertRecord,
  AlertRecordStatus,
  AlertRepository,
  ListAlertsQuery,
  StoredTransition,
} from './alert-repository.ts';
export { alertingDb } from './alerting-tables.ts';
export type { AlertingDatabase, AlertingTables } from './alerting-tables.ts';
export {
  OUTBOX_INSERT_BATCH_SIZE,
  createSqlOutboxStore,
  insertOutboxItems,
} from './sql-outbox-store.ts';
export type { RecentOutboxQuery, SettledDelivery, SqlOutboxStore } from './sql-outbox-store.ts';
export { createApiKeyRepository } from './api-key-repository.ts';
export type {
  ApiKey,
  ApiKeyCountFilter,
  ApiKeyRepository,
  ApiKeyRepositoryOptions,
  NewApiKey,
  StoredApiKey,
} from './api-key-repository.ts';
export { DASHBOARD_VISIBILITIES, createDashboardRepository } from './dashboard-repository.ts';
export type {
  DashboardAudience,
  DashboardChange,
  DashboardRepository,
  DashboardUpdateResult,
  DashboardVisibility,
  NewDashboard,
  StoredDashboard,
  StoredDashboardVersion,
} from './dashboard-repository.ts';
export { createAuditLogRepository } from './audit-log-repository.ts';
export type {
  AuditEntry,
  AuditLogRepository,
  AuditLogRepositoryOptions,
  ListAuditOptions,
  NewAuditEntry,
} from './audit-log-repository.ts';
export type { CalculatorEvent, CalculatorEventRepository } from './calculator-event-repository.ts';
export type {
  CalculatorEventRepositoryOptions,
  NewCalculatorEvent,
} from './calculator-event-repository.ts';
export { createCalculatorEventRepository } from './calculator-event-repository.ts';
export { API_KEY_ROLES, CALCULATOR_EVENT_TYPES, METRIC_KINDS, RESOLUTIONS } from './database.ts';
export type {
  ApiKeyRole,
  ApiKeyTable,
  AuditLogTable,
  CalculatorEventTable,
  CalculatorEventType,
  Database,
  MetricKind,
  MetricRollupTable,
  Resolution,
} from './database.ts';
export {
  SQLITE_BUSY_TIMEOUT_MS,
  SQLITE_FILE_NAME,
  POSTGRES_CONNECT_TIMEOUT_MS,
} from './dialect.ts';
export type { SqlDialect } from './dialect.ts';
export { StoreError } from './errors.ts';
export type { StoreErrorCode } from './errors.ts';
export { createLoadTestRunRepository } from './load-test-run-repository.ts';
export type {
  ListLoadTestRunsOptions,
  LoadTestBreakingPoint,
  LoadTestFigures,
  LoadTestPhaseRecord,
  LoadTestRun,
  LoadTestRunDetails,
  LoadTestRunRepository,
  LoadTestRunRepositoryOptions,
  LoadTestRunTable,
  LoadTestThresholdRecord,
  NewLoadTestRun,
} from './load-test-run-repository.ts';
export { openStore } from './open-store.ts';
export type { Store, StoreOptions } from './open-store.ts';
export { ROLLUP_UPSERT_BATCH_SIZE, createRollupRepository } from './rollup-repository.ts';
export type { LoadRollupsOptions, RollupRepository, RollupRow } from './rollup-repository.ts';
export { createInsightRepository } from './insight-repository.ts';
export type { InsightRepository, NewDeployment, StoredDeployment } from './insight-repository.ts';
export { createReportRepository } from './report-repository.ts';
export type {
  ReportCursor,
  ReportRepository,
  StoredReport,
  StoredReportSchedule,
} from './report-repository.ts';
export { createAutomaticResponseRepository } from './automatic-response-repository.ts';
export type {
  AutomaticResponseRepository,
  NewResponseRun,
  ResponseRunFacts,
  StoredResponseRun,
  StoredResponseSettings,
} from './automatic-response-repository.ts';
