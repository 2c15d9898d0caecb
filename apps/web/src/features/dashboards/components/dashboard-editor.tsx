import { useState } from 'react';
import type { Layout } from 'react-grid-layout';
import { useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { useDebouncedValue } from '../../../hooks/use-debounced-value.ts';
import { DeleteDashboardMutation, UpdateDashboardMutation } from '../api/dashboards.ts';
import { usePreviewPanelData } from '../hooks/use-panel-data.ts';
import type { DashboardDocument, PanelKind } from '../utils/dashboard-document.ts';
import { PANEL_KIND_LABELS, newPanel, withPanel } from '../utils/dashboard-document.ts';
import { downloadDocument } from '../utils/export-file.ts';
import { DashboardSettings } from './dashboard-settings.tsx';
import type { Audience } from './dashboard-settings.tsx';
import { EditorGrid } from './editor-grid.tsx';
import { PanelEditor } from './panel-editor.tsx';
import { VersionList } from './version-list.tsx';

interface EditedDashboard extends Audience {
  id: string;
  version: number;
  document: DashboardDocument;
}

/** A save's answer as a sentence, or null when it was saved. */
function saveProblem(
  answer:
    | { __typename?: string; message?: string; errors?: { field: string; message: string }[] }
    | undefined,
  fallback: string | undefined,
) {
  if (answer === undefined) return fallback ?? 'The save did not reach the server.';
  if (answer.__typename === 'Dashboard') return null;
  const details = answer.errors?.map((error) => error.message).join('; ');
  return [answer.message, details].filter(Boolean).join(': ');
}

/** Moves and sizes from the grid into the document. */
function withLayout(document: DashboardDocument, layout: Layout): DashboardDocument {
  const moved = (panel: DashboardDocument['panels'][number]) => {
    const item = layout.find((entry) => entry.i === panel.id);
    const { x, y, w, h } = panel.grid;
    return item !== undefined && (item.x !== x || item.y !== y || item.w !== w || item.h !== h);
  };
  if (!document.panels.some(moved)) return document;
  return {
    ...document,
    panels: document.panels.map((panel) => {
      const item = layout.find((entry) => entry.i === panel.id);
      return item === undefined
        ? panel
        : { ...panel, grid: { x: item.x, y: item.y, w: item.w, h: item.h } };
    }),
  };
}

/** The dashboard editor: grid, panel and query editors, settings, save, versions, delete. */
export default function DashboardEditor({
  dashboard,
  onDone,
}: {
  dashboard: EditedDashboard;
  onDone: () => void;
}) {
  const [draft, setDraft] = useState(dashboard.document);
  const [audience, setAudience] = useState<Audience>({
    visibility: dashboard.visibility,
    role: dashboard.role,
  });
  const [selected, setSelected] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [showVersions, setShowVersions] = useState(false);
  const [newKind, setNewKind] = useState<PanelKind>('timeseries');
  const [{ fetching: saving }, update] = useMutation(UpdateDashboardMutation);
  const [, remove] = useMutation(DeleteDashboardMutation);
  const navigate = useNavigate();
  const preview = usePreviewPanelData({
    document: useDebouncedValue(draft, 400),
    values: {},
    range: draft.timeRange,
  });
  const panel = draft.panels.find((entry) => entry.id === selected);

  const save = async () => {
    const result = await update({
      id: dashboard.id,
      version: dashboard.version,
      input: { document: draft, visibility: audience.visibility, role: audience.role },
    });
    const answer = result.data?.updateDashboard;
    const why = saveProblem(answer as Parameters<typeof saveProblem>[0], result.error?.message);
    if (why === null) onDone();
    else setProblem(why);
  };
  const destroy = async () => {
    if (!window.confirm(`Delete “${draft.title}” and its versions?`)) return;
    const result = await remove({ id: dashboard.id });
    if (result.data?.deleteDashboard.__typename === 'Dashboard') await navigate('/dashboards');
    else
      setProblem(
        saveProblem(
          result.data?.deleteDashboard as Parameters<typeof saveProblem>[0],
          result.error?.message,
        ),
      );
  };

  return (
    <div className="dashboard dashboard--editing">
      <div className="dashboard-header">
        <h1>Editing {draft.title}</h1>
        <div className="dashboard-header__actions">
          <label className="visually-hidden" htmlFor="new-panel-kind">
            Panel kind
          </label>
          <select
            id="new-panel-kind"
            value={newKind}
            onChange={(event) => setNewKind(event.target.value as PanelKind)}
          >
            {Object.entries(PANEL_KIND_LABELS).map(([kind, label]) => (
              <option key={kind} value={kind}>
                {label}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="button"
            onClick={() => {
              const added = newPanel(draft, newKind);
              setDraft({ ...draft, panels: [...draft.panels, added] });
              setSelected(added.id);
            }}
          >
            Add panel
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={saving}
            onClick={() => void save()}
          >
            Save
          </button>
          <button type="button" className="button" onClick={onDone}>
            Cancel
          </button>
          <button type="button" className="button" onClick={() => setShowVersions(!showVersions)}>
            Versions
          </button>
          <button type="button" className="button" onClick={() => downloadDocument(draft)}>
            Export JSON
          </button>
          <button type="button" className="button button--danger" onClick={() => void destroy()}>
            Delete
          </button>
        </div>
      </div>
      {problem === null ? null : (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      {showVersions ? (
        <VersionList
          id={dashboard.id}
          currentVersion={dashboard.version}
          onRestored={(message) => (message === null ? onDone() : setProblem(message))}
        />
      ) : null}
      <DashboardSettings
        document={draft}
        audience={audience}
        onDocument={setDraft}
        onAudience={setAudience}
      />
      {preview.error === null ? null : <p className="muted">Preview: {preview.error}</p>}
      <div className="dashboard-editor__body">
        <EditorGrid
          panels={draft.panels}
          data={preview}
          selected={selected}
          onSelect={setSelected}
          onLayout={(layout) => setDraft((current) => withLayout(current, layout))}
        />
        {panel === undefined ? null : (
          <PanelEditor
            panel={panel}
            variables={draft.variables.map((variable) => variable.name)}
            onChange={(next) => setDraft(withPanel(draft, next))}
            onRemove={() => {
              setDraft({ ...draft, panels: draft.panels.filter((entry) => entry.id !== panel.id) });
              setSelected(null);
            }}
            onClose={() => setSelected(null)}
          />
        )}
      </div>
    </div>
  );
}
