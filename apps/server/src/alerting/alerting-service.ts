import { randomUUID } from 'node:crypto';
import { createAlertEvaluator, scalarStatsReader } from '@taurine/monitor';
import type {
  AlertActionError,
  AlertEvaluatorState,
  AlertRule,
  AlertTransition,
  EvaluationProblem,
  MetricsRegistry,
  NotificationIntent,
  SeverityPolicyOverrides,
  Severity,
  StatsReader,
} from '@taurine/monitor';
import { createDispatcher, newOutboxItems } from '@taurine/notify';
import type {
  AlertNotification,
  BackoffPolicy,
  Clock,
  DeliveryAttempt,
  NewOutboxItem,
  OutboxItem,
  OutboxStatus,
  TickSummary,
} from '@taurine/notify';
import type {
  AlertCursor,
  AlertPage,
  AlertRecord,
  AlertRecordStatus,
  Store,
  StoredSilence,
  StoredTransition,
} from '@taurine/store';
import { alertEvents, recordOf } from './alert-events.ts';
import type { AlertEvent } from './alert-events.ts';
import { ALERTING_POLICY } from './alerting-policy.ts';
import { AlertingServiceError, notFound, succeeded } from './alerting-results.ts';
import type { AlertingResult } from './alerting-results.ts';
import { createChannelManager } from './channel-manager.ts';
import type { ChannelInput, ChannelPatch, ChannelView } from './channel-manager.ts';
import type { AlertChannelEnv } from './channel-env.ts';
import { alertLink, buildNotification } from './notification-builder.ts';
import { createRuleManager } from './rule-manager.ts';
import type { RuleInput } from './rule-manager.ts';
import { createSerialQueue } from './serial-queue.ts';
import { createSilenceManager } from './silence-manager.ts';
import type { SilenceInput, SilencePatch } from './silence-manager.ts';

/** Defaults of {@link AlertingServiceOptions}. */
export const ALERTING_SERVICE_DEFAULTS = {
  /** The outbox is polled this often; new notifications also wake the dispatcher at once. */
  dispatchIntervalMs: 5_000,
  /** Entries of `notificationLog` when `first` is not given. */
  notificationLogSize: 50,
} as const;

/** Options of {@link createAlertingService}. */
export interface AlertingServiceOptions {
  /** A migrated store: rules, alerts, transitions, channels, silences and the outbox live here. */
  store: Store;
  /** Rules read `registry.stats(metric, tags, window)[stat]`; `null` is "no data". */
  registry: MetricsRegistry;
  clock: Clock;
  /** Channels from environment variables, materialised as `env-<type>` channels. */
  channelsFromEnv: AlertChannelEnv;
  /** Receives every alert event after it is committed (e.g. `pubsub.publish('alertEvent', e)`). */
  publish?: ((event: AlertEvent) => void) | undefined;
  /**
   * Outbox polling interval of the background dispatcher started by `start()`; 0 starts none
   * (tests call `dispatch()`). @default ALERTING_SERVICE_DEFAULTS.dispatchIntervalMs
   */
  dispatchIntervalMs?: number | undefined;
  /**
   * Overrides merged over `SEVERITY_POLICY` (channels, cooldowns, escalation).
   * @default ALERTING_POLICY (the house policy plus the webhook at every level)
   */
  policy?: SeverityPolicyOverrides | undefined;
  /** Dispatcher tuning (back-off, attempts, batch, lease, jitter source). */
  dispatcher?:
    | {
        backoff?: BackoffPolicy;
        maxAttempts?: number;
        batchSize?: number;
        leaseMs?: number;
        random?: () => number;
      }
    | undefined;
  /**
   * Stable id of this instance (`INSTANCE_ID`): it holds the outbox leases, and at start the
   * dispatcher takes back what a crashed run with the same id still held.
   * @default a random id per service (leases of a crashed run then wait out their expiry)
   */
  instanceId?: string | undefined;
  /** Hears how many outbox leases of an earlier run were taken back at start. */
  onReclaimed?: ((count: number) => void) | undefined;
  /** Hears failures the service absorbed (store down, a broken reader); never secrets. */
  onError?: ((error: Error) => void) | undefined;
  /** @default crypto.randomUUID */
  createId?: (() => string) | undefined;
}

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

