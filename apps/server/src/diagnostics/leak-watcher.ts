import { bytesBySite, detectLeak, topGrowingSites } from '@taurine/monitor/operations';
import type {
  GrowingSite,
  HeapSample,
  LeakDetectorOptions,
  LeakVerdict,
  SampledHeapNode,
} from '@taurine/monitor/operations';
import type { AlertEvent } from '../alerting/alert-events.ts';
import { operationsAlertEvent } from '../operations/operations-alert.ts';

/** How often the background work asks the watcher. */
export const LEAK_CHECK_INTERVAL_MS = 5 * 60_000;

/** Options of {@link createLeakWatcher}. */
export interface LeakWatcherOptions {
  /** Heap used after major GCs (see `createHeapHistory`). */
  samples: () => readonly HeapSample[];
  /** The live sampled heap profile, when the sampler runs. */
  profile?: () => Promise<SampledHeapNode>;
  publish: (event: AlertEvent) => void;
  now?: () => number;
  detector?: Partial<LeakDetectorOptions>;
  instanceId: string;
}

/** What one check found. */
export interface LeakCheck extends LeakVerdict {
  /** Allocation sites that grew most since the previous check (empty unless leaking). */
  growingSites: GrowingSite[];
  /** True when this check raised the alert (once per leak episode). */
  alerted: boolean;
}

/** Watches this process's heap after GC and raises an alert once per leak episode. */
export interface LeakWatcher {
  check(): Promise<LeakCheck>;
}

export function createLeakWatcher(options: LeakWatcherOptions): LeakWatcher {
  const now = options.now ?? Date.now;
  let previous = new Map<string, number>();
  let inEpisode = false;
  return {
    async check() {
      const at = now();
      const verdict = detectLeak(options.samples(), at, options.detector);
      const current = options.profile
        ? bytesBySite(await options.profile())
        : new Map<string, number>();
      const growingSites = verdict.leaking ? topGrowingSites(previous, current) : [];
      previous = current;
      const alerted = verdict.leaking && !inEpisode;
      inEpisode = verdict.leaking;
      if (alerted) {
        const mbPerHour = Math.round(((verdict.growthBytesPerHour ?? 0) / 1048576) * 10) / 10;
        const sites = growingSites
          .map((site) => `${site.site} +${Math.round(site.growthBytes / 1024)} KB`)
          .join('; ');
        options.publish(
          operationsAlertEvent({
            type: 'raised',
            ruleId: 'leak-detector',
            ruleName: 'Memory leak suspected',
            description: `Heap after GC grows ${mbPerHour} MB/h on ${options.instanceId}${sites ? `; growing most: ${sites}` : ''}`,
            metric: 'process.heapUsedMB',
            value: mbPerHour,
            threshold: 0,
            comparison: '>',
            severity: 'warning',
            tags: { instance: options.instanceId },
            at,
          }),
        );
      }
      return { ...verdict, growingSites, alerted };
    },
  };
}
