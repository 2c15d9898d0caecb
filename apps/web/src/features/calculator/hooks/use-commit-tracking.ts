import { useRef } from 'react';
import type { FeatureName } from '@taurine/vitals';
import { trackFeature } from '../../../lib/analytics/analytics-tracker.ts';

/**
 * Focus and blur handlers for a typed field that count one use of `feature` when the visitor
 * leaves the field with another value than it had: typing "7", "70" is one use, not two.
 */
export function useCommitTracking(feature: FeatureName, value: string) {
  const atFocus = useRef<string | null>(null);
  return {
    onFocus: () => {
      atFocus.current = value;
    },
    onBlur: () => {
      if (atFocus.current !== null && atFocus.current !== value) trackFeature(feature);
      atFocus.current = null;
    },
  };
}
