import { useResourceTiming } from '../hooks/use-resource-timing.ts';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value: number) => `${value.toFixed(0)} ms`;

/** Live counters from the Resource Timing API, in the preloaded WOFF2 font. */
export function ResourceTimingPanel() {
  const totals = useResourceTiming();
  return (
    <section className="panel resource-timing" aria-labelledby="resource-timing-title">
      <h2 id="resource-timing-title" className="panel__title">
        What this page loaded
      </h2>
      <dl className="counters">
        <div>
          <dt>Resources</dt>
          <dd data-testid="resource-count">{totals.count}</dd>
        </div>
        <div>
          <dt>Transferred</dt>
          <dd data-testid="resource-bytes">{kb(totals.transferBytes)}</dd>
        </div>
        <div>
          <dt>From cache</dt>
          <dd>{totals.fromCache}</dd>
        </div>
        <div>
          <dt>Average time</dt>
          <dd>{totals.averageDurationMs === null ? '–' : ms(totals.averageDurationMs)}</dd>
        </div>
      </dl>
      <p className="muted">
        By type:{' '}
        {Object.entries(totals.byType)
          .map(([type, count]) => `${type} ${count}`)
          .join(' · ') || 'none yet'}
      </p>
      <table className="data-table">
        <caption className="visually-hidden">The slowest resources</caption>
        <thead>
          <tr>
            <th scope="col">Slowest resources</th>
            <th scope="col">Type</th>
            <th scope="col">Time</th>
            <th scope="col">Transferred</th>
          </tr>
        </thead>
        <tbody>
          {totals.slowest.map((entry, index) => (
            <tr key={`${entry.name}-${index}`}>
              <td className="resource-timing__name">{entry.name}</td>
              <td>{entry.type}</td>
              <td>{ms(entry.durationMs)}</td>
              <td>{entry.transferBytes === 0 ? 'cache' : kb(entry.transferBytes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
