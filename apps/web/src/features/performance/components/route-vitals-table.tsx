import { useQuery } from 'urql';
import { QueryProblem } from '../../../components/query-problem.tsx';
import { useFragment } from '../../../gql/fragment-masking.ts';
import type { FragmentType } from '../../../gql/fragment-masking.ts';
import { graphql } from '../../../gql/gql.ts';
import type { StatsWindow } from '../../../gql/graphql.ts';
import { RouteVitalsQuery, VitalRoutesQuery } from '../api/vital-routes.ts';
import { VITAL_NAMES, rateVital } from '@taurine/vitals';
import type { VitalName } from '@taurine/vitals';
import { formatVital } from '../utils/vitals.ts';
import type { Percentile } from '../utils/vitals.ts';

export const RouteVitalsRow_MetricStatsFragment = graphql(`
  fragment RouteVitalsRow_MetricStatsFragment on MetricStats {
    count
    p75
    p90
    p95
    p99
  }
`);

interface FilterProps {
  device: string | null;
  percentile: Percentile;
  window: StatsWindow;
}

const deviceTags = (device: string | null) =>
  device === null ? [] : [{ key: 'device', value: device }];

/** Every route that reported vitals, one row each, at the chosen percentile. */
export function RouteVitalsTable({ device, percentile, window }: FilterProps) {
  const [{ data, error }, reexecute] = useQuery({
    query: VitalRoutesQuery,
    variables: { tags: deviceTags(device) },
  });
  const routes = [
    ...new Set(
      (data?.metrics ?? []).flatMap((series) =>
        series.tags.filter((tag) => tag.key === 'route').map((tag) => tag.value),
      ),
    ),
  ].sort();

  if (error) {
    return (
      <QueryProblem
        error={error}
        onRetry={() => {
          reexecute({ requestPolicy: 'network-only' });
        }}
      />
    );
  }
  return (
    <table className="data-table route-vitals" data-testid="route-vitals">
      <caption className="visually-hidden">Web Vitals per route at {percentile}</caption>
      <thead>
        <tr>
          <th scope="col">Route</th>
          {VITAL_NAMES.map((name) => (
            <th key={name} scope="col">
              {name}
            </th>
          ))}
          <th scope="col">Page loads</th>
        </tr>
      </thead>
      <tbody>
        {routes.length === 0 ? (
          <tr>
            <td colSpan={VITAL_NAMES.length + 2} className="muted">
              {data === undefined ? 'Loading…' : 'No route has reported vitals yet.'}
            </td>
          </tr>
        ) : (
          routes.map((route) => (
            <RouteVitalsRow
              key={route}
              route={route}
              device={device}
              percentile={percentile}
              window={window}
            />
          ))
        )}
      </tbody>
    </table>
  );
}

function RouteVitalsRow({ route, device, percentile, window }: FilterProps & { route: string }) {
  const [{ data }] = useQuery({
    query: RouteVitalsQuery,
    variables: { tags: [{ key: 'route', value: route }, ...deviceTags(device)], window },
  });
  return (
    <tr data-testid={`route-row-${route}`}>
      <th scope="row">
        <code>{route}</code>
      </th>
      {VITAL_NAMES.map((name) => (
        <RouteVitalCell
          key={name}
          name={name}
          stats={data?.[name] ?? null}
          percentile={percentile}
        />
      ))}
      <td>{data === undefined ? '…' : <LoadCount stats={data.TTFB} />}</td>
    </tr>
  );
}

function RouteVitalCell({
  name,
  stats: statsRef,
  percentile,
}: {
  name: VitalName;
  stats: FragmentType<typeof RouteVitalsRow_MetricStatsFragment> | null;
  percentile: Percentile;
}) {
  const stats = useFragment(RouteVitalsRow_MetricStatsFragment, statsRef);
  const value = stats?.[percentile] ?? null;
  return (
    <td
      className={value === null ? 'muted' : `rating--${rateVital(name, value)}`}
      data-vital={name}
    >
      {stats === null ? '…' : formatVital(name, value)}
    </td>
  );
}

/** TTFB is reported once per page load, so its count is the number of loads. */
function LoadCount({
  stats: statsRef,
}: {
  stats: FragmentType<typeof RouteVitalsRow_MetricStatsFragment>;
}) {
  const stats = useFragment(RouteVitalsRow_MetricStatsFragment, statsRef);
  return <>{stats.count}</>;
}