/** One outbox item with its attempts: an entry of the notification log. */
export interface NotificationDelivery extends OutboxItem {
  attemptLog: DeliveryAttempt[];
}

/** Result of {@link AlertingService.sendTestNotification}. */
export interface TestNotificationOutcome {
  /** True when the receiver accepted the message. */
  delivered: boolean;
  /** HTTP or SMTP status of the answer, when there was one. */
  status: number | null;
  /** Why it was not delivered (secrets redacted). */
  reason: string | null;
  /** The logged delivery; null if it could not be recorded. */
  delivery: NotificationDelivery | null;
}

/** Filter of {@link AlertingService.alerts}. */
export interface AlertsQuery {
  statuses?: readonly AlertRecordStatus[] | undefined;
  severities?: readonly Severity[] | undefined;
  first?: number | undefined;
  after?: AlertCursor | undefined;
}

/** Filter of {@link AlertingService.notificationLog}. */
export interface NotificationLogQuery {
  first?: number | undefined;
  status?: OutboxStatus | undefined;
  channel?: string | undefined;
}

/** Alert rules, lifecycle, notifications and their configuration, persisted in the store. */
export interface AlertingService {
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
  /**
   * Delivers due outbox items now (one dispatcher tick). It may run beside the loop's tick: leases
   * keep every item with one of them.
   */
  dispatch(): Promise<TickSummary>;
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
  alerts(query?: AlertsQuery): Promise<AlertPage>;
  alert(fingerprint: string): Promise<AlertRecord | undefined>;
  /** Transitions of an alert, oldest first. */
  history(fingerprint: string): Promise<StoredTransition[]>;
  /** Notifications of an alert, newest first, with their attempts. */
  deliveries(fingerprint: string): Promise<NotificationDelivery[]>;
  /** Every notification, newest first, with their attempts. */
  notificationLog(query?: NotificationLogQuery): Promise<NotificationDelivery[]>;
  rules(): Promise<AlertRule[]>;
  createRule(input: RuleInput): Promise<AlertingResult<AlertRule>>;
  updateRule(id: string, patch: RuleInput): Promise<AlertingResult<AlertRule>>;
  deleteRule(id: string): Promise<AlertingResult<{ id: string }>>;
  /** Channels with secrets masked. */
  channels(): Promise<ChannelView[]>;
  createChannel(input: ChannelInput): Promise<AlertingResult<ChannelView>>;
  updateChannel(id: string, patch: ChannelPatch): Promise<AlertingResult<ChannelView>>;
  deleteChannel(id: string): Promise<AlertingResult<{ id: string }>>;
  silences(options?: { includeExpired?: boolean }): Promise<StoredSilence[]>;
  createSilence(input: SilenceInput, actor: string): Promise<AlertingResult<StoredSilence>>;
  updateSilence(
    id: string,
    patch: SilencePatch,
    actor: string,
  ): Promise<AlertingResult<StoredSilence>>;
  deleteSilence(id: string): Promise<AlertingResult<{ id: string }>>;
  /** Sends a test message through a channel right now and logs the attempt. Never throws. */
  sendTestNotification(channelId: string): Promise<AlertingResult<TestNotificationOutcome>>;
}

/** Reads a rule's statistic from the registry: `registry.stats(metric, tags, window)[stat]`. */
export function createRegistryStatsReader(registry: MetricsRegistry): StatsReader {
  return scalarStatsReader(
    (query) => registry.stats(query.metric, query.tags, query.window)[query.stat],
  );
}

/**
 * Creates the alerting service.
 *
 * @throws AlertingServiceError `INVALID_OPTIONS` with the exact problem, e.g.
 *   `createAlertingService: dispatchIntervalMs must be 0 or a positive number of ms`.
 */
