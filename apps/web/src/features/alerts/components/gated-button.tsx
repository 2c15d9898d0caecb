import { useId } from 'react';
import type { ButtonHTMLAttributes } from 'react';

interface GatedButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  /** Why the key may not use this ("needs admin"); null when it may. */
  reason: string | null;
}

/**
 * A button that is disabled, with the reason beside it, when the API key's role may not use it:
 * the user learns before clicking, not from a refusal after Save.
 */
export function GatedButton({ reason, disabled, children, className, ...rest }: GatedButtonProps) {
  const id = useId();
  return (
    <span className="gated">
      <button
        type="button"
        className={className ?? 'button button--small button--secondary'}
        disabled={reason !== null || disabled === true}
        aria-describedby={reason === null ? undefined : id}
        {...rest}
      >
        {children}
      </button>
      {reason === null ? null : (
        <span id={id} className="gated__reason muted">
          {reason}
        </span>
      )}
    </span>
  );
}
