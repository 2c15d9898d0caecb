import { formatQuantity } from '@taurine/units';
import type { FigureVerdict } from '../../../gql/graphql.ts';

interface Figure {
  key: string;
  label: string;
  group: string;
  unit: string;
  value?: number | null;
  previous?: number | null;
  changePct?: number | null;
  verdict: FigureVerdict;
}

const GROUPS: readonly [string, string][] = [
  ['service', 'Service'],
  ['cache', 'Cache'],
  ['webVitals', 'Web Vitals'],
  ['business', 'Business'],
];

/** ▲ or ▼ with the change, green when better, red when worse, grey when neither. */
export function ChangeArrow({ figure }: { figure: Figure }) {
  const change = figure.changePct ?? null;
  if (change === null || change === 0) return <span className="change change--none">–</span>;
  const tone =
    figure.verdict === 'BETTER' ? 'better' : figure.verdict === 'WORSE' ? 'worse' : 'neutral';
  const text = `${change > 0 ? '+' : ''}${change.toFixed(1)} %`;
  return (
    <span className={`change change--${tone}`} title={tone === 'neutral' ? 'changed' : tone}>
      <span aria-hidden="true">{change > 0 ? '▲' : '▼'}</span> {text}
      <span className="visually-hidden"> ({tone === 'neutral' ? 'changed' : tone})</span>
    </span>
  );
}

/** The figures by group: this period, the previous one, and the change with its arrow. */
export function FigureTable({ figures }: { figures: readonly Figure[] }) {
  return (
    <section>
      <h3>Figures</h3>
      <table className="report__table report__figures">
        <thead>
          <tr>
            <th>Figure</th>
            <th>This period</th>
            <th>Previous</th>
            <th>Change</th>
          </tr>
        </thead>
        {GROUPS.map(([group, title]) => (
          <tbody key={group}>
            <tr>
              <th colSpan={4} scope="rowgroup">
                {title}
              </th>
            </tr>
            {figures
              .filter((figure) => figure.group === group)
              .map((figure) => (
                <tr key={figure.key} data-figure={figure.key}>
                  <td>{figure.label}</td>
                  <td>{formatQuantity(figure.value ?? null, figure.unit)}</td>
                  <td>{formatQuantity(figure.previous ?? null, figure.unit)}</td>
                  <td>
                    <ChangeArrow figure={figure} />
                  </td>
                </tr>
              ))}
          </tbody>
        ))}
      </table>
    </section>
  );
}
