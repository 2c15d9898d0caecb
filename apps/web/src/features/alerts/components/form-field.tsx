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
