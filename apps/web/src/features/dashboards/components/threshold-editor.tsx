import type { Threshold } from '../utils/dashboard-document.ts';

const COLORS = ['green', 'yellow', 'orange', 'red', 'blue'] as const;

/** Colour steps of a stat or bar gauge: from each value up, its colour. */
export function ThresholdEditor({
  thresholds,
  onChange,
}: {
  thresholds: readonly Threshold[];
  onChange: (thresholds: Threshold[]) => void;
}) {
  const set = (index: number, changes: Partial<Threshold>) => {
    onChange(thresholds.map((entry, i) => (i === index ? { ...entry, ...changes } : entry)));
  };
  return (
    <fieldset className="query-editor">
      <legend>Thresholds</legend>
      {thresholds.map((threshold, index) => (
        <div className="query-editor__tag" key={index}>
          <input
            type="number"
            aria-label={`Threshold ${index + 1} from`}
            value={threshold.value}
            onChange={(event) => {
              set(index, { value: Number(event.target.value) });
            }}
          />
          <select
            aria-label={`Threshold ${index + 1} colour`}
            value={threshold.color}
            onChange={(event) => {
              set(index, { color: event.target.value as Threshold['color'] });
            }}
          >
            {COLORS.map((color) => (
              <option key={color} value={color}>
                {color}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              onChange(thresholds.filter((_, i) => i !== index));
            }}
          >
            Remove
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button button--small"
        onClick={() => {
          onChange([...thresholds, { value: (thresholds.at(-1)?.value ?? 0) + 100, color: 'red' }]);
        }}
      >
        Add threshold
      </button>
    </fieldset>
  );
}
