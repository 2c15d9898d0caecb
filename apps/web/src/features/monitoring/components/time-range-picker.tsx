import { useId, useState } from 'react';
import { MIN_RANGE_MS, RANGE_PRESETS, describeTimeRange } from '../utils/time-range.ts';
import type { RangePreset, TimeRange } from '../utils/time-range.ts';

/** `datetime-local` wants local time without a zone: `2026-11-27T10:05`. */
const toLocalInput = (ms: number) => {
  const date = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
};

interface TimeRangePickerProps {
  range: TimeRange;
  /** The range as instants (for the absolute inputs' starting values). */
  resolved: { from: number; to: number };
  onChange: (range: TimeRange) => void;
  onZoomOut: () => void;
}

/** Relative presets (5 m … 7 d), an absolute range, and zoom out. */
export function TimeRangePicker({ range, resolved, onChange, onZoomOut }: TimeRangePickerProps) {
  const id = useId();
  const [editing, setEditing] = useState(false);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const invalid = editing && !(Date.parse(to) - Date.parse(from) >= MIN_RANGE_MS);

  return (
    <div className="range-picker">
      <div className="segmented" role="group" aria-label="Time range">
        {(Object.keys(RANGE_PRESETS) as RangePreset[]).map((preset) => (
          <button
            key={preset}
            type="button"
            className="segmented__button"
            aria-pressed={range.kind === 'relative' && range.preset === preset}
            onClick={() => {
              setEditing(false);
              onChange({ kind: 'relative', preset });
            }}
          >
            {preset}
          </button>
        ))}
        <button
          type="button"
          className="segmented__button"
          aria-pressed={range.kind === 'absolute'}
          aria-expanded={editing}
          aria-controls={`${id}-custom`}
          onClick={() => {
            setFrom(toLocalInput(resolved.from));
            setTo(toLocalInput(resolved.to));
            setEditing(!editing);
          }}
        >
          Custom
        </button>
      </div>
      <button type="button" className="button button--small button--secondary" onClick={onZoomOut}>
        Zoom out
      </button>
      <span className="range-picker__current" data-testid="range-description">
        {describeTimeRange(range)}
      </span>
      {editing ? (
        <form
          id={`${id}-custom`}
          className="range-picker__custom"
          onSubmit={(event) => {
            event.preventDefault();
            if (invalid) return;
            setEditing(false);
            onChange({ kind: 'absolute', from: Date.parse(from), to: Date.parse(to) });
          }}
        >
          <div className="field">
            <label htmlFor={`${id}-from`}>From</label>
            <input
              id={`${id}-from`}
              type="datetime-local"
              value={from}
              onChange={(event) => {
                setFrom(event.target.value);
              }}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-to`}>To</label>
            <input
              id={`${id}-to`}
              type="datetime-local"
              value={to}
              onChange={(event) => {
                setTo(event.target.value);
              }}
            />
          </div>
          <button type="submit" className="button button--primary button--small" disabled={invalid}>
            Apply
          </button>
          {invalid ? (
            <p className="field-error">The end must be at least a minute after the start.</p>
          ) : null}
        </form>
      ) : null}
    </div>
  );
}
