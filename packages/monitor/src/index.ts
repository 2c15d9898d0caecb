// Public API of @taurine/monitor. Explicit named exports only.

export { createManualClock, systemClock } from './clock.ts';
export type { Clock, ManualClock } from './clock.ts';
export { MonitorError } from './metrics/monitor-error.ts';
export type { MonitorErrorCode } from './metrics/monitor-error.ts';

export {
  DDSketch,
  DEFAULT_MAX_BUCKETS,
  DEFAULT_RELATIVE_ACCURACY,
  MIN_INDEXABLE_VALUE,
} from './metrics/dd-sketch.ts';
export type { DDSketchOptions } from './metrics/dd-sketch.ts';
export type { DDSketchJSON } from './metrics/sketch-json.ts';

export { createMetricsRegistry } from './metrics/metrics-registry.ts';
export type { MetricsRegistry } from './metrics/metrics-registry.ts';
export type { MetricDefinition } from './metrics/series-catalog.ts';
export type { MetricInfo, RejectedSamples, SeriesInfo } from './metrics/registry-listing.ts';
export { MAX_SERIES_POINTS } from './metrics/series-queries.ts';
export type {
  CollectedMetric,
  CollectedSeries,
  SeriesPoint,
  SeriesStats,
} from './metrics/series-queries.ts';
export {
  DEFAULT_MAX_METRICS,
  DEFAULT_MAX_SERIES_PER_METRIC,
  DEFAULT_RETENTION,
  REGISTRY_OPTION_LIMITS,
} from './metrics/registry-options.ts';
export type { MetricsRegistryOptions, RetentionOptions } from './metrics/registry-options.ts';
export { METRIC_KINDS, isMetricKind } from './metrics/metric-kind.ts';
export type { MetricKind } from './metrics/metric-kind.ts';
export { NON_NEGATIVE_UNITS, REJECT_REASONS } from './metrics/metric-state.ts';
export type { MetricHandle, RejectReason } from './metrics/metric-state.ts';
export { QUANTILE_STATS, STAT_NAMES, isStatName } from './metrics/metric-stats.ts';
export type { MetricStats, QuantileStat, StatName } from './metrics/metric-stats.ts';
export {
  MAX_METRIC_NAME_LENGTH,
  METRIC_NAME_PATTERN,
  isValidMetricName,
} from './metrics/metric-name.ts';
export {
  OVERFLOW_TAG,
  RESERVED_TAG_KEYS,
  STANDARD_TAG_KEYS,
  TAG_KEY_PATTERN,
  TAG_LIMITS,
  seriesKey,
} from './metrics/tag-set.ts';
export type { Tags } from './metrics/tag-set.ts';
export type { LoadRollupsResult, RollupRecord } from './metrics/rollup-record.ts';
export {
  FIVE_MINUTES_MS,
  HOUR_MS,
  MINUTE_MS,
  RESOLUTION_MS,
  WINDOW_DURATIONS,
  isWindowName,
  resolveWindow,
} from './metrics/windows.ts';
export type { Resolution, TimeRange, Window, WindowName } from './metrics/windows.ts';

export {
  DURATION_UNIT_DIVISORS,
  SIZE_UNIT_DIVISORS,
  PROMETHEUS_CONTENT_TYPE,
  PROMETHEUS_DEFAULTS,
  escapeLabelValue,
  prometheusName,
  toPrometheusText,
} from './export/prometheus-text.ts';
export type { PrometheusTextOptions } from './export/prometheus-text.ts';
export { DEFAULT_EXPORT_STATS, collectExportRows } from './export/export-row.ts';
export type { ExportRow, ExportRowsOptions } from './export/export-row.ts';
export { CSV_EXPORT_HEADER, toCsvExport } from './export/csv-export.ts';
export { JSON_EXPORT_VERSION, toJsonExport } from './export/json-export.ts';
export type { JsonExport, JsonExportMetric } from './export/json-export.ts';

export { computeHealthScore, HEALTH_SCORE_WEIGHTS } from './health/health-score.ts';
export type { HealthInputs, HealthPenalty, HealthScore } from './health/health-score.ts';
export { ACTIVE_SESSIONS_DEFAULTS, ActiveSessions } from './sessions/active-sessions.ts';
export type { ActiveSessionsOptions, ActiveSessionsUsage } from './sessions/active-sessions.ts';
export { HyperLogLog } from './sessions/hyper-log-log.ts';

