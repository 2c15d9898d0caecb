import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createManualClock, createMetricsRegistry } from '@taurine/monitor';
import type { ManualClock, MetricsRegistry } from '@taurine/monitor';
import { openStore } from '@taurine/store';
import type { Store } from '@taurine/store';
import type { AlertEvent } from '../alerting/alert-events.ts';
import { createAlertingService } from '../alerting/alerting-service.ts';
import type { AlertingService, AlertingServiceOptions } from '../alerting/alerting-service.ts';
import type { AlertChannelEnv } from '../alerting/channel-env.ts';

/** 2026-11-27 12:00:00 UTC. */
export const T0 = Date.UTC(2026, 10, 27, 12, 0, 0);
export const MINUTE = 60_000;

/** A metric only the tests record, so built-in rules stay quiet. */
export const TEST_METRIC = 'test.latency';

export const STANDARD_TAGS = {
  environment: 'test',
  region: 'local',
  service: 'taurine',
  version: '0.1.0',
  deployment: 'test',
};

/** A real SQLite store in a temp dir, a manual clock and a real registry shared by services. */
export interface ServiceHarness {
  clock: ManualClock;
  registry: MetricsRegistry;
  dataDir: string;
  events: AlertEvent[];
  errors: Error[];
  /** Opens a store on the harness' data dir (a new one each call, like a restarted process). */
  openStore(): Promise<Store>;
  /** A started service on a new store (or `store`), with the harness' clock and registry. */
  service(
    env?: Partial<AlertChannelEnv>,
    overrides?: Partial<AlertingServiceOptions>,
  ): Promise<{ service: AlertingService; store: Store }>;
  /** Records `value` into the test metric (a distribution) at the clock's time. */
  record(value: number): void;
  cleanup(): Promise<void>;
}

export async function createServiceHarness(): Promise<ServiceHarness> {
  const root = await mkdtemp(join(tmpdir(), 'taurine-alerting-'));
  const dataDir = join(root, 'data');
  const clock = createManualClock(T0);
  const registry = createMetricsRegistry({ clock, standardTags: STANDARD_TAGS });
  const stores: Store[] = [];
  const services: AlertingService[] = [];
  const events: AlertEvent[] = [];
  const errors: Error[] = [];

  const open = async (): Promise<Store> => {
    const store = await openStore({ dataDir });
    await store.migrate();
    stores.push(store);
    return store;
  };

  return {
    clock,
    registry,
    dataDir,
    events,
    errors,
    openStore: open,
    async service(env = {}, overrides = {}) {
      const store = overrides.store ?? (await open());
      const service = createAlertingService({
        store,
        registry,
        clock,
        channelsFromEnv: { dashboardUrl: 'http://taurine.test', ...env },
        publish: (event) => events.push(event),
        dispatchIntervalMs: 0,
        dispatcher: { random: () => 0.5 },
        onError: (error) => errors.push(error),
        ...overrides,
      });
      await service.start();
      services.push(service);
      return { service, store };
    },
    record(value) {
      registry.distribution(TEST_METRIC, value);
    },
    async cleanup() {
      await Promise.all(services.map((service) => service.stop()));
      await Promise.all(stores.map((store) => store.close()));
      await rm(root, { recursive: true, force: true });
    },
  };
}

/**
 * A rule on the test metric: p95 over 1 minute above 2000 ms, firing at once, resolving when the
 * minute holds no sample.
 */
export const LATENCY_RULE = {
  id: 'test.latency-p95',
  name: 'Test latency above 2 s',
  metric: TEST_METRIC,
  stat: 'p95',
  window: '1m',
  comparison: '>',
  threshold: 2000,
  severity: 'error',
  forMs: 0,
  noDataState: 'ok',
} as const;
