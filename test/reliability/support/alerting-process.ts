/**
 * A minimal alerting process for the SIGKILL test: the same store, registry and alerting service
 * as the server, a latency metric held above its threshold, and a fast collection tick. Env:
 * `DATA_DIR`, `ALERT_WEBHOOK_URL`, `TICK_MS` (100), `LEASE_MS` (1500). Prints `ready` once started.
 */
import { createMetricsRegistry, systemClock } from '@taurine/monitor';
import { openStore } from '@taurine/store';
import { createAlertingService } from '../../../apps/server/src/alerting/alerting-service.ts';

const dataDir = process.env.DATA_DIR ?? '';
const tickMs = Number(process.env.TICK_MS ?? 100);
const store = await openStore({ dataDir });
await store.migrate();
const registry = createMetricsRegistry({
  clock: systemClock,
  standardTags: {
    environment: 'test',
    region: 'local',
    service: 'taurine',
    version: '0.1.0',
    deployment: 'reliability',
  },
});
registry.distribution('test.latency', 2500);
const service = createAlertingService({
  store,
  registry,
  clock: systemClock,
  channelsFromEnv: {
    alertWebhookUrl: process.env.ALERT_WEBHOOK_URL,
    dashboardUrl: 'http://taurine.test',
  },
  dispatchIntervalMs: 100,
  dispatcher: {
    leaseMs: Number(process.env.LEASE_MS ?? 1500),
    backoff: { baseMs: 200, maxMs: 1000, factor: 2, jitter: 0 },
  },
  onError: (error) => {
    console.error(`alerting: ${error.message}`);
  },
});
await service.start();
// On a restart the rule exists already: the `taken` validation error is expected.
await service.createRule({
  id: 'test.latency-p95',
  name: 'Test latency above 2 s',
  metric: 'test.latency',
  stat: 'p95',
  window: '1m',
  comparison: '>',
  threshold: 2000,
  severity: 'error',
  forMs: 0,
});
setInterval(() => {
  registry.distribution('test.latency', 2500);
  void service.evaluate();
}, tickMs);
console.log('ready');
