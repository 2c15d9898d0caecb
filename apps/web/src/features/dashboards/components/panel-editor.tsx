import { useId } from 'react';
import type { DashboardPanel, PanelKind } from '../utils/dashboard-document.ts';
import { PANEL_KIND_LABELS, newQuery } from '../utils/dashboard-document.ts';
import { QueryEditor } from './query-editor.tsx';
import { ThresholdEditor } from './threshold-editor.tsx';

interface PanelEditorProps {
  panel: DashboardPanel;
  variables: readonly string[];
  onChange: (panel: DashboardPanel) => void;
  onRemove: () => void;
  onClose: () => void;
}

const QUERY_KINDS: readonly PanelKind[] = ['stat', 'timeseries', 'table', 'bargauge', 'heatmap'];

/** The selected panel's title, kind, queries and options. */
export function PanelEditor({ panel, variables, onChange, onRemove, onClose }: PanelEditorProps) {
  const id = useId();
  const options = panel.options;
  const setOptions = (changes: Partial<DashboardPanel['options']>) => {
    onChange({ ...panel, options: { ...options, ...changes } });
  };
  return (
    <aside className="panel panel-editor" aria-label="Panel settings">
      <h2 className="panel__title">Panel</h2>
      <div className="field">
        <label htmlFor={`${id}-title`}>Title</label>
        <input
          id={`${id}-title`}
          value={panel.title}
          onChange={(event) => {
            onChange({ ...panel, title: event.target.value });
          }}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-kind`}>Kind</label>
        <select
          id={`${id}-kind`}
          value={panel.kind}
          onChange={(event) => {
            const kind = event.target.value as PanelKind;
            const queries =
              QUERY_KINDS.includes(kind) && panel.queries.length === 0
                ? [newQuery()]
                : panel.queries;
            onChange({ ...panel, kind, queries });
          }}
        >
          {Object.entries(PANEL_KIND_LABELS).map(([kind, label]) => (
            <option key={kind} value={kind}>
              {label}
            </option>
          ))}
        </select>
      </div>
      {panel.kind === 'text' ? (
        <div className="field">
          <label htmlFor={`${id}-markdown`}>Markdown</label>
          <textarea
            id={`${id}-markdown`}
            rows={8}
            value={options.markdown}
            onChange={(event) => {
              setOptions({ markdown: event.target.value });
            }}
          />
        </div>
      ) : null}
      {QUERY_KINDS.includes(panel.kind)
        ? panel.queries.map((query, index) => (
            <QueryEditor
              key={index}
              index={index}
              query={query}
              variables={variables}
              onChange={(next) => {
                onChange({
                  ...panel,
                  queries: panel.queries.map((entry, i) => (i === index ? next : entry)),
                });
              }}
              onRemove={() => {
                onChange({ ...panel, queries: panel.queries.filter((_, i) => i !== index) });
              }}
            />
          ))
        : null}
      <PanelOptionsEditor panel={panel} onChange={onChange} />
      <div className="panel-editor__actions">
        <button type="button" className="button" onClick={onClose}>
          Done
        </button>
        <button type="button" className="button button--danger" onClick={onRemove}>
          Remove panel
        </button>
      </div>
    </aside>
  );
}

/** Options of the time series (queries, stacking), stat (sparkline) and thresholds. */
function PanelOptionsEditor({
  panel,
  onChange,
}: {
  panel: DashboardPanel;
  onChange: (panel: DashboardPanel) => void;
}) {
  const options = panel.options;
  const setOptions = (changes: Partial<DashboardPanel['options']>) => {
    onChange({ ...panel, options: { ...options, ...changes } });
  };
  return (
    <>
      {panel.kind === 'timeseries' ? (
        <>
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              onChange({ ...panel, queries: [...panel.queries, newQuery()] });
            }}
          >
            Add query
          </button>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={options.stacked}
              onChange={(event) => {
                setOptions({ stacked: event.target.checked });
              }}
            />
            Stacked
          </label>
        </>
      ) : null}
      {panel.kind === 'stat' ? (
        <label className="checkbox">
          <input
            type="checkbox"
            checked={options.sparkline}
            onChange={(event) => {
              setOptions({ sparkline: event.target.checked });
            }}
          />
          Sparkline
        </label>
      ) : null}
      {panel.kind === 'stat' || panel.kind === 'bargauge' ? (
        <ThresholdEditor
          thresholds={options.thresholds}
          onChange={(thresholds) => {
            setOptions({ thresholds });
          }}
        />
      ) : null}
    </>
  );
}