// Alert rules, lifecycle, silences and notification planning.
export {
  ALERT_COMPARISONS,
  ALERT_SEVERITIES,
  ALERT_STATS,
  ALERT_WINDOWS,
  ALERT_WINDOW_MS,
  DEFAULT_NO_DATA_STATE,
  NO_DATA_STATES,
  isConditionMet,
} from './alerting/alert-rule.ts';
export type {
  AlertComparison,
  AlertRule,
  AlertStat,
  AlertWindow,
  NoDataState,
  Severity,
} from './alerting/alert-rule.ts';
export type { FieldError, FieldErrorCode } from './alerting/field-error.ts';
export { RULE_LIMITS, validateRule } from './alerting/validate-rule.ts';
export type { RuleValidationResult } from './alerting/validate-rule.ts';
export { BUILT_IN_RULES, SUPERSEDED_BUILT_IN_RULES } from './alerting/built-in-rules.ts';
export type { SupersededRule } from './alerting/built-in-rules.ts';
export { RULE_NAME_FORMATS, derivedRuleName, followingRuleName } from './alerting/rule-name.ts';
export type { RuleNameFormat } from './alerting/rule-name.ts';
export {
  CHANNEL_TYPES,
  SEVERITY_POLICY,
  channelsAtLevel,
  resolveSeverityPolicy,
} from './alerting/severity-policy.ts';
export type {
  AlertPriority,
  ChannelType,
  EscalationLevel,
  SeverityPolicy,
  SeverityPolicyOverrides,
  SeverityPolicyTable,
} from './alerting/severity-policy.ts';
export { AlertingConfigError } from './alerting/alerting-config-error.ts';
export type { AlertingConfigErrorCode } from './alerting/alerting-config-error.ts';
export { alertFingerprint, fnv1a64 } from './alerting/fingerprint.ts';
export {
  RESERVED_LABEL_NAMES,
  SILENCE_LIMITS,
  alertLabels,
  isSilenceActive,
  isSilenced,
  matchingSilences,
  validateSilence,
} from './alerting/silence.ts';
export type {
  Silence,
  SilenceMatcher,
  SilenceTarget,
  SilenceValidationResult,
} from './alerting/silence.ts';
export { ALERT_STATUSES, NOTIFICATION_KINDS, SYSTEM_ACTOR } from './alerting/alert.ts';
export type {
  Alert,
  AlertStatus,
  AlertTransition,
  AlertTransitionState,
  NotificationIntent,
  NotificationKind,
  SuppressionReason,
} from './alerting/alert.ts';
export { scalarStatsReader } from './alerting/stats-reader.ts';
export type { SeriesStat, StatQuery, StatsReader } from './alerting/stats-reader.ts';
export { RULE_GONE_COMMENT } from './alerting/alert-lifecycle.ts';
export { EVALUATOR_STATE_VERSION, parseEvaluatorState } from './alerting/evaluator-state.ts';
export type { AlertEvaluatorState, StateParseResult } from './alerting/evaluator-state.ts';
export { ALERT_EVALUATOR_DEFAULTS, createAlertEvaluator } from './alerting/alert-evaluator.ts';
export type {
  AlertActionError,
  AlertActionErrorCode,
  AlertActionResult,
  AlertEvaluator,
  AlertEvaluatorOptions,
  EvaluationProblem,
  EvaluationResult,
  RestoreResult,
} from './alerting/alert-evaluator.ts';