export function createAlertingService(options: AlertingServiceOptions): AlertingService {
  checkOptions(options);
  const { store, registry, clock } = options;
  const publish = options.publish ?? (() => undefined);
  const createId = options.createId ?? randomUUID;
  const dispatchIntervalMs =
    options.dispatchIntervalMs ?? ALERTING_SERVICE_DEFAULTS.dispatchIntervalMs;
  const report = (message: string, cause: unknown): void => {
    options.onError?.(new AlertingServiceError('PERSIST_FAILED', message, { cause }));
  };

  const rules = createRuleManager({ store, registry });
  const silences = createSilenceManager({ store, createId });
  const channels = createChannelManager({ store, clock, env: options.channelsFromEnv, createId });
  const evaluator = createAlertEvaluator({
    clock,
    silences: () => silences.current(),
    policy: options.policy ?? ALERTING_POLICY,
  });
  const stats = createRegistryStatsReader(registry);
  const dispatcher = createDispatcher({
    ...options.dispatcher,
    store: store.outbox,
    channels: channels.runtime,
    clock,
    ...(options.instanceId === undefined ? {} : { owner: options.instanceId }),
    onError: (error) => {
      options.onError?.(error);
    },
    onReclaimed: options.onReclaimed,
  });
  const queue = createSerialQueue();
  let lastPersisted: AlertEvaluatorState | undefined;
  let started = false;
  // Set by stop(): evaluations queued behind it do nothing.
  let stopping = false;

  const requireStarted = (): void => {
    if (!started) {
      throw new AlertingServiceError('NOT_STARTED', 'the alerting service has not been started');
    }
  };

  /** Outbox items for the deliverable intents: one per enabled channel of a routed type. */
  const outboxItemsFor = (intents: readonly NotificationIntent[], now: number): NewOutboxItem[] =>
    intents.flatMap((intent) => {
      if (intent.suppressed) return [];
      const targets = channels.route(intent.channels);
      if (targets.length === 0) return [];
      const stat = evaluator.alert(intent.fingerprint)?.stat ?? 'avg';
      const notification = buildNotification(intent, {
        registry,
        dashboardUrl: options.channelsFromEnv.dashboardUrl,
        stat,
      });
      return newOutboxItems(
        notification,
        targets.map((target) => ({ name: target.name, type: target.type as ChannelInput['type'] })),
        now,
        createId,
      );
    });

  /** Commits one step; on failure rolls the evaluator back to the last committed state. */
  const persist = async (
    transitions: readonly AlertTransition[],
    intents: readonly NotificationIntent[],
    records: readonly AlertRecord[],
    now: number,
  ): Promise<number> => {
    try {
      const items = outboxItemsFor(intents, now);
      const state = evaluator.snapshot();
      const { outboxInserted } = await store.alerts.recordTransitions(
        transitions,
        records,
        items,
        state,
      );
      lastPersisted = state;
      if (outboxInserted > 0) dispatcher.wake();
      return outboxInserted;
    } catch (error) {
      // The next evaluation re-derives the same transitions and idempotency keys: nothing lost.
      if (lastPersisted !== undefined) evaluator.restore(lastPersisted);
      throw error;
    }
  };

  const publishAll = (events: readonly AlertEvent[]): void => {
    for (const event of events) {
      try {
        publish(event);
      } catch (error) {
        report('publishing an alert event failed', error);
      }
    }
  };

  const act = (
    action: 'acknowledge' | 'resolve',
    fingerprint: string,
    actor: string,
    comment: string | undefined,
  ): Promise<AlertingResult<AlertRecord>> =>
    queue.run(async () => {
      requireStarted();
      const now = clock.now();
      const result =
        action === 'acknowledge'
          ? evaluator.acknowledge(fingerprint, actor, now, comment)
          : evaluator.resolve(fingerprint, actor, now, comment);
      if (!result.ok) return refusal(action, result.error);
      const record = recordOf(result.alert, now);
      try {
        await persist([result.transition], result.intents, [record], now);
      } catch (error) {
        throw new AlertingServiceError('PERSIST_FAILED', `could not ${action} the alert`, {
          cause: error,
        });
      }
      publishAll(alertEvents([result.transition], result.intents, () => record));
      return succeeded(record);
    });

  const refusal = async (
    action: string,
    error: AlertActionError,
  ): Promise<AlertingResult<AlertRecord>> => {
    if (error.code === 'unknown-fingerprint') {
      const stored = await store.alerts.get(error.fingerprint);
      if (stored === undefined) return notFound('alert', error.fingerprint);
      return {
        ok: false,
        error: {
          kind: 'alert-action-error',
          code: 'invalid-transition',
          message: `cannot ${action} a ${stored.status} alert`,
          fingerprint: error.fingerprint,
          status: stored.status,
        },
      };
    }
    return {
      ok: false,
      error: {
        kind: 'alert-action-error',
        code: error.code,
        message: error.message,
        fingerprint: error.fingerprint,
        status: error.status ?? null,
      },
    };
  };

  const withAttempts = async (items: OutboxItem[]): Promise<NotificationDelivery[]> => {
    const attempts = await store.outbox.attemptsOf(items.map((item) => item.id));
    return items.map((item) => ({ ...item, attemptLog: attempts.get(item.id) ?? [] }));
  };

  const refreshConfig = async (): Promise<void> => {
    try {
      await rules.refresh();
      await silences.refresh();
      await channels.refresh();
    } catch (error) {
      report('reloading alert rules, silences or channels failed; using the cached ones', error);
    }
  };

  return {
    async start() {
      if (started) return;
      const now = clock.now();
      await rules.load(now);
      await silences.refresh();
      await channels.materialiseEnv(now);
      const saved = await store.alerts.loadEvaluatorState();
      if (saved !== undefined) {
        const restored = evaluator.restore(saved);
        if (!restored.ok) report(`stored alert state ignored: ${restored.error.message}`, restored);
      }
      lastPersisted = evaluator.snapshot();
      started = true;
      stopping = false;
      if (dispatchIntervalMs > 0) dispatcher.start(dispatchIntervalMs);
    },

    async stop() {
      stopping = true;
      await dispatcher.stop();
      await queue.idle();
      started = false;
    },

    evaluate(now = clock.now()) {
      return queue.run(async () => {
        const summary: EvaluationSummary = {
          at: now,
          transitions: 0,
          queued: 0,
          suppressed: 0,
          events: [],
          problems: [],
          failed: false,
        };
        if (!started || stopping) return { ...summary, failed: true };
        try {
          await refreshConfig();
          const before = new Map(evaluator.alerts().map((alert) => [alert.fingerprint, alert]));
          const result = evaluator.evaluate(rules.current(), stats, now);
          const records = new Map(
            result.alerts.map((alert) => [alert.fingerprint, recordOf(alert, now)]),
          );
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
          summary.problems = result.problems;
          summary.transitions = result.transitions.length;
          summary.suppressed = result.intents.filter((intent) => intent.suppressed).length;
          summary.queued = await persist(
            result.transitions,
            result.intents,
            [...records.values()],
            now,
          );
          summary.events = alertEvents(result.transitions, result.intents, (fingerprint) =>
            records.get(fingerprint),
          );
          publishAll(summary.events);
          return summary;
        } catch (error) {
          report('alert evaluation could not be stored; it is retried next tick', error);
          return { ...summary, failed: true };
        }
      });
    },

    dispatch: () => dispatcher.tick(),

    acknowledge: (fingerprint, actor, comment) => act('acknowledge', fingerprint, actor, comment),
    resolve: (fingerprint, actor, comment) => act('resolve', fingerprint, actor, comment),

    activeAlerts() {
      return evaluator
        .alerts()
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
    },

    alerts: (query = {}) =>
      store.alerts.list({
        statuses: query.statuses,
        severities: query.severities,
        first: query.first,
        after: query.after,
      }),
    alert: (fingerprint) => store.alerts.get(fingerprint),
    history: (fingerprint) => store.alerts.transitions(fingerprint),
    deliveries: async (fingerprint) =>
      withAttempts(await store.outbox.recent({ fingerprint, limit: 200 })),
    notificationLog: async (query = {}) =>
      withAttempts(
        await store.outbox.recent({
          status: query.status,
          channelName: query.channel,
          limit: query.first ?? ALERTING_SERVICE_DEFAULTS.notificationLogSize,
        }),
      ),

    async rules() {
      await rules.refresh();
      return [...rules.current()];
    },
    createRule: (input) => rules.create(input, clock.now()),
    updateRule: (id, patch) => rules.update(id, patch, clock.now()),
    deleteRule: (id) => rules.remove(id),

    async channels() {
      await channels.refresh();
      return channels.list();
    },
    createChannel: (input) => channels.create(input, clock.now()),
    updateChannel: (id, patch) => channels.update(id, patch, clock.now()),
    deleteChannel: (id) => channels.remove(id),

    silences: (listOptions = {}) => silences.list(clock.now(), listOptions.includeExpired ?? false),
    createSilence: (input, actor) => silences.create(input, actor, clock.now()),
    updateSilence: (id, patch, actor) => silences.update(id, patch, actor, clock.now()),
    deleteSilence: (id) => silences.remove(id),

    async sendTestNotification(channelId) {
      try {
        await channels.refresh();
      } catch (error) {
        report('reloading channels failed; using the cached ones', error);
      }
      const row = channels.get(channelId);
      const channel = row === undefined ? undefined : channels.runtime.get(row.name);
      if (row === undefined || channel === undefined)
        return notFound('notification channel', channelId);
      const now = clock.now();
      const notification: AlertNotification = {
        idempotencyKey: `test:${row.id}:${createId()}`,
        kind: 'test',
        fingerprint: `test-${row.id}`,
        alertName: 'Taurine test notification',
        severity: 'info',
        metric: 'taurine.test',
        value: null,
        threshold: null,
        status: 'firing',
        startsAt: now,
        at: now,
        summary: `Test notification from Taurine to the channel "${row.name}"`,
        description: 'If you can read this, alerts sent to this channel arrive.',
        dashboardUrl: alertLink(options.channelsFromEnv.dashboardUrl, `test-${row.id}`),
      };
      const startedAt = clock.now();
      const result = await channel.send(notification);
      const finishedAt = clock.now();
      let delivery: NotificationDelivery | null = null;
      try {
        const stored = await store.outbox.recordSettled({
          item: {
            id: createId(),
            channelName: row.name,
            channelType: row.type,
            notification,
            createdAt: now,
          },
          attempt: result.ok
            ? {
                startedAt,
                finishedAt,
                ok: true,
                ...(result.status === undefined ? {} : { status: result.status }),
              }
            : {
                startedAt,
                finishedAt,
                ok: false,
                retryable: result.retryable,
                reason: result.reason,
                ...(result.status === undefined ? {} : { status: result.status }),
              },
        });
        [delivery = null] = await withAttempts([stored]);
      } catch (error) {
        report('the test notification was sent but could not be logged', error);
      }
      return succeeded({
        delivered: result.ok,
        status: result.status ?? null,
        reason: result.ok ? null : result.reason,
        delivery,
      });
    },
  };
}

function checkOptions(options: AlertingServiceOptions): void {
  const fail = (message: string): never => {
    throw new AlertingServiceError('INVALID_OPTIONS', `createAlertingService: ${message}`);
  };
  // Read loosely: the options may come from untyped code.
  const given = options as unknown as {
    store?: { alerts?: { recordTransitions?: unknown } };
    registry?: { stats?: unknown };
    clock?: { now?: unknown };
    channelsFromEnv?: { dashboardUrl?: unknown };
  };
  if (typeof given.store?.alerts?.recordTransitions !== 'function') {
    fail('options.store must be an opened @taurine/store Store');
  }
  if (typeof given.registry?.stats !== 'function') {
    fail('options.registry must be a MetricsRegistry');
  }
  if (typeof given.clock?.now !== 'function') fail('options.clock must have a now() method');
  if (typeof given.channelsFromEnv?.dashboardUrl !== 'string') {
    fail('options.channelsFromEnv.dashboardUrl must be the dashboard base URL');
  }
  const interval = options.dispatchIntervalMs;
  if (interval !== undefined && !(Number.isFinite(interval) && interval >= 0)) {
    fail('dispatchIntervalMs must be 0 or a positive number of ms');
  }
}
