import { useMutation, useQuery } from 'urql';
import { DashboardVersionsQuery, RestoreDashboardVersionMutation } from '../api/dashboards.ts';

/** Saved versions, newest first, each restorable (saved again as the newest version). */
export function VersionList({
  id,
  currentVersion,
  onRestored,
}: {
  id: string;
  currentVersion: number;
  onRestored: (message: string | null) => void;
}) {
  const [{ data }] = useQuery({
    query: DashboardVersionsQuery,
    variables: { id },
    requestPolicy: 'network-only',
  });
  const [, restore] = useMutation(RestoreDashboardVersionMutation);
  return (
    <section className="panel" aria-label="Versions">
      <h2 className="panel__title">Versions</h2>
      <ol className="version-list">
        {(data?.dashboardVersions ?? []).map((version) => (
          <li key={version.version}>
            v{version.version} · {version.title} · {new Date(version.savedAt).toLocaleString()} by{' '}
            {version.savedBy}{' '}
            {version.version === currentVersion ? (
              <span className="badge">current</span>
            ) : (
              <button
                type="button"
                className="button button--small"
                onClick={() => {
                  void restore({ id, version: version.version, currentVersion }).then((result) => {
                    const answer = result.data?.restoreDashboardVersion;
                    onRestored(
                      answer?.__typename === 'Dashboard'
                        ? null
                        : ((answer as { message?: string } | undefined)?.message ??
                            result.error?.message ??
                            'Not restored'),
                    );
                  });
                }}
              >
                Restore v{version.version}
              </button>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
