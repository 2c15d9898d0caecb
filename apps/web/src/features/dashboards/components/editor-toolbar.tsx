import { useState } from 'react';
import type { PanelKind } from '../utils/dashboard-document.ts';
import { PANEL_KIND_LABELS } from '../utils/dashboard-document.ts';

interface EditorToolbarProps {
  title: string;
  saving: boolean;
  onAdd: (kind: PanelKind) => void;
  onSave: () => void;
  onCancel: () => void;
  onVersions: () => void;
  onExport: () => void;
  onDelete: () => void;
}

/** The editor's bar: add a panel of a kind, save, cancel, versions, export, delete. */
export function EditorToolbar(props: EditorToolbarProps) {
  const [kind, setKind] = useState<PanelKind>('timeseries');
  return (
    <div className="dashboard-header">
      <h1>Editing {props.title}</h1>
      <div className="dashboard-header__actions">
        <label className="visually-hidden" htmlFor="new-panel-kind">
          Panel kind
        </label>
        <select
          id="new-panel-kind"
          value={kind}
          onChange={(event) => {
            setKind(event.target.value as PanelKind);
          }}
        >
          {Object.entries(PANEL_KIND_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button"
          onClick={() => {
            props.onAdd(kind);
          }}
        >
          Add panel
        </button>
        <button
          type="button"
          className="button button--primary"
          disabled={props.saving}
          onClick={props.onSave}
        >
          Save
        </button>
        <button type="button" className="button" onClick={props.onCancel}>
          Cancel
        </button>
        <button type="button" className="button" onClick={props.onVersions}>
          Versions
        </button>
        <button type="button" className="button" onClick={props.onExport}>
          Export JSON
        </button>
        <button type="button" className="button button--danger" onClick={props.onDelete}>
          Delete
        </button>
      </div>
    </div>
  );
}
