import { useId, useMemo } from 'react';
import { useQuery } from 'urql';
import { FieldError, errorProps } from '../../../components/field-error.tsx';
import { MetricNamesQuery } from '../api/rules.ts';

interface MetricPickerProps {
  value: string;
  onChange: (metric: string) => void;
  error: string | undefined;
}

/**
 * The metric a rule reads: a text field that searches every metric the server records (the
 * `metrics` query, one entry per name) as the user types, with the chosen metric's unit and help.
 */
export function MetricPicker({ value, onChange, error }: MetricPickerProps) {
  const id = useId();
  const [{ data }] = useQuery({ query: MetricNamesQuery });
  const metrics = useMemo(() => {
    const byName = new Map<string, { name: string; unit: string; help: string }>();
    for (const series of data?.metrics ?? []) byName.set(series.name, series);
    return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
  }, [data]);
  const chosen = metrics.find((metric) => metric.name === value);
  return (
    <div className="field">
      <label htmlFor={`${id}-metric`}>Metric</label>
      <input
        id={`${id}-metric`}
        list={`${id}-metrics`}
        value={value}
        autoComplete="off"
        spellCheck={false}
        placeholder="Type to search, e.g. api.responseTime"
        onChange={(event) => {
          onChange(event.target.value);
        }}
        {...errorProps(`${id}-error`, error, `${id}-hint`)}
      />
      <datalist id={`${id}-metrics`}>
        {metrics.map((metric) => (
          <option key={metric.name} value={metric.name}>
            {metric.help}
          </option>
        ))}
      </datalist>
      <p id={`${id}-hint`} className="muted field-hint">
        {chosen
          ? `${chosen.help}${chosen.unit === '' ? '' : ` (${chosen.unit})`}`
          : `${metrics.length} metrics recorded`}
      </p>
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
