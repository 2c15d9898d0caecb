import type {
  Alert,
  AlertEvaluator,
  EvaluationProblem,
  EvaluationResult,
  Severity,
  StatsReader,
} from '@taurine/monitor';
import type { Clock, Dispatcher } from '@taurine/notify';
import type { AlertRecord, AlertRecordStatus, Store } from '@taurine/store';
import type { AlertCommit } from './alert-commit.ts';
import { alertActionRefusal } from './alert-action-refusal.ts';
import { alertEvents, recordOf } from './alert-events.ts';
import type { AlertEvent } from './alert-events.ts';
import { AlertingServiceError, succeeded } from './alerting-results.ts';
import type { AlertingResult } from './alerting-results.ts';
import type { ChannelManager } from './channel-manager.ts';
import type { RuleManager } from './rule-manager.ts';
import { createSerialQueue } from './serial-queue.ts';
import type { SilenceManager } from './silence-manager.ts';

/** What one evaluation did. */
export interface EvaluationSummary {
  at: number;
  transitions: number;
  /** Outbox items written (one per notification and channel). */
  queued: number;
  /** Intents not sent because a silence matched or nobody was told of the alert yet. */
  suppressed: number;
  events: AlertEvent[];
  problems: EvaluationProblem[];
  /** True when nothing could be stored; the evaluator was rolled back and retries next tick. */
  failed: boolean;
}

/** An alert as the dashboard snapshot lists it. */
export interface ActiveAlertSummary {
  fingerprint: string;
  ruleId: string;
  name: string;
  severity: Severity;
  status: AlertRecordStatus;
  value: number | null;
  threshold: number | null;
  startsAt: number;
}

/**
 * The steps that change alert state (evaluations, acknowledgements, resolutions), run one at a
 * time so the evaluator state committed last is always the newest, and the lifecycle around them.
 */
export interface EvaluationCoordinator {
  /**
   * Seeds built-in rules on first start, loads rules, silences and channels (materialising the
   * env channels), restores the evaluator state and starts the outbox dispatcher.
   */
  start(): Promise<void>;
  /** Waits for the running evaluation and dispatcher tick, then stops the dispatcher. */
  stop(): Promise<void>;
  /**
   * Evaluates every rule at `now` and commits transitions, alert rows, outbox items and the
   * evaluator state in one transaction, then publishes the alert events. Never throws.
   */
  evaluate(now?: number): Promise<EvaluationSummary>;
  /** Acknowledges a firing alert: repeats and escalations stop; PagerDuty gets `acknowledge`. */
  acknowledge(
    fingerprint: string,
    actor: string,
    comment?: string,
  ): Promise<AlertingResult<AlertRecord>>;
  /** Resolves an open alert by hand; PagerDuty gets `resolve`. */
  resolve(
    fingerprint: string,
    actor: string,
    comment?: string,
  ): Promise<AlertingResult<AlertRecord>>;
  /** Open alerts (pending, firing, acknowledged, no-data), from memory: for the snapshot. */
  activeAlerts(): ActiveAlertSummary[];
}

/** What {@link createEvaluationCoordinator} works with; the composition root makes each part. */
export interface EvaluationCoordinatorOptions {
  store: Store;
  clock: Clock;
  evaluator: AlertEvaluator;
  stats: StatsReader;
  rules: RuleManager;
  silences: SilenceManager;
  channels: ChannelManager;
  dispatcher: Dispatcher;
  commit: AlertCommit;
  /** Outbox polling interval of the dispatcher loop; 0 starts none. */
  dispatchIntervalMs: number;
  publish: (event: AlertEvent) => void;
  /** Hears a failure the coordinator absorbed. */
  report: (message: string, cause: unknown) => void;
}

/** Creates the evaluation coordinator. */
export function createEvaluationCoordinator(
  options: EvaluationCoordinatorOptions,
): EvaluationCoordinator {
  const { store, clock, evaluator, commit, dispatcher } = options;
  const queue = createSerialQueue();
  let started = false;
  // Set by stop(): evaluations queued behind it do nothing.
  let stopping = false;

  const act = (
    action: 'acknowledge' | 'resolve',
    fingerprint: string,
    actor: string,
    comment: string | undefined,
  ): Promise<AlertingResult<AlertRecord>> =>
    queue.run(async () => {
      if (!started) {
        throw new AlertingServiceError('NOT_STARTED', 'the alerting service has not been started');
      }
      const now = clock.now();
      const result =
        action === 'acknowledge'
          ? evaluator.acknowledge(fingerprint, actor, now, comment)
          : evaluator.resolve(fingerprint, actor, now, comment);
      if (!result.ok) return alertActionRefusal(action, result.error, store.alerts);
      const record = recordOf(result.alert, now);
      try {
        await commit.commit([result.transition], result.intents, [record], now);
      } catch (error) {
        throw new AlertingServiceError('PERSIST_FAILED', `could not ${action} the alert`, {
          cause: error,
        });
      }
      publishEach(
        alertEvents([result.transition], result.intents, () => record),
        options,
      );
      return succeeded(record);
    });

  return {
    async start() {
      if (started) return;
      await loadState(options);
      commit.checkpoint();
      started = true;
      stopping = false;
      if (options.dispatchIntervalMs > 0) dispatcher.start(options.dispatchIntervalMs);
    },
    async stop() {
      stopping = true;
      await dispatcher.stop();
      await queue.idle();
      started = false;
    },
    evaluate(now = clock.now()) {
      return queue.run(async () => {
        if (!started || stopping) return { ...emptySummary(now), failed: true };
        return evaluateAndCommit(options, now);
      });
    },
    acknowledge: (fingerprint, actor, comment) => act('acknowledge', fingerprint, actor, comment),
    resolve: (fingerprint, actor, comment) => act('resolve', fingerprint, actor, comment),
    activeAlerts: () => activeAlertSummaries(evaluator.alerts()),
  };
}

