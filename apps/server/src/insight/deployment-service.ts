import { compareDeployment, previousDeployment } from '@taurine/monitor';
import type { Clock, MetricComparison, MetricsRegistry } from '@taurine/monitor';
import type { Store, StoredDeployment } from '@taurine/store';
import type { AlertingResult } from '../alerting/alerting-results.ts';
import { invalid, notFound, succeeded } from '../alerting/alerting-results.ts';
import { WATCHED_METRICS } from './insight-policies.ts';
import { toWindowStats } from './series-window.ts';

/** How far before a deployment the "before" side reaches at most. */
export const COMPARISON_LOOKBACK_MS = 24 * 3_600_000;
/** Deployments listed and searched. */
const DEPLOYMENT_LIMIT = 200;

/** A deployment and the one before it, with per-metric before/after. */
export interface DeploymentComparison {
  deployment: StoredDeployment;
  previous: StoredDeployment | null;
  before: { from: number; to: number };
  after: { from: number; to: number };
  metrics: MetricComparison[];
}

/** Deployments: recorded at start when `SERVICE_VERSION` changed, or by CI through GraphQL. */
export function createDeploymentService(options: {
  store: Store;
  registry: MetricsRegistry;
  clock: Clock;
  version: string;
  instanceId: string;
}) {
  const { store, registry, clock } = options;
  let recent: StoredDeployment[] = [];
  const reload = async () => {
    recent = await store.insight.deployments(DEPLOYMENT_LIMIT);
  };

  return {
    /** Loads the history and records this start's version when it differs from the last one. */
    async load() {
      await reload();
      if (recent[0]?.version !== options.version) {
        await store.insight.recordDeployment({
          version: options.version,
          at: clock.now(),
          source: 'startup',
          recordedBy: options.instanceId,
        });
        await reload();
      }
    },

    async record(input: {
      version: string;
      description?: string | null;
      at?: number | null;
      recordedBy: string;
    }): Promise<AlertingResult<StoredDeployment>> {
      const version = input.version.trim();
      if (version === '' || version.length > 100)
        return invalid([
          { field: 'version', code: 'invalid', message: 'must be 1 to 100 characters' },
        ]);
      if ((input.description?.length ?? 0) > 500)
        return invalid([
          { field: 'description', code: 'invalid', message: 'at most 500 characters' },
        ]);
      const at = input.at ?? clock.now();
      if (at > clock.now() + 60_000)
        return invalid([{ field: 'at', code: 'invalid', message: 'cannot be in the future' }]);
      const stored = await store.insight.recordDeployment({
        version,
        at,
        source: 'mutation',
        recordedBy: input.recordedBy,
        description: input.description ?? null,
      });
      await reload();
      return succeeded(stored);
    },

    /** Deployments newest first, those at or after `since` when given. */
    list(since?: number): StoredDeployment[] {
      return since === undefined ? [...recent] : recent.filter((d) => d.at >= since);
    },

    /** The comparison of `version` (its latest deployment; the latest deployment without one). */
    compare(version?: string | null): AlertingResult<DeploymentComparison> {
      const deployment = version == null ? recent[0] : recent.find((d) => d.version === version);
      if (deployment === undefined) return notFound('deployment', version ?? 'latest');
      const previous = previousDeployment(recent, deployment);
      const next = recent.filter((d) => d.at > deployment.at).at(-1);
      const before = {
        from: Math.max(previous?.at ?? -Infinity, deployment.at - COMPARISON_LOOKBACK_MS),
        to: deployment.at,
      };
      const after = { from: deployment.at, to: next?.at ?? clock.now() };
      const metrics = compareDeployment(
        WATCHED_METRICS.map(({ metric, direction }) => ({
          metric,
          direction,
          before: toWindowStats(registry.stats(metric, undefined, before)),
          after: toWindowStats(registry.stats(metric, undefined, after)),
        })),
      ).filter((row) => row.before !== null || row.after !== null);
      return succeeded({ deployment, previous, before, after, metrics });
    },
  };
}

export type DeploymentService = ReturnType<typeof createDeploymentService>;
