import { useId } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { QueryProblem } from '../../../components/query-problem.tsx';
import type { StatsWindow } from '../../../gql/graphql.ts';
import { WebVitalsOverviewQuery } from '../api/web-vitals-overview.ts';
import { VITAL_NAMES } from '@taurine/vitals';
import { PERCENTILES } from '../utils/vitals.ts';
import { RouteVitalsTable } from './route-vitals-table.tsx';
import { ScoreRing } from './score-ring.tsx';
import { VitalCard } from './vital-card.tsx';
import './performance.css';

const DEVICES = ['mobile', 'tablet', 'desktop'] as const;
const WINDOWS: Partial<Record<StatsWindow, string>> = {
  LAST_1H: 'Last hour',
  LAST_24H: 'Last 24 hours',
  LAST_7D: 'Last 7 days',
};

/** Reads the filters from the URL, so a filtered view can be shared. */
function useFilters() {
  const [params, setParams] = useSearchParams();
  const device = DEVICES.find((d) => d === params.get('device')) ?? null;
  const percentile = PERCENTILES.find((p) => p === params.get('percentile')) ?? 'p75';
  const raw = params.get('window') ?? '';
  const window: StatsWindow = raw in WINDOWS ? (raw as StatsWindow) : 'LAST_24H';
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value === null) next.delete(key);
    else next.set(key, value);
    setParams(next, { replace: true });
  };
  return { device, percentile, window, set };
}

/**
 * Core Web Vitals from real visitors: p75 (or p90/p95/p99) per vital with good / needs
 * improvement / poor shares, a Lighthouse-weighted score, and a row per route; filtered by device.
 */
export function PerformanceOverview() {
  const id = useId();
  const { device, percentile, window, set } = useFilters();
  const [{ data, error }, reexecute] = useQuery({
    query: WebVitalsOverviewQuery,
    variables: { tags: device === null ? null : [{ key: 'device', value: device }], window },
  });

  return (
    <div className="performance">
      <form
        className="performance__filters"
        onSubmit={(event) => {
          event.preventDefault();
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-device`}>Device</label>
          <select
            id={`${id}-device`}
            value={device ?? ''}
            onChange={(event) => {
              set('device', event.target.value === '' ? null : event.target.value);
            }}
          >
            <option value="">All devices</option>
            {DEVICES.map((d) => (
              <option key={d} value={d}>
                {d[0]!.toUpperCase() + d.slice(1)}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="field">
          <legend>Percentile</legend>
          <div className="segmented" role="group">
            {PERCENTILES.map((p) => (
              <button
                key={p}
                type="button"
                className="segmented__button"
                aria-pressed={percentile === p}
                onClick={() => {
                  set('percentile', p === 'p75' ? null : p);
                }}
              >
                {p}
              </button>
            ))}
          </div>
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-window`}>Period</label>
          <select
            id={`${id}-window`}
            value={window}
            onChange={(event) => {
              set('window', event.target.value === 'LAST_24H' ? null : event.target.value);
            }}
          >
            {Object.entries(WINDOWS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
      </form>

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
      <p className="muted performance__note">
        Measured in visitors&apos; browsers with web-vitals and sent when the page is hidden.
        Ratings use web-vitals&apos; thresholds. The score applies Lighthouse&apos;s log-normal
        curves to the chosen percentile (control points: the good threshold scores 90, the poor
        threshold 50) and weights LCP and INP 30 %, CLS and FCP 15 %, TTFB 10 %.
      </p>
    </div>
  );
}
