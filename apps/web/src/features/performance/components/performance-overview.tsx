import { VITAL_NAMES } from '@taurine/vitals';
import { useId } from 'react';
import { useQuery } from 'urql';
import { QueryProblem } from '../../../components/query-problem.tsx';
import { WebVitalsOverviewQuery } from '../api/web-vitals-overview.ts';
import { usePerformanceFilters } from '../hooks/use-performance-filters.ts';
import { PerformanceFilters } from './performance-filters.tsx';
import { RouteVitalsTable } from './route-vitals-table.tsx';
import { ScoreRing } from './score-ring.tsx';
import { VitalCard } from './vital-card.tsx';
import { VisitorsBusiness } from './visitors-business.tsx';
import { VitalInsight } from './vital-insight.tsx';
import './performance.css';

/**
 * Core Web Vitals from real visitors: p75 (or p90/p95/p99) per vital with good / needs
 * improvement / poor shares, a Lighthouse-weighted score, and a row per route; filtered by device.
 */
export function PerformanceOverview() {
  const id = useId();
  const { device, percentile, window, set } = usePerformanceFilters();
  const [{ data, error }, reexecute] = useQuery({
    query: WebVitalsOverviewQuery,
    variables: { tags: device === null ? null : [{ key: 'device', value: device }], window },
  });

  return (
    <div className="performance">
      <PerformanceFilters device={device} percentile={percentile} window={window} onChange={set} />

      {error ? (
        <QueryProblem
          error={error}
          onRetry={() => {
            reexecute({ requestPolicy: 'network-only' });
          }}
        />
      ) : (
        <section className="performance__summary" aria-label="Web Vitals">
          <ScoreRing stats={data ?? null} percentile={percentile} />
          <div className="vital-cards">
            {VITAL_NAMES.map((name) => (
              <VitalCard
                key={name}
                name={name}
                stats={data?.[name] ?? null}
                percentile={percentile}
                device={device}
                window={window}
              />
            ))}
          </div>
        </section>
      )}

      <section className="panel" aria-labelledby={`${id}-routes`}>
        <h2 id={`${id}-routes`} className="panel__title">
          By route
        </h2>
        <RouteVitalsTable device={device} percentile={percentile} window={window} />
      </section>
      <VisitorsBusiness window={window} />
      <section className="panel" aria-labelledby={`${id}-deployments`}>
        <h2 id={`${id}-deployments`} className="panel__title">
          p75 per deployment and top offenders
        </h2>
        <VitalInsight window={window} />
      </section>
      <p className="muted performance__note">
        Measured in visitors&apos; browsers with web-vitals and sent when the page is hidden.
        Ratings use web-vitals&apos; thresholds. The score applies Lighthouse&apos;s log-normal
        curves to the chosen percentile (control points: the good threshold scores 90, the poor
        threshold 50) and weights LCP and INP 30 %, CLS and FCP 15 %, TTFB 10 %.
      </p>
    </div>
  );
}
