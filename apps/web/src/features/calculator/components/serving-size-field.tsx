import { useId } from 'react';
import { FieldError, errorProps } from '../../../components/field-error.tsx';
import { SERVING_PRESETS_ML } from '../utils/drink-form.ts';

interface ServingSizeFieldProps {
  value: string;
  onChange: (servingMl: string) => void;
  error: string | undefined;
}

/** Serving size in ml: one number field, with the common can sizes one click away. */
export function ServingSizeField({ value, onChange, error }: ServingSizeFieldProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={`${id}-input`}>Serving size (ml)</label>
      <div className="serving">
        <div className="segmented" role="group" aria-label="Common can sizes">
          {SERVING_PRESETS_ML.map((ml) => (
            <button
              key={ml}
              type="button"
              className="segmented__button"
              aria-pressed={Number(value) === ml}
              onClick={() => {
                onChange(String(ml));
              }}
            >
              {ml} ml
            </button>
          ))}
        </div>
        <input
          id={`${id}-input`}
          className="serving__input"
          type="number"
          inputMode="decimal"
          min={1}
          step="any"
          value={value}
          data-testid="serving-input"
          onChange={(event) => {
            onChange(event.target.value);
          }}
          {...errorProps(`${id}-error`, error)}
        />
      </div>
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
