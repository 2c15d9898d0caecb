import { createManualClock, createMetricsRegistry } from '@taurine/monitor';
import type { MetricsRegistry, Tags } from '@taurine/monitor';
import { latencySample, seededRandom } from '@taurine/monitor/testing';

/**
 * Gives a running server an hour of history it did not live through: `minutes` closed minute
 * rollups of a log-normal distribution (median `medianMs`, spread `sigma`) for one series, built
 * in a scratch registry with the server's standard tags and loaded into the server's registry as
 * a restart would load them from the store.
 */
export function seedLatencyHistory(
  registry: MetricsRegistry,
  series: { name: string; tags: Tags },
  options: { minutes: number; perMinute: number; medianMs: number; sigma: number },
): number {
  const now = Date.now();
  const start = Math.floor(now / 60_000) * 60_000 - (options.minutes + 1) * 60_000;
  const clock = createManualClock(start);
  const scratch = createMetricsRegistry({ clock, standardTags: registry.standardTags });
  const random = seededRandom(16);
  for (let minute = 0; minute < options.minutes; minute++) {
    clock.set(start + minute * 60_000 + 1000);
    for (let i = 0; i < options.perMinute; i++) {
      scratch.distribution(
        series.name,
        latencySample(random, options.medianMs, options.sigma),
        series.tags,
      );
    }
  }
  clock.set(start + (options.minutes + 1) * 60_000);
  scratch.rollover(clock.now());
  return registry.loadRollups(scratch.drainClosedRollups().filter((r) => r.resolution === '1m'))
    .loaded;
}
