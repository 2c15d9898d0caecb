import type { Alert, AlertComparison, Severity } from '@taurine/monitor';
import type { AlertEvent, AlertEventType } from '../alerting/alert-events.ts';

/** What an operations event says: which check, the figure and its limit. */
export interface OperationsAlertInput {
  type: AlertEventType;
  /** `automatic-response:rewarmCache`, `leak-detector`. */
  ruleId: string;
  ruleName: string;
  description: string;
  metric: string;
  value: number | null;
  threshold: number;
  comparison: AlertComparison;
  severity: Severity;
  tags: Record<string, string>;
  at: number;
}

/**
 * An `alertEvents` event for something the operations side did or found (an automatic response
 * acted, the leak detector fired), so dashboards and subscribers see it beside rule alerts. The
 * alert is not stored: it has no rule to acknowledge or resolve, and each event stands alone.
 */
export function operationsAlertEvent(input: OperationsAlertInput): AlertEvent {
  const fingerprint = `${input.ruleId}:${Object.values(input.tags).join(',')}`;
  const alert: Alert = {
    fingerprint,
    groupKey: `${fingerprint}:${input.at}`,
    ruleId: input.ruleId,
    ruleName: input.ruleName,
    description: input.description,
    metric: input.metric,
    stat: 'last',
    window: '5m',
    comparison: input.comparison,
    threshold: input.threshold,
    severity: input.severity,
    tags: input.tags,
    status: 'firing',
    value: input.value,
    startsAt: input.at,
    pendingSince: null,
    firingSince: input.at,
    acknowledgedAt: null,
    acknowledgedBy: null,
    acknowledgeComment: null,
    resolvedAt: null,
    resolvedBy: null,
    conditionClearedAt: null,
    noDataSince: null,
    resumeStatus: null,
    lastEvaluatedAt: input.at,
    escalationLevel: 0,
    lastNotifiedAt: null,
    announced: false,
    notificationSeq: 0,
  };
  return {
    type: input.type,
    at: input.at,
    actor: 'system',
    comment: input.description,
    alert: { status: 'firing', updatedAt: input.at, alert },
  };
}
