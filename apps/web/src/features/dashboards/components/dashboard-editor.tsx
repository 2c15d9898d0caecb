import { useState } from 'react';
import type { Layout } from 'react-grid-layout';
import { useDashboardSave } from '../hooks/use-dashboard-save.ts';
import { useDraftPreview } from '../hooks/use-panel-data.ts';
import type { DashboardDocument } from '../utils/dashboard-document.ts';
import { newPanel, withPanel } from '../utils/dashboard-document.ts';
import { downloadDocument } from '../utils/export-file.ts';
import { DashboardSettings } from './dashboard-settings.tsx';
import type { Audience } from './dashboard-settings.tsx';
import { EditorGrid } from './editor-grid.tsx';
import { EditorToolbar } from './editor-toolbar.tsx';
import { PanelEditor } from './panel-editor.tsx';
import { VersionList } from './version-list.tsx';

interface EditedDashboard extends Audience {
  id: string;
  version: number;
  document: DashboardDocument;
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
  const preview = useDraftPreview(draft);
  const panel = draft.panels.find((entry) => entry.id === selected);

  const { saving, save, destroy } = useDashboardSave({
    id: dashboard.id,
    version: dashboard.version,
    onSaved: onDone,
    onProblem: setProblem,
  });

  return (
    <div className="dashboard dashboard--editing">
      <EditorToolbar
        title={draft.title}
        saving={saving}
        onAdd={(kind) => {
          const added = newPanel(draft, kind);
          setDraft({ ...draft, panels: [...draft.panels, added] });
          setSelected(added.id);
        }}
        onSave={() => void save(draft, audience)}
        onCancel={onDone}
        onVersions={() => {
          setShowVersions(!showVersions);
        }}
        onExport={() => {
          downloadDocument(draft);
        }}
        onDelete={() => void destroy(draft.title)}
      />
      {problem === null ? null : (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      {showVersions ? (
        <VersionList
          id={dashboard.id}
          currentVersion={dashboard.version}
          onRestored={(message) => {
            if (message === null) onDone();
            else setProblem(message);
          }}
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
          onLayout={(layout) => {
            setDraft((current) => withLayout(current, layout));
          }}
        />
        {panel === undefined ? null : (
          <PanelEditor
            panel={panel}
            variables={draft.variables.map((variable) => variable.name)}
            onChange={(next) => {
              setDraft(withPanel(draft, next));
            }}
            onRemove={() => {
              setDraft({ ...draft, panels: draft.panels.filter((entry) => entry.id !== panel.id) });
              setSelected(null);
            }}
            onClose={() => {
              setSelected(null);
            }}
          />
        )}
      </div>
    </div>
  );
}
