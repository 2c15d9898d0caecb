import { useId } from 'react';
import { FieldError, errorProps } from '../../../components/field-error.tsx';
import { useFragment } from '../../../gql/fragment-masking.ts';
import type { FragmentType } from '../../../gql/fragment-masking.ts';
import { graphql } from '../../../gql/gql.ts';
import { trackFeature } from '../../../lib/analytics/analytics-tracker.ts';
import { formatMl } from '../../../lib/format.ts';
import { useCommitTracking } from '../hooks/use-commit-tracking.ts';
import { SERVING_PRESETS_ML } from '../utils/drink-form.ts';

export const ServingSizeField_FlavorFragment = graphql(`
  fragment ServingSizeField_FlavorFragment on Flavor {
    name
    containersMl
  }
`);

interface ServingSizeFieldProps {
  value: string;
  onChange: (servingMl: string) => void;
  error: string | undefined;
  /** The picked flavor, whose containers are the presets; null before one is picked. */
  flavor: FragmentType<typeof ServingSizeField_FlavorFragment> | null;
}

/**
 * Serving size in ml: one number field, with the picked flavor's own container sizes (a 57 ml shot,
 * 250/355/473 ml cans) one click away; common can sizes until a flavor is picked.
 */
export function ServingSizeField({
  value,
  onChange,
  error,
  flavor: flavorRef,
}: ServingSizeFieldProps) {
  const id = useId();
  const flavor = useFragment(ServingSizeField_FlavorFragment, flavorRef);
  const presets = flavor?.containersMl ?? SERVING_PRESETS_ML;
  const commitTracking = useCommitTracking('calculator.servingSize', value);
  return (
    <div className="field">
      <label htmlFor={`${id}-input`}>Serving size (ml)</label>
      <div className="serving">
        <div
          className="segmented"
          role="group"
          aria-label={flavor ? `Containers of ${flavor.name}` : 'Common can sizes'}
          data-testid="serving-presets"
        >
          {presets.map((ml) => (
            <button
              key={ml}
              type="button"
              className="segmented__button"
              aria-pressed={Number(value) === ml}
              onClick={() => {
                trackFeature('preset.serving');
                onChange(String(ml));
              }}
            >
              {formatMl(ml)}
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
          {...commitTracking}
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
