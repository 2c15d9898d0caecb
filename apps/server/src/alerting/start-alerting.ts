import { systemClock } from '@taurine/monitor';
import type { AppConfig } from '../config.ts';
import type { Infrastructure } from '../infra/infrastructure.ts';
import type { LogFailure, Logger } from '../logging/logger.ts';
import { createAlertingService } from './alerting-service.ts';

/**
 * The alerting service, started. Without PUBLIC_URL, notification links follow the address bound
 * in `start()` (PORT=0 too): `followBoundUrl` tells it.
 */
export async function startAlerting(
  config: AppConfig,
  { store, metrics, pubsub }: Infrastructure,
  log: LogFailure,
  logger: Logger,
) {
  let publicUrl = config.alertChannels.dashboardUrl;
  const alerting = createAlertingService({
    store,
    registry: metrics.registry,
    clock: systemClock,
    channelsFromEnv: {
      ...config.alertChannels,
      get dashboardUrl() {
        return publicUrl;
      },
    },
    // The outbox lease owner: a restart with the same id takes its in-flight items back at once.
    instanceId: config.instanceId,
    dispatcher: { leaseMs: config.alertOutboxLeaseMs },
    publish: (event) => {
      pubsub.publish('alertEvent', event);
    },
    logger,
    onReclaimed: (count) => {
      logger.info(`alerting: took back ${count} outbox item(s) leased before the last shutdown`);
    },
    onError: (error) => {
      log('alerting:', error);
    },
  });
  await alerting.start();
  const followBoundUrl = (url: string) => {
    if (!config.publicUrlConfigured) publicUrl = url;
  };
  return { alerting, followBoundUrl, publicUrl: () => publicUrl };
}
