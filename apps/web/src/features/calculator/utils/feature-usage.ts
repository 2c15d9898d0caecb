import type { FeatureName } from '@taurine/vitals';
import type { DrinkFormAction } from './drink-form.ts';

/**
 * The calculator actions counted as feature uses (`feature.usage`). Typed fields are counted when
 * the visitor leaves them (see `useCommitTracking`), not per keystroke, so they are not here.
 */
export const FEATURE_OF_ACTION: Partial<Record<DrinkFormAction['type'], FeatureName>> = {
  selectFlavor: 'calculator.selectFlavor',
  addAddIn: 'calculator.addIn',
  removeAddIn: 'calculator.removeAddIn',
  reset: 'calculator.startOver',
};
