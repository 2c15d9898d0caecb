interface FieldErrorProps {
  /** Referenced by the input's `aria-describedby`, so screen readers read it with the field. */
  id: string;
  message: string | undefined;
}

/** A field's error message, shown right under the input it belongs to. */
export function FieldError({ id, message }: FieldErrorProps) {
  if (message === undefined) return null;
  return (
    <p id={id} className="field-error">
      <span aria-hidden="true">⚠ </span>
      {message}
    </p>
  );
}

/** Props that tie an input to its error message and mark it invalid. */
export const errorProps = (errorId: string, message: string | undefined, hintId?: string) => {
  const describedBy = [hintId, message === undefined ? undefined : errorId]
    .filter(Boolean)
    .join(' ');
  return {
    'aria-invalid': message !== undefined,
    'aria-describedby': describedBy === '' ? undefined : describedBy,
  } as const;
};
