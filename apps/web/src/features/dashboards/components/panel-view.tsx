import { formatStatValue } from '@taurine/units';
import { useFragment } from '../../../gql/fragment-masking.ts';
import type { FragmentType } from '../../../gql/fragment-masking.ts';
import type { PanelData_PanelDataFragmentFragment } from '../../../gql/graphql.ts';
import { PanelDataFragment } from '../api/dashboards.ts';
import type { DashboardPanel } from '../utils/dashboard-document.ts';
import { thresholdColor } from '../utils/dashboard-document.ts';
import { HeatmapChart } from './heatmap-chart.tsx';
import { MarkdownText } from './markdown-text.tsx';
import { SeriesChart } from './series-chart.tsx';

type Data = PanelData_PanelDataFragmentFragment;
type Series = Data['series'][number];

const valueText = (series: Series) => formatStatValue(series.value, series.stat, series.unit);

function StatPanel({ panel, data }: { panel: DashboardPanel; data: Data }) {
  const series = data.series[0];
  if (series === undefined) return <p className="muted">No data</p>;
  const color = thresholdColor(series.value, panel.options.thresholds);
  return (
    <div className="stat-panel" data-threshold={color ?? undefined}>
      <p className="stat-panel__value" data-testid="stat-value">
        {valueText(series)}
      </p>
      {panel.options.sparkline ? (
        <div className="stat-panel__spark">
          <SeriesChart compact lines={[series]} label={`${panel.title} over time`} />
        </div>
      ) : null}
    </div>
  );
}

function TablePanel({ data }: { data: Data }) {
  return (
    <table className="dashboard-table">
      <thead>
        <tr>
          <th scope="col">Series</th>
          <th scope="col">Value</th>
        </tr>
      </thead>
      <tbody>
        {data.series.map((series) => (
          <tr key={`${series.query}-${series.label}`}>
            <th scope="row">{series.label}</th>
            <td>{valueText(series)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function BarGaugePanel({ panel, data }: { panel: DashboardPanel; data: Data }) {
  const max = panel.options.max ?? Math.max(0, ...data.series.map((series) => series.value ?? 0));
  return (
    <ul className="bar-gauge">
      {data.series.map((series) => {
        const share = max > 0 && series.value !== null ? Math.min(1, series.value / max) : 0;
        return (
          <li key={`${series.query}-${series.label}`}>
            <span className="bar-gauge__label">{series.label}</span>
            <span className="bar-gauge__track">
              <span
                className="bar-gauge__fill"
                data-threshold={thresholdColor(series.value, panel.options.thresholds) ?? undefined}
                style={{ width: `${(share * 100).toFixed(1)}%` }}
              />
            </span>
            <span className="bar-gauge__value">{valueText(series)}</span>
          </li>
        );
      })}
    </ul>
  );
}

function AlertListPanel({ data }: { data: Data }) {
  if (data.alerts.length === 0) return <p className="muted">No open alerts</p>;
  return (
    <ul className="alert-list-panel">
      {data.alerts.map((alert) => (
        <li key={alert.fingerprint} data-severity={alert.severity}>
          <strong>{alert.ruleName}</strong> · {alert.status} · {alert.severity}
        </li>
      ))}
    </ul>
  );
}

function PanelBody({ panel, data }: { panel: DashboardPanel; data: Data | undefined }) {
  if (panel.kind === 'text') return <MarkdownText text={panel.options.markdown} />;
  if (data === undefined) return <p className="muted">Loading…</p>;
  if (data.error !== null) return <p className="form-error">{data.error}</p>;
  switch (panel.kind) {
    case 'stat':
      return <StatPanel panel={panel} data={data} />;
    case 'timeseries':
      return (
        <SeriesChart lines={data.series} stacked={panel.options.stacked} label={panel.title} />
      );
    case 'table':
      return <TablePanel data={data} />;
    case 'bargauge':
      return <BarGaugePanel panel={panel} data={data} />;
    case 'heatmap':
      return data.heatmap === null ? (
        <p className="muted">No data</p>
      ) : (
        <HeatmapChart heatmap={data.heatmap} label={panel.title} />
      );
    case 'alertlist':
      return <AlertListPanel data={data} />;
  }
}

/** One panel: its title and what its kind draws from the batch's data. */
export function PanelView({
  panel,
  data,
}: {
  panel: DashboardPanel;
  data: FragmentType<typeof PanelDataFragment> | undefined;
}) {
  const unmasked = useFragment(PanelDataFragment, data);
  return (
    <section className="dashboard-panel" aria-label={panel.title} data-panel-id={panel.id}>
      <h2 className="dashboard-panel__title">{panel.title}</h2>
      <div className="dashboard-panel__body">
        <PanelBody panel={panel} data={unmasked ?? undefined} />
      </div>
    </section>
  );
}
