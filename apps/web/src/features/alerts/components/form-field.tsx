import { useId } from 'react';
import type { ReactNode } from 'react';
import { FieldError, errorProps } from '../../../components/field-error.tsx';

interface FormFieldProps {
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  /** Renders the control with the props that tie it to its label, hint and error. */
  children: (props: {
    id: string;
    'aria-invalid': boolean;
    'aria-describedby': string | undefined;
  }) => ReactNode;
}

/** A labelled form control with an optional hint and the field's error under it. */
export function FormField({ label, error, hint, children }: FormFieldProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, ...errorProps(`${id}-error`, error, hint ? `${id}-hint` : undefined) })}
      {hint ? (
        <p id={`${id}-hint`} className="muted field-hint">
          {hint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

/** The end of an editor form: the form-wide error, then Save (or Create) and Cancel. */
export function EditorActions(props: {
  formError?: string | undefined;
  saving: boolean;
  submitLabel: string;
  onCancel: () => void;
}) {
  return (
    <>
      {props.formError ? (
        <p className="field-error" role="alert">
          {props.formError}
        </p>
      ) : null}
      <div className="editor__actions">
        <button type="submit" className="button button--small" disabled={props.saving}>
          {props.saving ? 'Saving…' : props.submitLabel}
        </button>
        <button
          type="button"
          className="button button--small button--secondary"
          onClick={props.onCancel}
        >
          Cancel
        </button>
      </div>
    </>
  );
}

/** The "Enabled" switch of a rule or a channel. */
export function EnabledCheckbox(props: { checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <label className="checkbox">
      <input
        type="checkbox"
        checked={props.checked}
        onChange={(event) => {
          props.onChange(event.target.checked);
        }}
      />{' '}
      Enabled
    </label>
  );
}
