import { Suspense, lazy, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { LoadingStatus } from '../../../components/loading-status.tsx';
import { getApiKey } from '../../../lib/api-key.ts';
import { CreateDashboardMutation, DashboardQuery } from '../api/dashboards.ts';
import { useDashboardPanelData } from '../hooks/use-panel-data.ts';
import { useViewState } from '../hooks/use-view-state.ts';
import { asDocument } from '../utils/dashboard-document.ts';
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
  const navigate = useNavigate();
  const [, create] = useMutation(CreateDashboardMutation);
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
  if (dashboard === undefined || document === undefined) {
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
      <div className="dashboard dashboard--embed">
        <title>{`${dashboard.title} · Taurine`}</title>
        <h1 className="visually-hidden">{dashboard.title}</h1>
        {single ? (
          <div className="dashboard-embed-panel">
            <PanelView panel={single} data={panelData.byPanel.get(single.id)} />
          </div>
        ) : (
          <>
            {document.variables.length > 0 ? controls : null}
            <DashboardGrid panels={document.panels} data={panelData} />
          </>
        )}
      </div>
    );
  }
  const duplicate = async () => {
    const copy = { ...document, title: `Copy of ${document.title}` };
    const result = await create({ input: { document: copy, visibility: 'PRIVATE' } });
    const created = result.data?.createDashboard;
    if (created?.__typename === 'Dashboard') await navigate(`/dashboards/${created.id}`);
  };
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
        <div className="dashboard-header__actions">
          {dashboard.canEdit ? (
            <button
              type="button"
              className="button button--primary"
              onClick={() => setEditing(true)}
            >
              Edit
            </button>
          ) : null}
          {getApiKey() === null ? null : (
            <button type="button" className="button" onClick={() => void duplicate()}>
              Duplicate
            </button>
          )}
          <button type="button" className="button" onClick={() => downloadDocument(document)}>
            Export JSON
          </button>
          <Link className="button" to={`/dashboards/${id}?embed`} target="_blank">
            Embed view
          </Link>
        </div>
      </div>
      {controls}
      {panelData.error === null ? null : <p className="form-error">{panelData.error}</p>}
      <DashboardGrid panels={document.panels} data={panelData} />
    </div>
  );
}
