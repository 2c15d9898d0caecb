// `Clock` (./clock.ts) is structurally identical to metrics/clock.ts's and not re-exported here.
export {
  ALERT_COMPARISONS,
  ALERT_SEVERITIES,
  ALERT_STATS,
  ALERT_WINDOWS,
  ALERT_WINDOW_MS,
  DEFAULT_NO_DATA_STATE,
  NO_DATA_STATES,
  isConditionMet,
} from './alert-rule.ts';
export type {
  AlertComparison,
  AlertRule,
  AlertStat,
  AlertWindow,
  NoDataState,
  Severity,
} from './alert-rule.ts';
export type { FieldError, FieldErrorCode } from './field-error.ts';
export { RULE_LIMITS, validateRule } from './validate-rule.ts';
export type { RuleValidationResult } from './validate-rule.ts';
export { BUILT_IN_RULES } from './built-in-rules.ts';
export {
  CHANNEL_TYPES,
  SEVERITY_POLICY,
  channelsAtLevel,
  resolveSeverityPolicy,
} from './severity-policy.ts';
export type {
  AlertPriority,
  ChannelType,
  EscalationLevel,
  SeverityPolicy,
  SeverityPolicyOverrides,
  SeverityPolicyTable,
} from './severity-policy.ts';
export { AlertingConfigError } from './alerting-config-error.ts';
export type { AlertingConfigErrorCode } from './alerting-config-error.ts';
export { alertFingerprint, fnv1a64 } from './fingerprint.ts';
export {
  RESERVED_LABEL_NAMES,
  SILENCE_LIMITS,
  alertLabels,
  isSilenceActive,
  isSilenced,
  matchingSilences,
  validateSilence,
} from './silence.ts';
export type { Silence, SilenceMatcher, SilenceTarget, SilenceValidationResult } from './silence.ts';
export { ALERT_STATUSES, NOTIFICATION_KINDS, SYSTEM_ACTOR } from './alert.ts';
export type {
  Alert,
  AlertStatus,
  AlertTransition,
  AlertTransitionState,
  NotificationIntent,
  NotificationKind,
  SuppressionReason,
} from './alert.ts';
export { scalarStatsReader } from './stats-reader.ts';
export type { SeriesStat, StatQuery, StatsReader } from './stats-reader.ts';
export { RULE_GONE_COMMENT } from './alert-lifecycle.ts';
export { EVALUATOR_STATE_VERSION, parseEvaluatorState } from './evaluator-state.ts';
export type { AlertEvaluatorState, StateParseResult } from './evaluator-state.ts';
export { ALERT_EVALUATOR_DEFAULTS, createAlertEvaluator } from './alert-evaluator.ts';
export type {
  AlertActionError,
  AlertActionErrorCode,
  AlertActionResult,
  AlertEvaluator,
  AlertEvaluatorOptions,
  EvaluationProblem,
  EvaluationResult,
  RestoreResult,
} from './alert-evaluator.ts';
