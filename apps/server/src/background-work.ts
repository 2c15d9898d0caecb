import type { AppConfig } from './config.ts';
import { LEAK_CHECK_INTERVAL_MS } from './diagnostics/leak-watcher.ts';
import type { LeakWatcher } from './diagnostics/leak-watcher.ts';
import type { TaurineYogaOptions } from './graphql/taurine-yoga.ts';
import type { Services } from './services.ts';
import type { LiveSubscriptions } from './subscriptions/live-subscriptions.ts';

/** How often keys of open subscriptions are re-checked (the key cache's default TTL). */
const KEY_RECHECK_INTERVAL_MS = 500;
/** How often persisted rollups past retention are deleted. */
const RETENTION_INTERVAL_MS = 3_600_000;

/**
 * What runs once the server listens: the cache warm-up, a first snapshot right away (so dashboards
 * and subscribers never start empty), the collection tick, rollup retention now and hourly, and
 * the re-check of open subscriptions' keys, the report schedules' checks, and the leak watcher's
 * checks (every instance watches its own heap). Returns what stops its timers.
 */
export async function startBackgroundWork(
  config: AppConfig,
  services: Services,
  live: LiveSubscriptions,
  log: TaurineYogaOptions['log'],
  leaks?: LeakWatcher,
): Promise<() => void> {
  const { collector } = services;
  if (config.cacheWarmOnStart) {
    await services.cacheOps.warm().catch((error: unknown) => {
      log('cache warm-up failed', error);
    });
  }
  await collector.tick();
  collector.start();
  await collector.enforceRetention().catch((error: unknown) => {
    log('retention failed', error);
  });
  const retentionTimer = setInterval(() => {
    collector.enforceRetention().catch((error: unknown) => {
      log('retention failed', error);
    });
  }, RETENTION_INTERVAL_MS);
  retentionTimer.unref();
  // As often as the key cache expires: a revocation elsewhere ends subscriptions here as
  // soon as this instance would refuse the key's next request.
  const keyRecheckTimer = setInterval(() => {
    void live.recheckKeys();
  }, KEY_RECHECK_INTERVAL_MS);
  keyRecheckTimer.unref();
  // The leader makes due scheduled reports; the others' checks find the lock taken.
  services.reportScheduler.start(config.reportCheckIntervalMs);
  const leakTimer = setInterval(() => {
    leaks?.check().catch((error: unknown) => {
      log('leak check failed', error);
    });
  }, LEAK_CHECK_INTERVAL_MS);
  leakTimer.unref();
  return () => {
    void services.reportScheduler.stop();
    clearInterval(retentionTimer);
    clearInterval(keyRecheckTimer);
    clearInterval(leakTimer);
  };
}