/** Loads rules, silences and channels and restores the evaluator from its stored state. */
async function loadState(options: EvaluationCoordinatorOptions): Promise<void> {
  const { clock, store, evaluator } = options;
  const now = clock.now();
  await options.rules.load(now);
  await options.silences.refresh();
  await options.channels.materialiseEnv(now);
  const saved = await store.alerts.loadEvaluatorState();
  if (saved !== undefined) {
    const restored = evaluator.restore(saved);
    if (!restored.ok) {
      options.report(`stored alert state ignored: ${restored.error.message}`, restored);
    }
  }
}

/** One evaluation at `now`: reload the configuration, evaluate, commit, publish. Never throws. */
async function evaluateAndCommit(
  options: EvaluationCoordinatorOptions,
  now: number,
): Promise<EvaluationSummary> {
  const { evaluator } = options;
  const summary = emptySummary(now);
  try {
    await refreshConfig(options);
    const before = new Map(evaluator.alerts().map((alert) => [alert.fingerprint, alert]));
    const result = evaluator.evaluate(options.rules.current(), options.stats, now);
    const records = recordsAfter(result, before, now);
    summary.problems = result.problems;
    summary.transitions = result.transitions.length;
    summary.suppressed = result.intents.filter((intent) => intent.suppressed).length;
    summary.queued = await options.commit.commit(
      result.transitions,
      result.intents,
      [...records.values()],
      now,
    );
    summary.events = alertEvents(result.transitions, result.intents, (fingerprint) =>
      records.get(fingerprint),
    );
    publishEach(summary.events, options);
    return summary;
  } catch (error) {
    options.report('alert evaluation could not be stored; it is retried next tick', error);
    return { ...summary, failed: true };
  }
}

const emptySummary = (at: number): EvaluationSummary => ({
  at,
  transitions: 0,
  queued: 0,
  suppressed: 0,
  events: [],
  problems: [],
  failed: false,
});

/**
 * The alert rows an evaluation writes: its alerts, plus a pending alert that cleared before it
 * fired, kept as `inactive` with its history (the evaluator drops it).
 */
function recordsAfter(
  result: EvaluationResult,
  before: ReadonlyMap<string, Alert>,
  now: number,
): Map<string, AlertRecord> {
  const records = new Map(result.alerts.map((alert) => [alert.fingerprint, recordOf(alert, now)]));
  for (const transition of result.transitions) {
    const previous = before.get(transition.fingerprint);
    if (transition.to === 'inactive' && previous && !records.has(transition.fingerprint)) {
      records.set(transition.fingerprint, {
        status: 'inactive',
        updatedAt: now,
        alert: { ...previous, value: transition.value, lastEvaluatedAt: now },
      });
    }
  }
  return records;
}

/** Rules, silences and channels edited on another instance apply at the next evaluation. */
async function refreshConfig(options: EvaluationCoordinatorOptions): Promise<void> {
  try {
    await options.rules.refresh();
    await options.silences.refresh();
    await options.channels.refresh();
  } catch (error) {
    options.report(
      'reloading alert rules, silences or channels failed; using the cached ones',
      error,
    );
  }
}

/** Publishes each committed event; a failing subscriber neither stops the others nor the step. */
function publishEach(
  events: readonly AlertEvent[],
  options: Pick<EvaluationCoordinatorOptions, 'publish' | 'report'>,
): void {
  for (const event of events) {
    try {
      options.publish(event);
    } catch (error) {
      options.report('publishing an alert event failed', error);
    }
  }
}

function activeAlertSummaries(alerts: readonly Alert[]): ActiveAlertSummary[] {
  return alerts
    .filter((alert) => alert.status !== 'resolved')
    .map((alert) => ({
      fingerprint: alert.fingerprint,
      ruleId: alert.ruleId,
      name: alert.ruleName,
      severity: alert.severity,
      status: alert.status,
      value: alert.value,
      threshold: alert.threshold,
      startsAt: alert.startsAt,
    }));
}
