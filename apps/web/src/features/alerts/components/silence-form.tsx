import { FieldError } from '../../../components/field-error.tsx';
import { useSilenceForm } from '../hooks/use-silence-form.ts';
import type { SilenceDraft } from '../hooks/use-silence-form.ts';
import { EditorActions, FormField } from './form-field.tsx';

const LABELS = ['alertname', 'severity', 'metric'];

interface SilenceFormProps {
  initial: SilenceDraft;
  silenceId: string | null;
  onDone: () => void;
}

/** Creates or edits a silence: matchers (label = value), how long from now, and why. */
export function SilenceForm({ initial, silenceId, onDone }: SilenceFormProps) {
  const { draft, set, errors, save, saving } = useSilenceForm(initial, silenceId, onDone);
  return (
    <form
      className="editor"
      aria-label={silenceId === null ? 'New silence' : 'Edit silence'}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <MatchersEditor
        matchers={draft.matchers}
        error={errors.matchers}
        onChange={(matchers) => {
          set('matchers', matchers);
        }}
      />
      <div className="editor__row">
        <FormField label="Duration (minutes from now)" error={errors.minutes}>
          {(props) => (
            <input
              {...props}
              inputMode="numeric"
              value={draft.minutes}
              onChange={(event) => {
                set('minutes', event.target.value);
              }}
            />
          )}
        </FormField>
        <FormField label="Comment" error={errors.comment}>
          {(props) => (
            <input
              {...props}
              value={draft.comment}
              onChange={(event) => {
                set('comment', event.target.value);
              }}
            />
          )}
        </FormField>
      </div>
      <EditorActions
        formError={errors.form}
        saving={saving}
        submitLabel={silenceId === null ? 'Create silence' : 'Save silence'}
        onCancel={onDone}
      />
    </form>
  );
}

type Matcher = SilenceDraft['matchers'][number];

function MatchersEditor({
  matchers,
  error,
  onChange,
}: {
  matchers: Matcher[];
  error: string | undefined;
  onChange: (matchers: Matcher[]) => void;
}) {
  const change = (index: number, key: 'name' | 'value', text: string) => {
    onChange(matchers.map((matcher, i) => (i === index ? { ...matcher, [key]: text } : matcher)));
  };
  return (
    <fieldset>
      <legend>Matchers (all must equal the alert’s labels)</legend>
      <datalist id="silence-labels">
        {LABELS.map((label) => (
          <option key={label} value={label} />
        ))}
      </datalist>
      {matchers.map((matcher, index) => (
        <div className="editor__row" key={index}>
          <input
            aria-label={`Matcher ${index + 1} label`}
            list="silence-labels"
            value={matcher.name}
            onChange={(event) => {
              change(index, 'name', event.target.value);
            }}
          />
          <span aria-hidden="true">=</span>
          <input
            aria-label={`Matcher ${index + 1} value`}
            value={matcher.value}
            onChange={(event) => {
              change(index, 'value', event.target.value);
            }}
          />
          <button
            type="button"
            className="button button--small button--secondary"
            onClick={() => {
              onChange(matchers.filter((_, i) => i !== index));
            }}
          >
            Remove
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button button--small button--secondary"
        onClick={() => {
          onChange([...matchers, { name: '', value: '' }]);
        }}
      >
        Add matcher
      </button>
      <FieldError id="silence-matchers-error" message={error} />
    </fieldset>
  );
}
