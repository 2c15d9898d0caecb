import { useId } from 'react';
import { FieldError, errorProps } from '../../../components/field-error.tsx';
import { useCommitTracking } from '../hooks/use-commit-tracking.ts';

interface BodyWeightFieldProps {
  value: string;
  onChange: (bodyWeightKg: string) => void;
  error: string | undefined;
}

/** Optional body weight: it turns the single-dose limit into 3 mg per kg. */
export function BodyWeightField({ value, onChange, error }: BodyWeightFieldProps) {
  const id = useId();
  const commitTracking = useCommitTracking('calculator.bodyWeight', value);
  return (
    <div className="field">
      <label htmlFor={`${id}-input`}>
        Body weight (kg) <span className="optional">optional</span>
      </label>
      <input
        id={`${id}-input`}
        className="body-weight__input"
        type="number"
        inputMode="decimal"
        min={1}
        step="any"
        value={value}
        placeholder="e.g. 70"
        data-testid="body-weight-input"
        {...commitTracking}
        onChange={(event) => {
          onChange(event.target.value);
        }}
        {...errorProps(`${id}-error`, error, `${id}-hint`)}
      />
      <p id={`${id}-hint`} className="hint">
        With your weight the single-dose limit is 3 mg of caffeine per kg; without it, 200 mg.
      </p>
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
