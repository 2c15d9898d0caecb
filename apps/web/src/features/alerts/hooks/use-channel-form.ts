import { useState } from 'react';
import { useMutation } from 'urql';
import type { NotificationChannelType } from '../../../gql/graphql.ts';
import { CreateChannelMutation, UpdateChannelMutation } from '../api/channels.ts';
import { mutationProblem } from '../utils/mutation-problem.ts';

/** A channel as the editor holds it. Secret fields start empty: the server never sends them back. */
export interface ChannelDraft {
  type: NotificationChannelType;
  name: string;
  enabled: boolean;
  url: string;
  secret: string;
  webhookUrl: string;
  routingKey: string;
  endpoint: string;
  smtpUrl: string;
  from: string;
  to: string;
  headers: { name: string; value: string }[];
  maxRetries: string;
  backoffMs: string;
}

/** Settings the server keeps secret: write-only here ("set", "replace"). */
export const SECRET_SETTINGS = new Set([
  'url',
  'secret',
  'headers',
  'webhookUrl',
  'routingKey',
  'smtpUrl',
]);

export const emptyChannel = (type: NotificationChannelType = 'WEBHOOK'): ChannelDraft => ({
  type,
  name: '',
  enabled: true,
  url: '',
  secret: '',
  webhookUrl: '',
  routingKey: '',
  endpoint: '',
  smtpUrl: '',
  from: '',
  to: '',
  headers: [],
  maxRetries: '',
  backoffMs: '',
});

export type ChannelErrors = Partial<Record<keyof ChannelDraft | 'form' | 'retryPolicy', string>>;

/** The settings to send: blank fields are left out, so an edit keeps what it does not replace. */
function settingsOf(draft: ChannelDraft): Record<string, unknown> {
  const settings: Record<string, unknown> = {};
  const text = [
    'url',
    'secret',
    'webhookUrl',
    'routingKey',
    'endpoint',
    'smtpUrl',
    'from',
  ] as const;
  for (const key of text) if (draft[key].trim() !== '') settings[key] = draft[key].trim();
  const to = draft.to
    .split(',')
    .map((address) => address.trim())
    .filter(Boolean);
  if (to.length > 0) settings['to'] = to;
  const headers = draft.headers.filter((header) => header.name.trim() !== '');
  if (headers.length > 0) settings['headers'] = headers;
  if (draft.maxRetries.trim() !== '' || draft.backoffMs.trim() !== '') {
    settings['retryPolicy'] = {
      maxRetries: Number(draft.maxRetries),
      backoffMs: Number(draft.backoffMs),
    };
  }
  return settings;
}

/** The channel editor's state and Save (create when `channelId` is null, else a patch). */
export function useChannelForm(
  initial: ChannelDraft,
  channelId: string | null,
  onSaved: () => void,
) {
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<ChannelErrors>({});
  const [created, create] = useMutation(CreateChannelMutation);
  const [updated, update] = useMutation(UpdateChannelMutation);
  const set = <K extends keyof ChannelDraft>(key: K, value: ChannelDraft[K]) => {
    setDraft((current) => ({ ...current, [key]: value }));
  };

  const save = async () => {
    if (draft.name.trim() === '') {
      setErrors({ name: 'A channel needs a name.' });
      return;
    }
    const common = { name: draft.name.trim(), enabled: draft.enabled, ...settingsOf(draft) };
    const result =
      channelId === null
        ? await create({ input: { ...common, type: draft.type } })
        : await update({ id: channelId, input: common });
    const outcome =
      result.data && 'createNotificationChannel' in result.data
        ? result.data.createNotificationChannel
        : result.data && 'updateNotificationChannel' in result.data
          ? result.data.updateNotificationChannel
          : undefined;
    const problem = mutationProblem(result.error, outcome, 'NotificationChannel');
    if (problem === null) onSaved();
    else setErrors(problem);
  };

  return { draft, set, errors, save, saving: created.fetching || updated.fetching };
}
