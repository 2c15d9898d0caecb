import type {
  AlertEvaluator,
  AlertEvaluatorState,
  AlertTransition,
  MetricsRegistry,
  NotificationIntent,
} from '@taurine/monitor';
import { newOutboxItems } from '@taurine/notify';
import type { Dispatcher, NewOutboxItem } from '@taurine/notify';
import type { AlertRecord, Store } from '@taurine/store';
import type { ChannelInput, ChannelManager } from './channel-manager.ts';
import { buildNotification } from './notification-builder.ts';

/** Commits the steps of the evaluator, rolling it back when the store refuses one. */
export interface AlertCommit {
  /**
   * Writes transitions, alert rows, one outbox item per notification and routed channel, and the
   * evaluator snapshot in one transaction, then wakes the dispatcher if something was queued.
   * On failure the evaluator is restored to the last committed snapshot and the error rethrown.
   * @returns the number of outbox items written
   */
  commit(
    transitions: readonly AlertTransition[],
    intents: readonly NotificationIntent[],
    records: readonly AlertRecord[],
    now: number,
  ): Promise<number>;
  /** Takes the evaluator's current state as the committed one (after it was restored at start). */
  checkpoint(): void;
}

/** What {@link createAlertCommit} works with. */
export interface AlertCommitOptions {
  store: Store;
  registry: MetricsRegistry;
  evaluator: AlertEvaluator;
  channels: ChannelManager;
  dispatcher: Dispatcher;
  /** Read at every commit: the base URL may be known only once the server listens. */
  dashboardUrl: () => string;
  createId: () => string;
  /** Hears the transitions once they are committed, with the records written beside them. */
  onCommitted?:
    | ((transitions: readonly AlertTransition[], records: readonly AlertRecord[]) => void)
    | undefined;
}

/** Creates the commit step shared by evaluations, acknowledgements and resolutions. */
export function createAlertCommit(options: AlertCommitOptions): AlertCommit {
  const { store, registry, evaluator, channels, dispatcher, createId } = options;
  let lastCommitted: AlertEvaluatorState | undefined;

  /** Outbox items for the deliverable intents: one per enabled channel of a routed type. */
  const outboxItemsFor = (intents: readonly NotificationIntent[], now: number): NewOutboxItem[] =>
    intents.flatMap((intent) => {
      if (intent.suppressed) return [];
      const targets = channels.route(intent.channels);
      if (targets.length === 0) return [];
      const stat = evaluator.alert(intent.fingerprint)?.stat ?? 'avg';
      const notification = buildNotification(intent, {
        registry,
        dashboardUrl: options.dashboardUrl(),
        stat,
      });
      return newOutboxItems(
        notification,
        targets.map((target) => ({ name: target.name, type: target.type as ChannelInput['type'] })),
        now,
        createId,
      );
    });

  return {
    async commit(transitions, intents, records, now) {
      try {
        const items = outboxItemsFor(intents, now);
        const state = evaluator.snapshot();
        const { outboxInserted } = await store.alerts.recordTransitions(
          transitions,
          records,
          items,
          state,
        );
        lastCommitted = state;
        if (transitions.length > 0) options.onCommitted?.(transitions, records);
        if (outboxInserted > 0) dispatcher.wake();
        return outboxInserted;
      } catch (error) {
        // The next evaluation re-derives the same transitions and idempotency keys: nothing lost.
        if (lastCommitted !== undefined) evaluator.restore(lastCommitted);
        throw error;
      }
    },
    checkpoint() {
      lastCommitted = evaluator.snapshot();
    },
  };
}
