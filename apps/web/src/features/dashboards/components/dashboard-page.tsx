import { Suspense, lazy, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { LoadingStatus } from '../../../components/loading-status.tsx';
import { getApiKey } from '../../../lib/api-key.ts';
import { DashboardQuery } from '../api/dashboards.ts';
import { useDuplicateDashboard } from '../hooks/use-duplicate-dashboard.ts';
import { useDashboardPanelData } from '../hooks/use-panel-data.ts';
import type { PanelDataState } from '../hooks/use-panel-data.ts';
import { useViewState } from '../hooks/use-view-state.ts';
import { asDocument } from '../utils/dashboard-document.ts';
import type { DashboardPanel } from '../utils/dashboard-document.ts';
import { downloadDocument } from '../utils/export-file.ts';
import { DashboardControls } from './dashboard-controls.tsx';
import { DashboardGrid } from './dashboard-grid.tsx';
import { PanelView } from './panel-view.tsx';

// The editor (react-grid-layout, the query editor) is its own chunk: viewers never download it.
const DashboardEditor = lazy(() => import('./dashboard-editor.tsx'));

/** A stored dashboard: view, embed (`?embed`, `&panel=`), or edit. */
export function DashboardPage({ id }: { id: string }) {
  const [{ data, fetching, error }, reload] = useQuery({
    query: DashboardQuery,
    variables: { id },
  });
  const dashboard = data?.dashboard ?? undefined;
  const document = useMemo(
    () => (dashboard ? asDocument(dashboard.document) : undefined),
    [dashboard],
  );
  const view = useViewState(document);
  // `?edit` (a new dashboard) opens straight in the editor.
  const [editing, setEditing] = useState(() =>
    new URLSearchParams(window.location.search).has('edit'),
  );
  const duplicate = useDuplicateDashboard();
  const panelIds = useMemo(() => (view.panel === null ? undefined : [view.panel]), [view.panel]);
  const panelData = useDashboardPanelData({
    id,
    values: view.values,
    range: view.range,
    refreshSeconds: document?.refreshSeconds ?? 0,
    panelIds,
  });

  if (fetching && dashboard === undefined) return <LoadingStatus />;
  if (error !== undefined) return <p className="form-error">{error.message}</p>;
  if (dashboard === undefined || document === undefined) return <NoDashboard id={id} />;
  if (editing) {
    return (
      <Suspense fallback={<LoadingStatus />}>
        <DashboardEditor
          dashboard={{ ...dashboard, document }}
          onDone={() => {
            setEditing(false);
            reload({ requestPolicy: 'network-only' });
          }}
        />
      </Suspense>
    );
  }
  const single =
    view.panel === null ? null : document.panels.find((panel) => panel.id === view.panel);
  const controls = (
    <DashboardControls
      document={document}
      options={dashboard.variableOptions}
      values={view.values}
      range={view.range}
      onValue={view.setValue}
      onRange={view.setRange}
    />
  );
  if (view.embed) {
    return (
      <EmbeddedDashboard
        title={dashboard.title}
        panels={single ? [single] : document.panels}
        single={single !== undefined && single !== null}
        controls={document.variables.length > 0 ? controls : null}
        data={panelData}
      />
    );
  }
  return (
    <div className="dashboard">
      <title>{`${dashboard.title} · Taurine`}</title>
      <div className="dashboard-header">
        <div>
          <h1>{dashboard.title}</h1>
          <p className="muted">
            {[
              document.description,
              dashboard.builtIn ? 'provisioned, read-only' : `by ${dashboard.owner}`,
              dashboard.visibility.toLowerCase(),
              `version ${dashboard.version}`,
            ]
              .filter((part) => part !== '')
              .join(' · ')}
          </p>
        </div>
        <DashboardActions
          id={id}
          canEdit={dashboard.canEdit}
          onEdit={() => {
            setEditing(true);
          }}
          onDuplicate={() => void duplicate(document)}
          onExport={() => {
            downloadDocument(document);
          }}
        />
      </div>
      {controls}
      {panelData.error === null ? null : <p className="form-error">{panelData.error}</p>}
      <DashboardGrid panels={document.panels} data={panelData} />
    </div>
  );
}

/** What a missing (or unreadable) dashboard shows. */
function NoDashboard({ id }: { id: string }) {
  return (
    <div className="panel">
      <h1>No dashboard here</h1>
      <p>
        There is no dashboard <code>{id}</code> that this browser may read. Private and shared
        dashboards need an API key (set it under “API key”).
      </p>
      <Link to="/dashboards">All dashboards</Link>
    </div>
  );
}

/** The viewer's buttons: edit (owner, admin), duplicate (any key), export, open the embed. */
function DashboardActions(props: {
  id: string;
  canEdit: boolean;
  onEdit: () => void;
  onDuplicate: () => void;
  onExport: () => void;
}) {
  return (
    <div className="dashboard-header__actions">
      {props.canEdit ? (
        <button type="button" className="button button--primary" onClick={props.onEdit}>
          Edit
        </button>
      ) : null}
      {getApiKey() === null ? null : (
        <button type="button" className="button" onClick={props.onDuplicate}>
          Duplicate
        </button>
      )}
      <button type="button" className="button" onClick={props.onExport}>
        Export JSON
      </button>
      <Link className="button" to={`/dashboards/${props.id}?embed`} target="_blank">
        Embed view
      </Link>
    </div>
  );
}

/** The kiosk layout inside an iframe: one panel filling the frame, or the grid. */
function EmbeddedDashboard(props: {
  title: string;
  panels: readonly DashboardPanel[];
  single: boolean;
  controls: ReactNode;
  data: PanelDataState;
}) {
  const first = props.panels[0];
  return (
    <div className="dashboard dashboard--embed">
      <title>{`${props.title} · Taurine`}</title>
      <h1 className="visually-hidden">{props.title}</h1>
      {props.single && first !== undefined ? (
        <div className="dashboard-embed-panel">
          <PanelView panel={first} data={props.data.byPanel.get(first.id)} />
        </div>
      ) : (
        <>
          {props.controls}
          <DashboardGrid panels={props.panels} data={props.data} />
        </>
      )}
    </div>
  );
}
