import { useId } from 'react';
import type { DashboardDocument } from '../utils/dashboard-document.ts';
import { TIME_RANGES } from '../utils/dashboard-document.ts';

interface DashboardControlsProps {
  document: DashboardDocument;
  options: readonly { name: string; values: readonly string[] }[];
  values: Readonly<Record<string, string>>;
  range: string;
  onValue: (name: string, value: string) => void;
  onRange: (range: string) => void;
}

/** The variable pickers (a tag's values, or all) and the time range. */
export function DashboardControls(props: DashboardControlsProps) {
  const id = useId();
  return (
    <div className="dashboard-controls">
      {props.document.variables.map((variable) => {
        const offered = props.options.find((option) => option.name === variable.name)?.values ?? [];
        const value = props.values[variable.name] ?? variable.defaultValue;
        return (
          <div className="field field--inline" key={variable.name}>
            <label htmlFor={`${id}-${variable.name}`}>{variable.name}</label>
            <select
              id={`${id}-${variable.name}`}
              value={value}
              onChange={(event) => {
                props.onValue(variable.name, event.target.value);
              }}
            >
              <option value="*">All</option>
              {[...new Set([...offered, ...(value === '*' ? [] : [value])])].map((entry) => (
                <option key={entry} value={entry}>
                  {entry}
                </option>
              ))}
            </select>
          </div>
        );
      })}
      <div className="field field--inline">
        <label htmlFor={`${id}-range`}>Range</label>
        <select
          id={`${id}-range`}
          value={props.range}
          onChange={(event) => {
            props.onRange(event.target.value);
          }}
        >
          {TIME_RANGES.map((range) => (
            <option key={range} value={range}>
              Last {range}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
