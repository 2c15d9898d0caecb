import { useQuery } from 'urql';
import { QueryProblem } from '../../../components/query-problem.tsx';
import { useLastDefined } from '../../../hooks/use-last-defined.ts';
import { CacheTierTotalsQuery } from '../api/cache-tier-totals.ts';
import type { ChartWindow } from '../utils/chart-window.ts';
import { formatCount, formatRatio } from '../utils/format-metric.ts';
import { CACHE_TIERS } from './cache-hit-rate-chart.tsx';

/**
 * All four cache tiers side by side over the dashboard's range: hit rate, hits and misses. The
 * server's tiers count themselves; the browsers' tiers arrive with the Web Vitals batches.
 */
export function CacheTiersPanel({ window }: { window: ChartWindow }) {
  const [result, reexecute] = useQuery({
    query: CacheTierTotalsQuery,
    variables: { range: window.variables.range, instance: window.variables.instance },
  });
  const data = useLastDefined(result.data);
  return (
    <section className="panel cache-tiers" aria-labelledby="cache-tiers-title">
      <h2 id="cache-tiers-title" className="panel__title">
        Cache tiers
      </h2>
      {result.error && !data ? (
        <QueryProblem
          error={result.error}
          compact
          onRetry={() => {
            reexecute({ requestPolicy: 'network-only' });
          }}
        />
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Tier</th>
              <th scope="col">Hit rate</th>
              <th scope="col">Hits</th>
              <th scope="col">Misses</th>
            </tr>
          </thead>
          <tbody>
            {CACHE_TIERS.map(({ tier, label, color }) => {
              const hits = data?.[`${tier}Hits`].sum ?? null;
              const misses = data?.[`${tier}Misses`].sum ?? null;
              const total = (hits ?? 0) + (misses ?? 0);
              return (
                <tr key={tier} data-testid={`cache-tier-${tier}`}>
                  <th scope="row">
                    <span
                      className="chart__swatch"
                      style={{ background: color }}
                      aria-hidden="true"
                    />
                    {label}
                  </th>
                  <td data-testid={`cache-tier-${tier}-rate`}>
                    {data === undefined
                      ? '…'
                      : formatRatio(total === 0 ? null : (hits ?? 0) / total)}
                  </td>
                  <td>{data === undefined ? '…' : formatCount(hits)}</td>
                  <td>{data === undefined ? '…' : formatCount(misses)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
