import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { LoadingStatus } from '../../../components/loading-status.tsx';
import { getApiKey } from '../../../lib/api-key.ts';
import { CreateDashboardMutation, DashboardListQuery } from '../api/dashboards.ts';
import { asDocument, emptyDocument, parseImport } from '../utils/dashboard-document.ts';
import type { DashboardDocument } from '../utils/dashboard-document.ts';

/** Every dashboard this browser may read, with create, duplicate and import. */
export function DashboardListPage() {
  const [{ data, fetching, error }] = useQuery({
    query: DashboardListQuery,
    requestPolicy: 'cache-and-network',
  });
  const [, create] = useMutation(CreateDashboardMutation);
  const [problem, setProblem] = useState<string | null>(null);
  const navigate = useNavigate();
  const hasKey = getApiKey() !== null;

  const createFrom = async (document: DashboardDocument, edit: boolean) => {
    const result = await create({ input: { document, visibility: 'PRIVATE' } });
    const created = result.data?.createDashboard;
    if (created?.__typename === 'Dashboard') {
      await navigate(`/dashboards/${created.id}${edit ? '?edit' : ''}`);
      return;
    }
    const details =
      created?.__typename === 'ValidationError'
        ? created.errors.map((e) => `${e.field}: ${e.message}`).join('; ')
        : '';
    setProblem(
      [(created as { message?: string } | undefined)?.message ?? result.error?.message, details]
        .filter(Boolean)
        .join(' — '),
    );
  };
  const importFile = async (file: File) => {
    const parsed = parseImport(await file.text());
    if (typeof parsed === 'string') setProblem(parsed);
    else await createFrom(parsed, false);
  };

  if (fetching && data === undefined) return <LoadingStatus />;
  return (
    <div className="dashboard-list">
      {hasKey ? (
        <div className="dashboard-header__actions">
          <button
            type="button"
            className="button button--primary"
            onClick={() => void createFrom(emptyDocument(), true)}
          >
            New dashboard
          </button>
          <label className="button">
            Import JSON
            <input
              type="file"
              accept="application/json,.json"
              className="visually-hidden"
              onChange={(event) => {
                const file = event.target.files?.[0];
                if (file !== undefined) void importFile(file);
              }}
            />
          </label>
        </div>
      ) : (
        <p className="muted">
          Without an API key only public dashboards are listed; set a key to build your own.
        </p>
      )}
      {problem === null ? null : (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      {error === undefined ? null : <p className="form-error">{error.message}</p>}
      <ul className="dashboard-list__items">
        {(data?.dashboards ?? []).map((dashboard) => (
          <DashboardCard
            key={dashboard.id}
            dashboard={dashboard}
            onDuplicate={
              hasKey
                ? () => {
                    const document = asDocument(dashboard.document);
                    const tags = document.tags.filter((tag) => tag !== 'built-in');
                    void createFrom(
                      { ...document, title: `Copy of ${document.title}`, tags },
                      false,
                    );
                  }
                : null
            }
          />
        ))}
      </ul>
    </div>
  );
}

/** One dashboard in the list: its link, who made it, who sees it, and "Duplicate". */
function DashboardCard({
  dashboard,
  onDuplicate,
}: {
  dashboard: {
    id: string;
    title: string;
    description: string;
    visibility: string;
    builtIn: boolean;
    owner: string;
    version: number;
  };
  onDuplicate: (() => void) | null;
}) {
  return (
    <li className="panel">
      <h2 className="panel__title">
        <Link to={`/dashboards/${dashboard.id}`}>{dashboard.title}</Link>
      </h2>
      <p className="muted">
        {dashboard.description || 'No description'} · {dashboard.visibility.toLowerCase()}
        {dashboard.builtIn ? ' · provisioned' : ` · by ${dashboard.owner}`} · v{dashboard.version}
      </p>
      {onDuplicate === null ? null : (
        <button type="button" className="button button--small" onClick={onDuplicate}>
          Duplicate
        </button>
      )}
    </li>
  );
}
