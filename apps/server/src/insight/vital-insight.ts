import type { MetricsRegistry, WindowName } from '@taurine/monitor';
import type { StoredDeployment } from '@taurine/store';

/** The vitals insight reports per deployment and per element. */
export const INSIGHT_VITALS = ['LCP', 'INP', 'CLS', 'FCP', 'TTFB'] as const;
/** Vitals whose attribution names an element (`webvitals.targets.<vital>`). */
export const TARGETED_VITALS = ['LCP', 'INP', 'CLS'] as const;

/** The p75 of every vital while one deployment was serving. */
export interface DeploymentVitals {
  deployment: StoredDeployment;
  from: number;
  to: number;
  p75: Record<(typeof INSIGHT_VITALS)[number], number | null>;
  samples: number;
}

/** Per deployment (newest first), the vitals' p75 from its start to the next one (or now). */
export function vitalsPerDeployment(
  registry: MetricsRegistry,
  deployments: readonly StoredDeployment[],
  now: number,
): DeploymentVitals[] {
  return deployments.map((deployment, i) => {
    const range = { from: deployment.at, to: deployments[i - 1]?.at ?? now };
    const p75 = {} as DeploymentVitals['p75'];
    let samples = 0;
    for (const vital of INSIGHT_VITALS) {
      const stats = registry.stats(`webvitals.${vital}`, undefined, range);
      p75[vital] = stats.p75;
      samples += stats.count;
    }
    return { deployment, ...range, p75, samples };
  });
}

/** An element behind a vital (the LCP element, INP target, CLS source) and how bad it is. */
export interface VitalOffender {
  target: string;
  count: number;
  p75: number | null;
}

/** The elements with the worst p75 of `vital` over `window`, at most `first`. */
export function vitalOffenders(
  registry: MetricsRegistry,
  vital: (typeof TARGETED_VITALS)[number],
  window: WindowName,
  first: number,
): VitalOffender[] {
  const name = `webvitals.targets.${vital}`;
  const targets = new Set<string>();
  for (const { tags, stats } of registry.seriesStats(name, undefined, window)) {
    if (stats.count > 0 && tags['target'] !== undefined) targets.add(tags['target']);
  }
  return [...targets]
    .map((target) => {
      const stats = registry.stats(name, { target }, window);
      return { target, count: stats.count, p75: stats.p75 };
    })
    .sort((a, b) => (b.p75 ?? 0) - (a.p75 ?? 0) || b.count - a.count)
    .slice(0, first);
}
