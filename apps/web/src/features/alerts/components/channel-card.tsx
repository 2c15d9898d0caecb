import { useState } from 'react';
import { useMutation } from 'urql';
import type { NotificationChannelType } from '../../../gql/graphql.ts';
import { DeleteChannelMutation, SendTestNotificationMutation } from '../api/channels.ts';
import { SECRET_SETTINGS, emptyChannel } from '../hooks/use-channel-form.ts';
import type { ChannelDraft } from '../hooks/use-channel-form.ts';
import { mutationProblem } from '../utils/mutation-problem.ts';
import { ChannelForm } from './channel-form.tsx';
import { ChannelLog } from './channel-log.tsx';
import { GatedButton } from './gated-button.tsx';

export interface ChannelView {
  id: string;
  name: string;
  type: NotificationChannelType;
  enabled: boolean;
  source: string;
  settings: readonly { name: string; value: string }[];
}

/** A plain setting shows its value; a secret only that it is set (never its mask). */
const settingText = ({ name, value }: { name: string; value: string }) =>
  SECRET_SETTINGS.has(name) ? `${name}: set` : `${name}: ${value}`;

/** The editor's starting point: plain settings filled in, secrets left empty (write-only). */
function draftOf(channel: ChannelView): ChannelDraft {
  const plain = Object.fromEntries(channel.settings.map(({ name, value }) => [name, value]));
  return {
    ...emptyChannel(channel.type),
    name: channel.name,
    enabled: channel.enabled,
    endpoint: plain['endpoint'] ?? '',
    from: plain['from'] ?? '',
    to: plain['to'] ?? '',
  };
}

/** One channel: type and settings, Edit/Delete/Send test (admin), its notification log. */
export function ChannelCard({
  channel,
  adminReason,
  onChanged,
}: {
  channel: ChannelView;
  adminReason: string | null;
  onChanged: () => void;
}) {
  const [mode, setMode] = useState<'view' | 'edit' | 'log'>('view');
  const [message, setMessage] = useState<string | null>(null);
  const [, sendTest] = useMutation(SendTestNotificationMutation);
  const [, remove] = useMutation(DeleteChannelMutation);
  const fromEnv = channel.source === 'env';
  const manageReason = adminReason ?? (fromEnv ? 'set by environment variables' : null);
  const secretsSet = new Set(
    channel.settings.map(({ name }) => name).filter((n) => SECRET_SETTINGS.has(n)),
  );

  if (mode === 'edit') {
    return (
      <li className="card-row">
        <ChannelForm
          initial={draftOf(channel)}
          channelId={channel.id}
          secretsSet={secretsSet}
          onDone={() => {
            setMode('view');
            onChanged();
          }}
        />
      </li>
    );
  }
  const test = () => {
    setMessage('Sending…');
    void sendTest({ channelId: channel.id }).then((result) => {
      const outcome = result.data?.sendTestNotification;
      const problem = mutationProblem(result.error, outcome, 'TestNotification');
      if (problem !== null) setMessage(problem['form'] ?? 'Failed');
      else if (outcome?.__typename === 'TestNotification')
        setMessage(
          outcome.delivered
            ? 'Test delivered'
            : `Not delivered: ${outcome.reason ?? `status ${outcome.status ?? '?'}`}`,
        );
    });
  };
  const del = () => {
    if (!window.confirm(`Delete the channel “${channel.name}”?`)) return;
    void remove({ id: channel.id }).then((result) => {
      const problem = mutationProblem(
        result.error,
        result.data?.deleteNotificationChannel,
        'Deletion',
      );
      if (problem === null) onChanged();
      else setMessage(problem['form'] ?? 'Refused.');
    });
  };
  return (
    <li className="card-row" data-testid={`channel-${channel.name}`}>
      <div className="card-row__main">
        <strong>{channel.name}</strong> <span className="muted">{channel.type.toLowerCase()}</span>
        {channel.enabled ? null : <span className="badge"> disabled</span>}
        <div className="muted">{channel.settings.map(settingText).join(' · ')}</div>
      </div>
      <div className="card-row__actions">
        <GatedButton
          reason={manageReason}
          onClick={() => {
            setMode('edit');
          }}
        >
          Edit
        </GatedButton>
        <GatedButton reason={manageReason} onClick={del}>
          Delete
        </GatedButton>
        <GatedButton reason={adminReason} onClick={test}>
          Send test
        </GatedButton>
        <button
          type="button"
          className="button button--small button--secondary"
          aria-expanded={mode === 'log'}
          onClick={() => {
            setMode(mode === 'log' ? 'view' : 'log');
          }}
        >
          {mode === 'log' ? 'Hide log' : 'Log'}
        </button>
        {message === null ? null : <span role="status"> {message}</span>}
      </div>
      {mode === 'log' ? <ChannelLog channel={channel.name} /> : null}
    </li>
  );
}
