import { useEffect, useId } from 'react';
import { useQuery } from 'urql';
import { MonitoringInstancesQuery } from '../api/instances.ts';
import { useInstanceParam } from '../hooks/use-instance-param.ts';

/**
 * Chooses whose numbers the dashboard shows (`?instance=`): the whole deployment (default) or one
 * live instance.
 * Hidden while the deployment is one instance, where there is nothing to choose.
 */
export function InstancePicker({
  refreshKey,
}: {
  /** Changes with every snapshot, so instances that come and go show up. */
  refreshKey: string | null;
}) {
  const id = useId();
  const [instance, onChange] = useInstanceParam();
  const [{ data }, reexecute] = useQuery({ query: MonitoringInstancesQuery });
  useEffect(() => {
    if (refreshKey !== null) reexecute({ requestPolicy: 'network-only' });
  }, [refreshKey, reexecute]);
  const live = data?.instances.filter((entry) => entry.status === 'LIVE') ?? [];
  if (live.length < 2 && instance === null) return null;
  return (
    <label className="instance-picker" htmlFor={id}>
      <span className="instance-picker__label">Instance</span>
      <select
        id={id}
        className="instance-picker__select"
        value={instance ?? ''}
        onChange={(event) => {
          onChange(event.target.value === '' ? null : event.target.value);
        }}
      >
        <option value="">All instances ({live.length})</option>
        {live.map((entry) => (
          <option key={entry.id} value={entry.id}>
            {entry.id}
            {entry.leader ? ' (leader)' : ''}
          </option>
        ))}
        {instance !== null && !live.some((entry) => entry.id === instance) ? (
          <option value={instance}>{instance} (gone)</option>
        ) : null}
      </select>
    </label>
  );
}
