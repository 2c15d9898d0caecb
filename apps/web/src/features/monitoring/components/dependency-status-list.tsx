import { useFragment } from '../../../gql/fragment-masking.ts';
import type { FragmentType } from '../../../gql/fragment-masking.ts';
import { graphql } from '../../../gql/gql.ts';
import type { ConnectionState } from '../../../lib/live-connection.ts';

export const DependencyStatusList_SnapshotFragment = graphql(`
  fragment DependencyStatusList_SnapshotFragment on Snapshot {
    dependencies {
      name
      status
    }
    instances {
      id
      healthScore
      leader
      dependencies {
        name
        status
      }
    }
  }
`);

/** Every dependency the dashboard always lists, in this order, with a readable name. */
const KNOWN_DEPENDENCIES: Record<string, string> = {
  api: 'API',
  database: 'Database',
  memoryCache: 'Memory tier',
  redis: 'Redis tier',
  websocket: 'WebSocket',
};

const STATUS_WORDS: Record<string, string> = {
  up: 'Up',
  down: 'Down',
  disabled: 'Not configured',
  unknown: 'Not reported',
};

/**
 * Status of the services the platform depends on. The API counts as up while snapshots arrive;
 * the others come from the snapshot. Tiers the server does not report yet show "Not reported".
 * With several instances, each one's health score and the dependencies it sees down follow.
 */
export function DependencyStatusList({
  snapshot: snapshotRef,
  connection,
}: {
  snapshot: FragmentType<typeof DependencyStatusList_SnapshotFragment> | null;
  connection: ConnectionState;
}) {
  const snapshot = useFragment(DependencyStatusList_SnapshotFragment, snapshotRef);
  const reported = new Map(snapshot?.dependencies.map((d) => [d.name, d.status]) ?? []);
  reported.set(
    'api',
    connection === 'live' ? 'up' : connection === 'reconnecting' ? 'down' : 'unknown',
  );
  const names = [
    ...Object.keys(KNOWN_DEPENDENCIES),
    ...[...reported.keys()].filter((name) => !(name in KNOWN_DEPENDENCIES)),
  ];
  return (
    <section className="panel dependencies" aria-labelledby="dependencies-title">
      <h2 id="dependencies-title" className="panel__title">
        Dependencies
      </h2>
      <ul className="dependencies__list">
        {names.map((name) => {
          const status = reported.get(name) ?? 'unknown';
          return (
            <li
              key={name}
              className={`dependency dependency--${status}`}
              data-testid={`dependency-${name}`}
            >
              <span className="dependency__dot" aria-hidden="true" />
              <span className="dependency__name">{KNOWN_DEPENDENCIES[name] ?? name}</span>
              <span className="dependency__status">{STATUS_WORDS[status] ?? status}</span>
            </li>
          );
        })}
      </ul>
      {snapshot && snapshot.instances.length > 1 ? (
        <ul className="dependencies__instances" aria-label="Instances">
          {snapshot.instances.map((instance) => {
            const down = instance.dependencies.filter((d) => d.status === 'down');
            return (
              <li
                key={instance.id}
                className={`dependency dependency--${down.length > 0 ? 'down' : 'up'}`}
                data-testid={`instance-${instance.id}`}
              >
                <span className="dependency__dot" aria-hidden="true" />
                <span className="dependency__name">
                  {instance.id}
                  {instance.leader ? ' · leader' : ''}
                </span>
                <span className="dependency__status">
                  {Math.round(instance.healthScore)}
                  {down.length > 0
                    ? ` · ${down.map((d) => KNOWN_DEPENDENCIES[d.name] ?? d.name).join(', ')} down`
                    : ''}
                </span>
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}
