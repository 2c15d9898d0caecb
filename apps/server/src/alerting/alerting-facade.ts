import { matchingSilences } from '@taurine/monitor';
import type { AlertRule, Severity, SilenceTarget } from '@taurine/monitor';
import type { Clock, DeliveryAttempt, OutboxItem, OutboxStatus } from '@taurine/notify';
import type {
  AlertCursor,
  AlertPage,
  AlertRecord,
  AlertRecordStatus,
  Store,
  StoredSilence,
  StoredTransition,
} from '@taurine/store';
import type { AlertingResult } from './alerting-results.ts';
import type { ChannelInput, ChannelManager, ChannelPatch, ChannelView } from './channel-manager.ts';
import type { RuleInput, RuleManager } from './rule-manager.ts';
import type { SilenceInput, SilenceManager, SilencePatch } from './silence-manager.ts';

/** One outbox item with its attempts: an entry of the notification log. */
export interface NotificationDelivery extends OutboxItem {
  attemptLog: DeliveryAttempt[];
}

/** Filter of {@link AlertingFacade.alerts}. */
export interface AlertsQuery {
  statuses?: readonly AlertRecordStatus[] | undefined;
  severities?: readonly Severity[] | undefined;
  first?: number | undefined;
  after?: AlertCursor | undefined;
}

/** Filter of {@link AlertingFacade.notificationLog}. */
export interface NotificationLogQuery {
  first?: number | undefined;
  status?: OutboxStatus | undefined;
  channel?: string | undefined;
}

/**
 * What GraphQL reads and edits beside the evaluation: stored alerts and notifications, and the
 * rules, channels and silences. Edits are stored at once; the next evaluation applies them.
 */
export interface AlertingFacade {
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
  /** Ids of the silences muting `alert` now (running, every matcher equal to its labels). */
  silencesCovering(alert: SilenceTarget): Promise<string[]>;
}

/** What {@link createAlertingFacade} works with. */
export interface AlertingFacadeOptions {
  store: Store;
  clock: Clock;
  rules: RuleManager;
  silences: SilenceManager;
  channels: ChannelManager;
  /** Entries of `notificationLog` when `first` is not given. */
  notificationLogSize: number;
}

/** Most notifications `deliveries` lists for one alert. */
const DELIVERIES_PER_ALERT = 200;

/** Creates the query and command facade over the store and the managers. */
export function createAlertingFacade(options: AlertingFacadeOptions): AlertingFacade {
  const { store, clock, rules, silences, channels } = options;
  return {
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
      withAttempts(store, await store.outbox.recent({ fingerprint, limit: DELIVERIES_PER_ALERT })),
    notificationLog: async (query = {}) =>
      withAttempts(
        store,
        await store.outbox.recent({
          status: query.status,
          channelName: query.channel,
          limit: query.first ?? options.notificationLogSize,
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
    async silencesCovering(alert) {
      const now = clock.now();
      const running = await silences.list(now, false);
      return matchingSilences(alert, running, now).map(({ id }) => id);
    },
  };
}

/** The outbox items with their attempts, in the items' order. */
export async function withAttempts(
  store: Store,
  items: OutboxItem[],
): Promise<NotificationDelivery[]> {
  const attempts = await store.outbox.attemptsOf(items.map((item) => item.id));
  return items.map((item) => ({ ...item, attemptLog: attempts.get(item.id) ?? [] }));
}
