import { randomUUID } from 'node:crypto';
import { createAlertEvaluator, scalarStatsReader } from '@taurine/monitor';
import type { MetricsRegistry, SeverityPolicyOverrides, StatsReader } from '@taurine/monitor';
import { createDispatcher } from '@taurine/notify';
import type { BackoffPolicy, Clock, TickSummary } from '@taurine/notify';
import type { Store } from '@taurine/store';
import { createAlertCommit } from './alert-commit.ts';
import { logDeliveryFailure, logTransitions } from './alert-log.ts';
import type { AlertLogger } from './alert-log.ts';
import type { AlertEvent } from './alert-events.ts';
import { createAlertingFacade } from './alerting-facade.ts';
import type { AlertingFacade } from './alerting-facade.ts';
import { ALERTING_POLICY } from './alerting-policy.ts';
import { AlertingServiceError } from './alerting-results.ts';
import { createChannelManager } from './channel-manager.ts';
import type { AlertChannelEnv } from './channel-env.ts';
import { createEvaluationCoordinator } from './evaluation-coordinator.ts';
import type { EvaluationCoordinator } from './evaluation-coordinator.ts';
import { createRuleManager } from './rule-manager.ts';
import { createSilenceManager } from './silence-manager.ts';
import { createTestNotificationSender } from './test-notification.ts';
import type { SendTestNotification } from './test-notification.ts';

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
  /** Logs alert transitions (firing, resolved, acknowledged) and failed delivery attempts. */
  logger?: AlertLogger | undefined;
  /** Hears failures the service absorbed (store down, a broken reader); never secrets. */
  onError?: ((error: Error) => void) | undefined;
  /** @default crypto.randomUUID */
  createId?: (() => string) | undefined;
}

/**
 * Alert rules, lifecycle, notifications and their configuration, persisted in the store: the
 * evaluation coordinator, the query and command facade and test notifications, composed.
 */
export interface AlertingService extends EvaluationCoordinator, AlertingFacade {
  /**
   * Delivers due outbox items now (one dispatcher tick). It may run beside the loop's tick: leases
   * keep every item with one of them.
   */
  dispatch(): Promise<TickSummary>;
  /** Sends a test message through a channel right now and logs the attempt. Never throws. */
  sendTestNotification: SendTestNotification;
}

/** Metrics whose every series is its own alert: insight's gauges (one per regression, budget…). */
const PER_SERIES_METRIC_PREFIX = 'insight.';

/**
 * Reads a rule's statistic from the registry: `registry.stats(metric, tags, window)[stat]`, one
 * merged value per rule; for insight's gauges, one value per series, tagged with the series' own
 * tags (e.g. `metric`, `statistic`), so each regression or budget alerts on its own.
 */
export function createRegistryStatsReader(registry: MetricsRegistry): StatsReader {
  const merged = scalarStatsReader(
    (query) => registry.stats(query.metric, query.tags, query.window)[query.stat],
  );
  return {
    series(query) {
      if (!query.metric.startsWith(PER_SERIES_METRIC_PREFIX)) return merged.series(query);
      return registry
        .seriesStats(query.metric, query.tags, query.window)
        .flatMap(({ tags, stats }) => {
          const value = stats[query.stat];
          if (value === null) return [];
          const own = Object.entries(tags).filter(([key]) => !(key in registry.standardTags));
          return [{ tags: Object.fromEntries(own), value }];
        });
    },
  };
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
  const createId = options.createId ?? randomUUID;
  // Read at each use: the composition root may learn the base URL only once the server listens.
  const dashboardUrl = (): string => options.channelsFromEnv.dashboardUrl;
  const report = (message: string, cause: unknown): void => {
    options.onError?.(new AlertingServiceError('PERSIST_FAILED', message, { cause }));
  };

  const rules = createRuleManager({ store, registry });
  const silences = createSilenceManager({ store, createId });
  const channels = createChannelManager({ store, clock, env: options.channelsFromEnv, createId });
  const unitOf = (metric: string): string =>
    registry.metrics().find(({ name }) => name === metric)?.unit ?? '';
  const evaluator = createAlertEvaluator({
    clock,
    silences: () => silences.current(),
    policy: options.policy ?? ALERTING_POLICY,
    // Intents carry the metric's unit so every message shows `2.45 s`, `2.67 %` (see @taurine/units).
    unitOf,
  });
  const { logger } = options;
  const dispatcher = createDispatcher({
    ...options.dispatcher,
    store:
      logger === undefined
        ? store.outbox
        : {
            ...store.outbox,
            async recordAttempt(attempt) {
              await store.outbox.recordAttempt(attempt);
              logDeliveryFailure(logger, attempt);
            },
          },
    channels: channels.runtime,
    clock,
    ...(options.instanceId === undefined ? {} : { owner: options.instanceId }),
    onError: (error) => {
      options.onError?.(error);
    },
    onReclaimed: options.onReclaimed,
  });
  const commit = createAlertCommit({
    store,
    registry,
    evaluator,
    channels,
    dispatcher,
    dashboardUrl,
    createId,
    onCommitted:
      logger &&
      ((transitions, records) => {
        const alerts = new Map(records.map(({ alert }) => [alert.fingerprint, alert]));
        const alertOf = (fingerprint: string) =>
          alerts.get(fingerprint) ?? evaluator.alert(fingerprint);
        logTransitions(logger, transitions, alertOf, unitOf);
      }),
  });
  const coordinator = createEvaluationCoordinator({
    store,
    clock,
    evaluator,
    stats: createRegistryStatsReader(registry),
    rules,
    silences,
    channels,
    dispatcher,
    commit,
    dispatchIntervalMs: options.dispatchIntervalMs ?? ALERTING_SERVICE_DEFAULTS.dispatchIntervalMs,
    publish: options.publish ?? (() => undefined),
    report,
  });
  const facade = createAlertingFacade({
    store,
    clock,
    rules,
    silences,
    channels,
    notificationLogSize: ALERTING_SERVICE_DEFAULTS.notificationLogSize,
  });
  return {
    ...coordinator,
    ...facade,
    dispatch: () => dispatcher.tick(),
    sendTestNotification: createTestNotificationSender({
      store,
      clock,
      channels,
      dashboardUrl,
      createId,
      report,
    }),
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
