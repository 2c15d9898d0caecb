import type { ChannelDraft, ChannelErrors } from '../hooks/use-channel-form.ts';
import { FormField } from './form-field.tsx';
import { HeadersEditor } from './headers-editor.tsx';

type Setter = <K extends keyof ChannelDraft>(key: K, value: ChannelDraft[K]) => void;
type TextKey =
  'url' | 'secret' | 'webhookUrl' | 'routingKey' | 'endpoint' | 'smtpUrl' | 'from' | 'to';

interface SettingsProps {
  draft: ChannelDraft;
  set: Setter;
  errors: ChannelErrors;
  secretsSet: ReadonlySet<string>;
}

/** The settings of the chosen channel type. */
export function ChannelSettingsFields({ draft, set, errors, secretsSet }: SettingsProps) {
  const text = (key: TextKey, label: string, options: { secret?: boolean; hint?: string } = {}) => {
    const isSet = options.secret === true && secretsSet.has(key);
    return (
      <FormField
        key={key}
        label={isSet ? `${label} (set — type to replace)` : label}
        error={errors[key]}
        hint={options.hint}
      >
        {(props) => (
          <input
            {...props}
            type={options.secret === true ? 'password' : 'text'}
            autoComplete="off"
            placeholder={isSet ? 'leave empty to keep' : undefined}
            value={draft[key]}
            onChange={(event) => {
              set(key, event.target.value);
            }}
          />
        )}
      </FormField>
    );
  };
  switch (draft.type) {
    case 'SLACK':
      return (
        <div className="editor__row">
          {text('webhookUrl', 'Incoming webhook URL', { secret: true })}
        </div>
      );
    case 'PAGERDUTY':
      return (
        <div className="editor__row">
          {text('routingKey', 'Routing key', { secret: true })}
          {text('endpoint', 'Events API URL', { hint: 'Optional: another endpoint' })}
        </div>
      );
    case 'EMAIL':
      return (
        <div className="editor__row">
          {text('smtpUrl', 'SMTP URL', { secret: true, hint: 'smtp://user:pass@host:587' })}
          {text('from', 'From')}
          {text('to', 'To', { hint: 'Comma-separated addresses' })}
        </div>
      );
    case 'WEBHOOK':
      return (
        <>
          <div className="editor__row">
            {text('url', 'URL', { secret: true })}
            {text('secret', 'Signing secret', { secret: true, hint: 'Optional: HMAC-SHA256' })}
          </div>
          <HeadersEditor
            headers={draft.headers}
            isSet={secretsSet.has('headers')}
            error={errors.headers}
            onChange={(headers) => {
              set('headers', headers);
            }}
          />
          <RetryFields draft={draft} set={set} errors={errors} />
        </>
      );
  }
}

function RetryFields({ draft, set, errors }: Omit<SettingsProps, 'secretsSet'>) {
  return (
    <fieldset className="editor__row">
      <legend>Retry policy (optional)</legend>
      <FormField label="Retries" error={errors.retryPolicy ?? errors.maxRetries}>
        {(props) => (
          <input
            {...props}
            inputMode="numeric"
            value={draft.maxRetries}
            onChange={(event) => {
              set('maxRetries', event.target.value);
            }}
          />
        )}
      </FormField>
      <FormField label="Back-off (ms)" error={errors.backoffMs}>
        {(props) => (
          <input
            {...props}
            inputMode="numeric"
            value={draft.backoffMs}
            onChange={(event) => {
              set('backoffMs', event.target.value);
            }}
          />
        )}
      </FormField>
    </fieldset>
  );
}
