import { useId } from 'react';
import type { StatsWindow } from '../../../gql/graphql.ts';
import { DEVICES, WINDOWS } from '../hooks/use-performance-filters.ts';
import type { Percentile } from '../utils/vitals.ts';
import { PERCENTILES } from '../utils/vitals.ts';

interface PerformanceFiltersProps {
  device: (typeof DEVICES)[number] | null;
  percentile: Percentile;
  window: StatsWindow;
  /** Sets a URL parameter; null removes it (the default is not written into the URL). */
  onChange: (key: 'device' | 'percentile' | 'window', value: string | null) => void;
}

/** Device, percentile and period, above the vitals. */
export function PerformanceFilters({
  device,
  percentile,
  window,
  onChange,
}: PerformanceFiltersProps) {
  const id = useId();
  return (
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
            onChange('device', event.target.value === '' ? null : event.target.value);
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
                onChange('percentile', p === 'p75' ? null : p);
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
            onChange('window', event.target.value === 'LAST_24H' ? null : event.target.value);
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
  );
}
