import type { NotificationChannelType } from '../../../gql/graphql.ts';
import { useChannelForm } from '../hooks/use-channel-form.ts';
import type { ChannelDraft } from '../hooks/use-channel-form.ts';
import { ChannelSettingsFields } from './channel-settings-fields.tsx';
import { EditorActions, EnabledCheckbox, FormField } from './form-field.tsx';

const TYPES: { type: NotificationChannelType; label: string }[] = [
  { type: 'WEBHOOK', label: 'Webhook (JSON POST)' },
  { type: 'SLACK', label: 'Slack' },
  { type: 'EMAIL', label: 'Email (SMTP)' },
  { type: 'PAGERDUTY', label: 'PagerDuty' },
];

interface ChannelFormProps {
  initial: ChannelDraft;
  /** The channel being edited; null for a new one. */
  channelId: string | null;
  /** Names of the secret settings the channel has: shown as "set", replaced only when typed. */
  secretsSet: ReadonlySet<string>;
  onDone: () => void;
}

/** Creates or edits a channel; secrets are write-only. */
export function ChannelForm({ initial, channelId, secretsSet, onDone }: ChannelFormProps) {
  const { draft, set, errors, save, saving } = useChannelForm(initial, channelId, onDone);
  return (
    <form
      className="editor"
      aria-label={channelId === null ? 'New channel' : `Edit channel ${initial.name}`}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <div className="editor__row">
        <FormField label="Type" error={errors.type}>
          {(props) => (
            <select
              {...props}
              value={draft.type}
              disabled={channelId !== null}
              onChange={(event) => {
                set('type', event.target.value as NotificationChannelType);
              }}
            >
              {TYPES.map(({ type, label }) => (
                <option key={type} value={type}>
                  {label}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label="Name" error={errors.name}>
          {(props) => (
            <input
              {...props}
              value={draft.name}
              onChange={(event) => {
                set('name', event.target.value);
              }}
            />
          )}
        </FormField>
      </div>
      <ChannelSettingsFields draft={draft} set={set} errors={errors} secretsSet={secretsSet} />
      <EnabledCheckbox
        checked={draft.enabled}
        onChange={(checked) => {
          set('enabled', checked);
        }}
      />
      <EditorActions
        formError={errors.form}
        saving={saving}
        submitLabel={channelId === null ? 'Create channel' : 'Save channel'}
        onCancel={onDone}
      />
    </form>
  );
}