export {
  ALL_VALUES,
  DASHBOARD_LIMITS,
  MIN_REFRESH_SECONDS,
  PANEL_KINDS,
  THRESHOLD_COLORS,
} from './dashboards/dashboard-document.ts';
export type {
  DashboardDocument,
  DashboardPanel,
  DashboardVariable,
  GridPos,
  PanelKind,
  PanelOptions,
  PanelQuery,
  Threshold,
  ThresholdColor,
} from './dashboards/dashboard-document.ts';
export { validateDashboardDocument } from './dashboards/dashboard-validation.ts';
export type { DocumentProblem, DocumentValidation } from './dashboards/dashboard-validation.ts';
export { resolveQueryTags } from './dashboards/panel-query-tags.ts';
export type { VariableValues } from './dashboards/panel-query-tags.ts';
export { MAX_HEATMAP_BANDS, heatmapBounds } from './metrics/heatmap.ts';
export type { Heatmap } from './metrics/heatmap.ts';
// Insight: baselines, regressions, anomalies, budgets, deployments and grades.
export {
  BASELINE_PERIODS,
  BASELINE_SLICE_MS,
  baselineRange,
  computeBaseline,
  isBaselinePeriod,
} from './insight/baseline.ts';
export type {
  Baseline,
  BaselineInput,
  BaselinePeriod,
  StatisticSpread,
} from './insight/baseline.ts';
export {
  EMPTY_WINDOW,
  INSIGHT_STATISTICS,
  isInsightStatistic,
  relativeChange,
} from './insight/insight-statistic.ts';
export type { BadDirection, InsightStatistic, WindowStats } from './insight/insight-statistic.ts';
export { DEFAULT_REGRESSION_POLICY, checkRegression } from './insight/regression-check.ts';
export type {
  RegressionCheck,
  RegressionPolicy,
  RegressionSeverity,
} from './insight/regression-check.ts';
export { RegressionTracker } from './insight/regression-tracker.ts';
export type {
  Regression,
  RegressionTrackerOptions,
  RegressionTransitions,
} from './insight/regression-tracker.ts';
export {
  ANOMALY_FALSE_POSITIVE_RATE,
  DEFAULT_ANOMALY_POLICY,
  detectAnomaly,
} from './insight/anomaly.ts';
export type {
  Anomaly,
  AnomalyKind,
  AnomalyPolicy,
  AnomalyReference,
  TimedValue,
} from './insight/anomaly.ts';
export {
  BUDGET_STATUSES,
  BUDGET_STATUS_CODE,
  DEFAULT_BUDGETS,
  budgetProblem,
  budgetStatus,
} from './insight/budget.ts';
export type { Budget, BudgetDefinition, BudgetStatus } from './insight/budget.ts';
export { HEALTH_GRADE_BANDS, healthGrade } from './insight/grade.ts';
export type { HealthGrade } from './insight/grade.ts';
export {
  DEPLOYMENT_CHANGE_THRESHOLD,
  compareDeployment,
  previousDeployment,
} from './insight/deployment-comparison.ts';
export type {
  ChangeVerdict,
  ComparedMetric,
  Deployment,
  MetricComparison,
} from './insight/deployment-comparison.ts';
export { GAUGE_CLUSTER_REDUCTION, mergeInstanceRollups } from './cluster/merge-rollups.ts';
export {
  REPORT_PERIOD_KINDS,
  isValidTimeZone,
  resolveReportPeriod,
  startOfLocalDay,
} from './reports/report-period.ts';
export type { ReportPeriod, ReportPeriodKind, ReportPeriodQuery } from './reports/report-period.ts';
export { REPORT_VERSION } from './reports/report-model.ts';
export type {
  FigureDirection,
  FigureGroup,
  FigureVerdict,
  Report,
  ReportAlerts,
  ReportBudget,
  ReportFigure,
  ReportOperation,
  ReportPoint,
  ReportRegression,
  ReportScope,
  ReportSuggestion,
} from './reports/report-model.ts';
export {
  REPORT_CACHE_TIERS,
  REPORT_FIGURES,
  REPORT_VITALS,
  UNCHANGED_BELOW_PCT,
  compareFigure,
  readFigures,
} from './reports/report-figures.ts';
export type { ReportStatsSource } from './reports/report-figures.ts';
export {
  SLOWEST_OPERATIONS,
  TOP_RULES,
  buildReport,
  checkBudgets,
  summariseAlerts,
} from './reports/report-builder.ts';
export type {
  ReportAlertInput,
  ReportBudgetDefinition,
  ReportInputs,
} from './reports/report-builder.ts';
export { REPORT_CSV_HEADER, toReportCsv } from './reports/report-csv.ts';
