import type { DashboardInsightQuery as DashboardInsightData } from '../../../gql/graphql.ts';

type Regression = DashboardInsightData['regressions'][number];

const STATUS_LABELS: Record<string, string> = {
  WITHIN: 'within',
  AT_RISK: 'at risk',
  OVER: 'over',
  NO_DATA: 'no data',
};

const number = (value: number) =>
  new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3 }).format(value);

const seriesName = (regression: Regression) => {
  const tags = regression.tags.map((tag) => `${tag.key}=${tag.value}`).join(', ');
  return tags === '' ? regression.metric : `${regression.metric} {${tags}}`;
};

/**
 * What changed: open regressions and anomalies (recovered ones of the range below them) and where
 * every budget stands, from the insight queries.
 */
export function InsightPanel({ data }: { data: DashboardInsightData | undefined }) {
  if (data === undefined) {
    return (
      <section className="panel insight-panel" aria-labelledby="insight-title">
        <h2 id="insight-title" className="panel__title">
          Regressions and anomalies
        </h2>
        <p className="muted">Loading…</p>
      </section>
    );
  }
  const regressions = [...data.regressions].sort((a, b) => Number(b.open) - Number(a.open));
  return (
    <section className="panel insight-panel" aria-labelledby="insight-title">
      <h2 id="insight-title" className="panel__title">
        Regressions and anomalies
      </h2>
      {regressions.length === 0 && data.anomalies.length === 0 ? (
        <p className="muted" data-testid="no-regressions">
          Nothing changed against the baselines.
        </p>
      ) : (
        <ul className="insight-list" data-testid="regressions">
          {regressions.map((r) => (
            <li key={r.id} className={r.open ? 'insight-item insight-item--open' : 'insight-item'}>
              <strong>
                {r.statistic.toLowerCase()} {r.changePercent > 0 ? '+' : ''}
                {r.changePercent} %
              </strong>{' '}
              <span className="insight-item__series">{seriesName(r)}</span>
              <span className="muted">
                {' '}
                {number(r.baselineValue)} → {number(r.currentValue)} ·{' '}
                {r.open ? `open, ${r.severity.toLowerCase()}` : 'recovered'} · confidence{' '}
                {Math.round(r.confidence * 100)} %
              </span>
            </li>
          ))}
          {data.anomalies.map((a) => (
            <li
              key={a.id}
              className={a.endedAt === null ? 'insight-item insight-item--open' : 'insight-item'}
            >
              <strong>{a.kind === 'SPIKE' ? 'spike' : 'level shift'}</strong>{' '}
              <span className="insight-item__series">
                {a.statistic.toLowerCase()} of {a.metric}
              </span>
              <span className="muted">
                {' '}
                {number(a.value)} (expected {number(a.expected)}, z {number(a.zScore)},{' '}
                {a.reference.toLowerCase()}) · {a.endedAt === null ? 'open' : 'ended'}
              </span>
            </li>
          ))}
        </ul>
      )}
      <h3 className="panel__subtitle">Budgets</h3>
      <ul className="budget-list" data-testid="budgets">
        {data.budgets.map((b) => (
          <li key={b.id} className={`budget budget--${b.status.toLowerCase()}`}>
            <span>{b.name}</span>
            <span>
              {b.value === null ? '—' : number(b.value)} {b.kind === 'MIN' ? '≥' : '≤'}{' '}
              {number(b.limit)}
            </span>
            <span className="budget__status">{STATUS_LABELS[b.status] ?? b.status}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
