import type { Clock } from './clock.ts';
import type { DeliveryOutcome } from './item-delivery.ts';
import type { OutboxItem, OutboxStore } from './outbox-store.ts';

/** Counts of one tick. */
export interface TickSummary {
  claimed: number;
  sent: number;
  retried: number;
  failed: number;
}

/** What a tick needs: the dispatcher's resolved options and its item delivery. */
export interface TickContext {
  store: OutboxStore;
  clock: Clock;
  batchSize: number;
  leaseMs: number;
  /** Who holds the leases this tick takes. */
  owner: string;
  deliver: (item: OutboxItem) => Promise<DeliveryOutcome>;
  /** Hands a store failure to the dispatcher's `onError`; never throws. */
  report: (message: string, cause: unknown) => void;
}

/**
 * Claim rounds per tick at most. A round claims only the head of each alert's line to a channel,
 * so the item behind a delivered one is claimed by the next round of the same tick; the bound
 * keeps a tick (and so `stop()`) finite while new items keep arriving.
 */
const MAX_ROUNDS_PER_TICK = 100;

/** A summary with every count at 0. */
export function emptyTickSummary(): TickSummary {
  return { claimed: 0, sent: 0, retried: 0, failed: 0 };
}

/**
 * Takes back, once, the leases an earlier run of `context.owner` left; resolves `true` once they
 * are back. Nothing is claimed before then: releasing later would free leases of this run's own
 * sends in flight. Shared by concurrent first ticks; a failure (the store is down) resolves
 * `false`, skipping the tick, and the next call tries again.
 */
export function createLeaseReclaim(
  context: Pick<TickContext, 'store' | 'owner' | 'report'>,
  onReclaimed: ((count: number) => void) | undefined,
): () => Promise<boolean> {
  let reclaimed: Promise<boolean> | undefined;
  return () => {
    reclaimed ??= context.store.releaseLeases(context.owner).then(
      (count) => {
        if (count > 0) onReclaimed?.(count);
        return true;
      },
      (error: unknown) => {
        reclaimed = undefined;
        context.report('outbox store failed to take back the leases of an earlier run', error);
        return false;
      },
    );
    return reclaimed;
  };
}

/**
 * Runs a tick's claim rounds (after `reclaim`) while renewing the leases of the items in flight
 * every third of the lease; resolves `true` when it stopped at the round bound with more possibly
 * due.
 */
export async function runTick(
  context: TickContext,
  reclaim: () => Promise<boolean>,
  summary: TickSummary,
): Promise<boolean> {
  if (!(await reclaim())) return false;
  const inFlight = new Set<string>();
  const stopHeartbeat = startLeaseHeartbeat(context, inFlight);
  try {
    for (let rounds = 0; rounds < MAX_ROUNDS_PER_TICK; rounds += 1) {
      if ((await claimRound(context, summary, inFlight)) === 0) return false;
    }
    return true;
  } finally {
    stopHeartbeat();
  }
}

/** Renews the leases of the ids in `inFlight` every third of the lease; returns its stop. */
function startLeaseHeartbeat(context: TickContext, inFlight: ReadonlySet<string>): () => void {
  const { store, clock, leaseMs, owner } = context;
  const heartbeat = setInterval(() => {
    if (inFlight.size === 0) return;
    store.renewLeases(owner, [...inFlight], clock.now() + leaseMs).catch((error: unknown) => {
      context.report('outbox store failed to renew the leases of items in flight', error);
    });
  }, leaseMs / 3);
  heartbeat.unref();
  return () => {
    clearInterval(heartbeat);
  };
}

/**
 * One claim and its deliveries: channel groups in parallel, each channel's items in order.
 * `inFlight` holds the ids whose leases the heartbeat renews. Resolves to the number claimed.
 */
async function claimRound(
  context: TickContext,
  summary: TickSummary,
  inFlight: Set<string>,
): Promise<number> {
  let items: OutboxItem[];
  try {
    items = await context.store.claimDue(
      context.clock.now(),
      context.batchSize,
      context.leaseMs,
      context.owner,
    );
  } catch (error) {
    context.report('outbox store failed to claim due items', error);
    return 0;
  }
  summary.claimed += items.length;
  const byChannel = new Map<string, OutboxItem[]>();
  for (const item of items) {
    inFlight.add(item.id);
    byChannel.set(item.channelName, [...(byChannel.get(item.channelName) ?? []), item]);
  }
  await Promise.all(
    [...byChannel.values()].map(async (group) => {
      for (const item of group) {
        try {
          summary[await context.deliver(item)] += 1;
        } catch (error) {
          // The lease runs out and another tick retries the item: at-least-once holds.
          context.report(`outbox store failed while delivering item "${item.id}"`, error);
        } finally {
          inFlight.delete(item.id);
        }
      }
    }),
  );
  return items.length;
}
